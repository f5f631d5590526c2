import type { Inngest } from "inngest";
import { NonRetriableError } from "inngest";
import type { Recorder } from "../contract-app.js";
import { tagOf } from "./shared.js";

/** Functions that fail: retries running out, errors outside steps, output the executor cannot store. */
export function createFailureFunctions(inngest: Inngest, rec: Recorder) {
  const recordFailure = (key: string) => async ({ event, error }: { event: { data: { event: { data?: unknown } } }; error: Error }) => {
    rec.values.set(`${key}:${tagOf({ data: event.data.event.data ?? {} })}`, error.message);
  };

  const exhaustsRetries = inngest.createFunction(
    { id: "exhausts-retries", triggers: [{ event: "test/exhausts-retries" }], retries: 2, onFailure: recordFailure("exhausted") },
    async ({ event, step }) => {
      await step.run("always-fails", () => {
        throw new Error(`attempt ${rec.hit(`exhausted:${tagOf(event)}`)} failed`);
      });
    },
  );

  const failsOutsideStep = inngest.createFunction(
    { id: "fails-outside-step", triggers: [{ event: "test/fails-outside-step" }], onFailure: recordFailure("outside") },
    async ({ event, step }) => {
      await step.run("fine", () => rec.hit(`outside:${tagOf(event)}:fine`));
      rec.hit(`outside:${tagOf(event)}:body`);
      throw new NonRetriableError("gave up outside any step");
    },
  );

  // Postgres jsonb cannot hold U+0000, so the executor cannot memoise this step's output.
  const unstorableOutput = inngest.createFunction(
    { id: "unstorable-output", triggers: [{ event: "test/unstorable-output" }], retries: 1 },
    async ({ event, step }) => {
      await step.run("emit", () => rec.hit(`unstorable:${tagOf(event)}`) && "before\u0000after");
      return "unreachable";
    },
  );

  return [exhaustsRetries, failsOutsideStep, unstorableOutput];
}

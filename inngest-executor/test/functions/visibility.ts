import type { Inngest } from "inngest";
import type { Recorder } from "../contract-app.js";
import { tagOf } from "./shared.js";

/** Runs of every status for /v1/runs and `/`: one function that succeeds or fails as its event says, and another. */
export function createVisibilityFunctions(inngest: Inngest, rec: Recorder) {
  const visible = inngest.createFunction(
    { id: "visible", triggers: [{ event: "test/visible" }], retries: 1 },
    async ({ event, step }) => {
      const { fail } = event.data as { fail?: string };
      await step.run("prepare", () => rec.hit(`visible:${tagOf(event)}:prepare`));
      return step.run("finish", () => {
        if (fail) throw new Error(fail);
        return "finished";
      });
    },
  );
  const bystander = inngest.createFunction({ id: "bystander", triggers: [{ event: "test/bystander" }] }, async () => "bystanding");
  return [visible, bystander];
}

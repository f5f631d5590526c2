import type { Inngest } from "inngest";
import type { Recorder } from "../contract-app.js";
import { tagOf } from "./shared.js";

/** The same in both versions of the app: its runs wait for an event, so one can be in flight across a restart. */
function createKeptFunction(inngest: Inngest, rec: Recorder) {
  return inngest.createFunction({ id: "resync-kept", triggers: [{ event: "test/resync-kept" }] }, async ({ event, step }) => {
    const tag = tagOf(event);
    await step.run("before", () => rec.hit(`resync-kept:${tag}:before`));
    const go = await step.waitForEvent("go", { event: "test/resync-go", timeout: "1h", if: "async.data.tag == event.data.tag" });
    await step.run("after", () => rec.hit(`resync-kept:${tag}:after`));
    return { went: go !== null };
  });
}

/** The app before its restart: `resync-removed` goes away and `resync-changed` gets another trigger after it. */
export function createResyncBeforeFunctions(inngest: Inngest, rec: Recorder) {
  const removed = inngest.createFunction({ id: "resync-removed", triggers: [{ event: "test/resync-removed" }] }, async ({ event }) =>
    rec.hit(`resync-removed:${tagOf(event)}`),
  );
  const changed = inngest.createFunction({ id: "resync-changed", triggers: [{ event: "test/resync-changed-old" }] }, async () => "old");
  return [createKeptFunction(inngest, rec), removed, changed];
}

/** The app after its restart: `resync-added` is new and `resync-changed` listens to another event. */
export function createResyncAfterFunctions(inngest: Inngest, rec: Recorder) {
  const added = inngest.createFunction({ id: "resync-added", triggers: [{ event: "test/resync-added" }] }, async ({ event, step }) =>
    step.run("new-step", () => rec.hit(`resync-added:${tagOf(event)}`) && "added"),
  );
  const changed = inngest.createFunction({ id: "resync-changed", triggers: [{ event: "test/resync-changed-new" }] }, async () => "new");
  return [createKeptFunction(inngest, rec), added, changed];
}

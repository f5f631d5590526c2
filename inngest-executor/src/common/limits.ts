import type { RunError } from "../runs/types.js";

// Inngest's limits, enforced here so a function that would break on Inngest breaks here first. The values are those
// of Inngest's Go server (pkg/consts/consts.go at inngest/inngest@253303c, the same as self-hosted `inngest start`)
// and of its published usage limits; each failure is shaped as the Go server shapes it.

/** Steps a run may memoise (consts.DefaultMaxStepLimit). The next request of a run that has this many fails it. */
export const MAX_STEPS_PER_RUN = 1_000;

/** Bytes of one step's output (consts.MaxStepOutputSize, 4 MiB). More fails the attempt, which is retried. */
export const MAX_STEP_OUTPUT_BYTES = 4 * 1024 * 1024;

/** Bytes of a run's memoised step output together (consts.DefaultMaxStateSizeLimit, 32 MiB). More fails the run. */
export const MAX_RUN_STATE_BYTES = 32 * 1024 * 1024;

/**
 * Bytes of one event request (consts.DefaultMaxEventSize, 512 KiB, self-hosted's default); Inngest Cloud's free plan
 * takes 256 KiB (INNGEST_EXECUTOR_MAX_EVENT_BYTES=262144). More answers 400, as Inngest's event API does.
 */
export const DEFAULT_MAX_EVENT_REQUEST_BYTES = 512 * 1024;

/** Events in one batch (consts.DefaultBatchSizeLimit; Inngest Cloud's Pro plan). More is refused at sync. */
export const MAX_BATCH_SIZE = 100;

/** A batch of fewer than 2 events, or with a timeout under a second, is refused at sync (pkg/inngest/batch.go). */
export const MIN_BATCH_SIZE = 2;
export const MIN_BATCH_TIMEOUT_MS = 1_000;

/** The run's error once it passed the step limit: Inngest's InngestErrFunctionOverflowed. */
export const STEP_LIMIT_ERROR: RunError = {
  name: "InngestErrFunctionOverflowed",
  message: `The function run exceeded the step limit of ${MAX_STEPS_PER_RUN} steps.`,
  error: "function has too many steps",
};

/** The run's error once its state passed the limit: Inngest's InngestErrStateOverflowed. */
export const STATE_LIMIT_ERROR: RunError = {
  name: "InngestErrStateOverflowed",
  message: `The function run exceeded the state size limit of ${MAX_RUN_STATE_BYTES} bytes.`,
  error: "state is too large",
};

/** Why one step's output is refused, as the Go server words it when it validates an op. */
export function describeOversizedOutput(stepId: string, bytes: number): string {
  return `step ${stepId} output size is greater than the limit: ${bytes} bytes, at most ${MAX_STEP_OUTPUT_BYTES} (4 MiB)`;
}

/** Why an event request is refused, as Inngest's event API words it. */
export function describeOversizedEventRequest(bytes: number, max: number): string {
  return `Event is over the max size: Max ${max} bytes / Size ${bytes} bytes`;
}

/** The bytes a JSON value takes as stored and sent. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null));
}

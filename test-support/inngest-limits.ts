/**
 * The limits Inngest holds every function run to, as the app's tests check them. The embedded executor enforces
 * its own copy; the app imports nothing from it, so the figures live here too, each with its source.
 */
export const INNGEST_LIMITS = {
  /**
   * Steps one run may take; the run fails past it. `DefaultMaxStepLimit = 1_000` in Inngest's Go server
   * (pkg/consts/consts.go), the same self-hosted; "The maximum number of steps allowed per function is 1000"
   * (docs: usage limits, "Number of Steps per Function").
   */
  stepsPerRun: 1_000,
  /** Bytes one step may return. `MaxStepOutputSize = 4MB` (pkg/consts/consts.go); docs: "Payload Size", 4MB. */
  stepOutputBytes: 4 * 1024 * 1024,
  /**
   * Bytes of a run's state: its event(s), every step's output and the function's own. `DefaultMaxStateSizeLimit =
   * 32MB` (pkg/consts/consts.go); docs: "Function run state cannot exceed 32MB".
   */
  runStateBytes: 32 * 1024 * 1024,
  /**
   * Bytes of one request to the event API. Inngest Cloud's free plan: "Maximum event size 256 KiB" (docs: durable
   * execution limits, plan-based limits; 3 MiB on paid plans). Self-hosted: `DefaultMaxEventSize = 512 * 1024`
   * (pkg/consts/consts.go). The smaller one binds wherever the app may run.
   */
  eventRequestBytes: 256 * 1024,
} as const;

export type InngestLimits = typeof INNGEST_LIMITS;

import { AsyncLocalStorage } from "node:async_hooks";

/** What a log line concerns; each field is set where it is known and carried to every line logged beneath. */
export type LogContext = {
  organizationId?: string;
  connectionId?: string;
  runId?: string;
  callGongId?: string;
  requestId?: string;
  workflowRunId?: string;
  functionId?: string;
  stepId?: string;
};

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` added to every log line written inside it (nested contexts add to outer ones). */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { currentLogContext } from "./log-context";
import { redact, scrubString } from "./redact";

/**
 * One JSON line per event (pino), on stdout, or on LOG_FILE when set. LOG_LEVEL picks the threshold (default
 * "info"); LOG_FORMAT=pretty gives coloured lines for a person at a terminal (npm run demo). Every line carries
 * the log context of where it was written (organizationId, connectionId, runId, callGongId, requestId) and is
 * redacted (lib/observability/redact.ts) after it is merged, so no call site can leak a secret by accident.
 * This reads process.env directly: logging must work before (and when) the rest of the environment is invalid.
 */
function createLogger(): Logger {
  const level = process.env.LOG_LEVEL ?? "info";
  const options: pino.LoggerOptions = {
    level,
    base: { service: "callbridge" },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: "msg",
    errorKey: "error",
    serializers: { error: (value: unknown) => redact(value) },
    mixin: () => ({ ...currentLogContext() }),
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redact(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        // Messages are scrubbed too: `logger.error(\`…${url}\`)` must not leak a key in the URL.
        const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubString(arg) : arg)) as typeof args;
        return method.apply(this, scrubbed);
      },
    },
  };
  return pino(options, destination());
}

function destination(): DestinationStream {
  if (process.env.LOG_FORMAT === "pretty") {
    // A stream in this process, not a transport: no worker thread to bundle.
    return pretty({ colorize: true, sync: true, destination: process.env.LOG_FILE ?? 1, ignore: "service,pid,hostname" });
  }
  return pino.destination({ dest: process.env.LOG_FILE ?? 1, sync: Boolean(process.env.LOG_FILE), mkdir: true });
}

const globalForLogger = globalThis as unknown as { callbridgeLogger?: Logger };

/** The process's logger; `logger.child({ … })` for lines about one thing, or withLogContext for everything beneath. */
export const logger: Logger = (globalForLogger.callbridgeLogger ??= createLogger());

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { InngestFunction } from "inngest";
import { INNGEST_LIMITS, type InngestLimits } from "./inngest-limits";

type Event = { name: string; data?: unknown; id?: string };
type Handler = (ctx: Record<string, unknown>) => Promise<unknown>;
type Trigger = { event?: string; cron?: string };

/** What one run used of Inngest's limits, and the first limit it went past (Inngest fails the run there). */
export type RunUsage = {
  functionId: string;
  steps: number;
  largestStepOutputBytes: number;
  stateBytes: number;
  exceeded: string | null;
};

/** One request to the event API, as the SDK sent it. */
export type EventRequest = { bytes: number; events: Event[] };

export type EventApi = { url: string; requests: EventRequest[]; close(): Promise<void> };

/** A stand-in for Inngest's event API on a loopback port: it keeps each request (its exact size) and answers ids. */
export async function startEventApi(): Promise<EventApi> {
  const requests: EventRequest[] = [];
  let nextId = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const parsed = JSON.parse(body.toString("utf8")) as Event | Event[];
      const events = Array.isArray(parsed) ? parsed : [parsed];
      requests.push({ bytes: body.length, events });
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ ids: events.map(() => `event-${++nextId}`), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

class LimitExceeded extends Error {}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null));
const idOf = (fn: InngestFunction.Any) => (fn as unknown as { opts: { id: string } }).opts.id;
const triggersOf = (fn: InngestFunction.Any) => (fn as unknown as { opts: { triggers?: Trigger[] } }).opts.triggers ?? [];

/**
 * Runs Inngest functions as Inngest would as far as its limits go, quickly: each run's handler is called once with
 * step tools that run every step once (Inngest replays memoised steps on each request; what a run uses of the
 * limits is the same), count the steps, measure each step's output and the run's state as serialized JSON, and
 * hand the function back the output as JSON, as a replay would. `step.invoke` starts a fresh run of the invoked
 * function; events the functions send go to `eventApi`, and those that trigger a function in `follow` (a chain's
 * continuation) start a fresh run of it. A run that goes past a limit stops there, as Inngest fails it.
 */
export function createLimitHarness(options: {
  /** How the app sends events (its client's `send`), so step.sendEvent goes through the SDK to `eventApi`. */
  send: (payload: Event | Event[]) => Promise<{ ids: string[] }>;
  eventApi: EventApi;
  limits?: InngestLimits;
}) {
  const limits = options.limits ?? INNGEST_LIMITS;
  const runs: RunUsage[] = [];
  let runNumber = 0;

  async function runOnce(fn: InngestFunction.Any, events: Event[]): Promise<{ output: unknown; usage: RunUsage }> {
    const usage: RunUsage = { functionId: idOf(fn), steps: 0, largestStepOutputBytes: 0, stateBytes: bytesOf(events), exceeded: null };
    runs.push(usage);
    const exceed = (limit: string): never => {
      usage.exceeded ??= limit;
      throw new LimitExceeded(`${usage.functionId}: ${limit}`);
    };
    const account = (bytes: number) => {
      usage.stateBytes += bytes;
      if (usage.stateBytes > limits.runStateBytes) exceed(`run state ${usage.stateBytes} bytes > ${limits.runStateBytes}`);
    };
    const memo = async (work: () => unknown): Promise<unknown> => {
      if (usage.exceeded) throw new LimitExceeded(usage.exceeded);
      if (++usage.steps > limits.stepsPerRun) exceed(`steps > ${limits.stepsPerRun}`);
      const json = JSON.stringify((await work()) ?? null);
      const bytes = Buffer.byteLength(json);
      usage.largestStepOutputBytes = Math.max(usage.largestStepOutputBytes, bytes);
      if (bytes > limits.stepOutputBytes) exceed(`step output ${bytes} bytes > ${limits.stepOutputBytes}`);
      account(bytes);
      return JSON.parse(json);
    };
    const step = {
      run: (_id: string, body: () => unknown) => memo(body),
      sendEvent: (_id: string, payload: Event | Event[]) => memo(() => options.send(payload)),
      invoke: (_id: string, invocation: { function: InngestFunction.Any; data: unknown }) =>
        memo(async () => {
          const child = await runOnce(invocation.function, [{ name: "inngest/function.invoked", data: invocation.data }]);
          if (child.usage.exceeded) throw new LimitExceeded(child.usage.exceeded);
          return child.output;
        }),
      sleep: () => memo(() => null),
      sleepUntil: () => memo(() => null),
      waitForEvent: () => memo(() => null),
    };
    // The handler given to createFunction: a private field of the SDK's InngestFunction (inngest 4.24.0, pinned).
    const handler = (fn as unknown as { fn: Handler }).fn;
    try {
      const output = await handler({ event: events[0], events, step, runId: `run-${++runNumber}`, attempt: 0 });
      account(bytesOf(output));
      return { output, usage };
    } catch (error) {
      if (error instanceof LimitExceeded) return { output: undefined, usage };
      throw error;
    }
  }

  return {
    runs,
    /**
     * Runs `fn` on `events`, then every run its chain continues in: each event sent meanwhile that triggers one of
     * `follow` starts a fresh run of it, until none is left.
     */
    async drive(fn: InngestFunction.Any, events: Event[], follow: InngestFunction.Any[] = [fn]): Promise<RunUsage[]> {
      const first = runs.length;
      let seen = options.eventApi.requests.length;
      const queue: [InngestFunction.Any, Event[]][] = [[fn, events]];
      for (let next = queue.shift(); next; next = queue.shift()) {
        await runOnce(...next);
        const sent = options.eventApi.requests.slice(seen).flatMap((request) => request.events);
        seen = options.eventApi.requests.length;
        for (const event of sent) {
          for (const candidate of follow) {
            if (triggersOf(candidate).some((trigger) => trigger.event === event.name)) queue.push([candidate, [event]]);
          }
        }
      }
      return runs.slice(first);
    },
  };
}

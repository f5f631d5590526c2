import { describe, expect, it } from "vitest";
import { getBackoffMs, parseRetryAfter } from "../src/common/backoff.js";
import { matchesExpression } from "../src/common/cel.js";
import { getNextCronTime } from "../src/common/cron.js";
import { parseDuration, resolveUntil } from "../src/common/duration.js";
import { hashSigningKey, isAuthorized, isEventKey, signBody } from "../src/common/signing.js";
import { parseConfig, startExecutor } from "../src/index.js";
import { getMaxAttempts, parseFunctionConfig } from "../src/sync/function-config.js";
import { createIntakePressure } from "../src/worker/intake-pressure.js";

const base = {
  id: "app-fn",
  name: "fn",
  triggers: [{ event: "a/b" }],
  steps: { step: { id: "step", name: "step", runtime: { type: "http", url: "http://127.0.0.1:3000/api/inngest?fnId=app-fn&stepId=step" } } },
};

describe("function config at sync", () => {
  it("accepts supported fields and, as Inngest's server, defaults to 4 retries (5 attempts)", () => {
    const { config, errors } = parseFunctionConfig({ ...base, concurrency: { limit: 1, key: "event.data.id" }, throttle: { limit: 1, period: "1s" } });
    expect(errors).toEqual([]);
    expect(getMaxAttempts(config!)).toBe(5);
  });

  it("accepts batchEvents and checks its timeout, key and if", () => {
    const batchEvents = { maxSize: 10, timeout: "1s", key: "event.data.account", if: "event.data.bulk == true" };
    expect(parseFunctionConfig({ ...base, batchEvents }).config?.batchEvents).toEqual(batchEvents);
    const fields = (value: unknown) => parseFunctionConfig({ ...base, batchEvents: value }).errors.map((error) => error.field);
    expect(fields({ maxSize: 10, timeout: "soon" })).toEqual(["batchEvents.timeout"]);
    expect(fields({ maxSize: 10, timeout: "1s", key: "event.data ==" })).toEqual(["batchEvents.key"]);
    expect(fields({ maxSize: 10, timeout: "1s", if: "event.data ==" })).toEqual(["batchEvents.if"]);
    expect(fields({ maxSize: 0, timeout: "1s" })).toEqual(["batchEvents.maxSize"]);
  });

  it.each(["idempotency", "rateLimit", "debounce", "singleton", "priority", "timeouts", "somethingNew"])(
    "rejects %s naming the function and field",
    (field) => {
      const { config, errors } = parseFunctionConfig({ ...base, [field]: { limit: 1 } });
      expect(config).toBeUndefined();
      expect(errors).toEqual([expect.objectContaining({ functionId: "app-fn", field })]);
    },
  );

  it("holds batchEvents to Inngest's bounds: 2 to 100 events, a timeout of a second or more, no cancelOn", () => {
    const fields = (batchEvents: unknown, extra: Record<string, unknown> = {}) =>
      parseFunctionConfig({ ...base, batchEvents, ...extra }).errors.map((error) => `${error.field}: ${error.message}`);
    expect(fields({ maxSize: 100, timeout: "1s" })).toEqual([]);
    expect(fields({ maxSize: 101, timeout: "1s" })).toEqual([expect.stringMatching(/^batchEvents.maxSize: .*from 2 to 100/)]);
    expect(fields({ maxSize: 1, timeout: "1s" })).toEqual([expect.stringMatching(/^batchEvents.maxSize: /)]);
    expect(fields({ maxSize: 10, timeout: "500ms" })).toEqual(["batchEvents.timeout: batch timeout should be more than 1s"]);
    expect(fields({ maxSize: 10, timeout: "1s" }, { cancel: [{ event: "a/stop" }] })).toEqual([
      "cancel: app-fn: batching and cancellation are mutually exclusive (as on Inngest)",
    ]);
  });

  it("rejects what the SDK's schema refuses, and Connect functions, naming the field", () => {
    expect(parseFunctionConfig({ ...base, triggers: "a/b" }).errors[0]?.field).toBe("triggers");
    const ws = { step: { ...base.steps.step, runtime: { type: "ws", url: "ws://127.0.0.1:3000" } } };
    expect(parseFunctionConfig({ ...base, steps: ws }).errors[0]?.field).toBe("steps.step.runtime.type");
    expect(parseFunctionConfig({ ...base, concurrency: { limit: 1.5 } }).errors[0]?.field).toBe("concurrency");
  });

  it("rejects invalid CEL, bad cron and cron jitter", () => {
    expect(parseFunctionConfig({ ...base, triggers: [{ event: "a/b", expression: "event.data ==" }] }).errors[0]?.field).toBe(
      "triggers.0.expression",
    );
    expect(parseFunctionConfig({ ...base, triggers: [{ cron: "not a cron" }] }).errors[0]?.field).toBe("triggers.0.cron");
    expect(parseFunctionConfig({ ...base, triggers: [{ cron: "* * * * *", jitter: "5s" }] }).errors[0]?.field).toBe("triggers.0.jitter");
  });
});

describe("helpers", () => {
  it("parses Inngest durations and dates", () => {
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("1s")).toBe(1000);
    expect(parseDuration("soon")).toBeUndefined();
    expect(resolveUntil("2030-01-01T00:00:00.000Z").toISOString()).toBe("2030-01-01T00:00:00.000Z");
  });

  it("reads Retry-After as seconds or a date and scales backoff", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(getBackoffMs(1, 1)).toBeGreaterThanOrEqual(15_000);
    expect(getBackoffMs(1, 0.001)).toBeLessThan(100);
  });

  it("evaluates CEL with event and async", () => {
    expect(matchesExpression("event.data.function_id == 'x'", { event: { data: { function_id: "x" } } })).toBe(true);
    expect(matchesExpression("async.data.n == event.data.n", { event: { data: { n: 2 } }, async: { data: { n: 3 } } })).toBe(false);
    expect(matchesExpression("event.data.missing.deep == 1", { event: { data: {} } })).toBe(false);
  });

  it("computes cron slots with a time zone prefix", () => {
    const next = getNextCronTime("TZ=Europe/Paris 0 9 * * *", new Date("2030-01-01T00:00:00Z"));
    expect(next?.toISOString()).toBe("2030-01-01T08:00:00.000Z");
    expect(getNextCronTime("CRON_TZ=Asia/Tokyo 0 9 * * *", new Date("2029-12-31T12:00:00Z"))?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
  });

  it("reads a cron without a zone in UTC, as Inngest does, whatever the host's zone", () => {
    const hostZone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      expect(getNextCronTime("0 9 * * *", new Date("2030-01-01T00:00:00Z"))?.toISOString()).toBe("2030-01-01T09:00:00.000Z");
    } finally {
      if (hostZone === undefined) delete process.env.TZ;
      else process.env.TZ = hostZone;
    }
  });

  it("signs and hashes keys as the SDK does", () => {
    const key = `signkey-test-${"ab".repeat(32)}`;
    expect(hashSigningKey(key)).toMatch(/^signkey-test-[0-9a-f]{64}$/);
    expect(isAuthorized(`Bearer ${hashSigningKey(key)}`, { signingKey: key })).toBe(true);
    expect(isAuthorized("Bearer nope", { signingKey: key })).toBe(false);
    expect(signBody('{"b":1,"a":2}', key, 1_700_000_000_000)).toMatch(/^t=1700000000&s=[0-9a-f]{64}$/);
  });
});

describe("keys", () => {
  const key = `signkey-test-${"ab".repeat(32)}`;
  const previous = `signkey-test-${"cd".repeat(32)}`;

  it("accepts the fallback signing key while keys rotate, and no other", () => {
    const keys = { signingKey: key, signingKeyFallback: previous };
    expect(isAuthorized(`Bearer ${hashSigningKey(previous)}`, keys)).toBe(true);
    expect(isAuthorized(`Bearer ${hashSigningKey(key)}`, keys)).toBe(true);
    expect(isAuthorized(`Bearer ${hashSigningKey(previous)}`, { signingKey: key })).toBe(false);
    expect(isAuthorized(undefined, keys)).toBe(false);
  });

  it("takes the key itself, as Inngest's REST API does, as well as the hash the SDK sends", () => {
    expect(isAuthorized(`Bearer ${key}`, { signingKey: key })).toBe(true);
    expect(isAuthorized(`Bearer ${previous}`, { signingKey: key, signingKeyFallback: previous })).toBe(true);
    expect(isAuthorized(`Bearer ${previous}`, { signingKey: key })).toBe(false);
    expect(isAuthorized(key, { signingKey: key })).toBe(false);
  });

  it("takes the event key only when it is the configured one, whatever its length", () => {
    expect(isEventKey("event-key", "event-key")).toBe(true);
    expect(isEventKey("event-kez", "event-key")).toBe(false);
    expect(isEventKey("event-key-and-more", "event-key")).toBe(false);
    expect(isEventKey("", "event-key")).toBe(false);
    expect(isEventKey("anything", undefined)).toBe(true);
  });

  it("refuses to start without both keys unless it is told it is a dev server", async () => {
    const databaseUrl = "postgres://nobody@127.0.0.1:1/none";
    await expect(startExecutor({ databaseUrl, eventKey: "e" })).rejects.toThrow(/needs INNGEST_SIGNING_KEY .*INNGEST_EXECUTOR_DEV=1/);
    await expect(startExecutor({ databaseUrl, signingKey: key })).rejects.toThrow(/needs INNGEST_EVENT_KEY/);
    expect(() => parseConfig({ DATABASE_URL: databaseUrl })).toThrow(/needs INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY/);
    expect(parseConfig({ DATABASE_URL: databaseUrl, INNGEST_EXECUTOR_DEV: "1" })).toMatchObject({ dev: true, signingKey: undefined });
  });
});

describe("intake pressure", () => {
  it("is busy from the 10th event request within 250 ms until 250 ms pass without enough of them", () => {
    const pressure = createIntakePressure();
    for (let at = 0; at < 9; at++) pressure.noteRequest(1_000 + at * 10);
    expect(pressure.isBusy(1_090)).toBe(false);
    pressure.noteRequest(1_090);
    expect(pressure.isBusy(1_100)).toBe(true);
    expect(pressure.isBusy(1_249)).toBe(true);
    expect(pressure.isBusy(1_250)).toBe(false);
  });

  it("never counts a steady trickle, however long it goes on", () => {
    const pressure = createIntakePressure();
    for (let at = 0; at < 1_000; at += 30) {
      pressure.noteRequest(at);
      expect(pressure.isBusy(at)).toBe(false);
    }
  });
});

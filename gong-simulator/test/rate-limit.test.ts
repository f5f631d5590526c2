import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningSimulator } from "../src/index";
import { admitRequest, createRateLimiter } from "../src/limits/rate-limiter";
import { callApi, control, startTestSimulator } from "./support";

describe("rate limits per company", () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator({ rateLimit: 3, dailyLimit: 10_000 });
  });
  afterEach(() => sim.close());

  it("a burst over 3 requests a second gets 429 with Retry-After in seconds and Gong's error body", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => callApi(sim, "GET", "/v2/workspaces")));
    const limited = answers.filter((answer) => answer.status === 429);
    const admitted = answers.filter((answer) => answer.status === 200);
    // A burst of 6 normally splits 3/3; a very slow machine may let a 4th through a fresh window.
    expect(admitted.length).toBeGreaterThanOrEqual(3);
    expect(limited.length).toBe(6 - admitted.length);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get("retry-after")).toBe("1");
    expect(limited[0]!.body).toEqual({ requestId: expect.any(String), errors: [expect.stringContaining("limit")] });
    const stats = await control<{ http429: number; dailyUsage: number; requestsByEndpoint: Record<string, Record<string, number>> }>(sim, "GET", "/stats");
    expect(stats.http429).toBe(limited.length);
    expect(stats.dailyUsage).toBe(admitted.length); // refused requests spend no budget
    expect(stats.requestsByEndpoint["GET /v2/workspaces"]).toEqual({ "200": admitted.length, "429": limited.length });
  });

  it("OAuth and control endpoints are not rate limited", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`${sim.url}/__sim/stats`)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
  });

  it("the daily quota gives 429 until UTC midnight", async () => {
    await control(sim, "POST", "/faults", { dailyLimit: 2, rateLimit: 100 });
    expect((await callApi(sim, "GET", "/v2/users")).status).toBe(200);
    expect((await callApi(sim, "GET", "/v2/users")).status).toBe(200);
    const now = Date.now();
    const over = await callApi(sim, "GET", "/v2/users");
    expect(over.status).toBe(429);
    const secondsToMidnight = Math.ceil((Date.parse(new Date(now).toISOString().slice(0, 10)) + 86_400_000 - now) / 1000);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(secondsToMidnight - 5);
    expect(Number(over.headers.get("retry-after"))).toBeLessThanOrEqual(secondsToMidnight);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(now + secondsToMidnight * 1000 + 1000);
      expect((await callApi(sim, "GET", "/v2/users")).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("rolling one-second window", () => {
  it("admits again once the oldest request leaves the window", () => {
    const limiter = createRateLimiter();
    const limits = { perSecond: 3, perDay: 100 };
    const t = Date.parse("2026-03-01T12:00:00Z");
    expect([0, 100, 200].map((dt) => admitRequest(limiter, limits, t + dt).ok)).toEqual([true, true, true]);
    expect(admitRequest(limiter, limits, t + 999)).toEqual({ ok: false, reason: "second", retryAfterSeconds: 1 });
    expect(admitRequest(limiter, limits, t + 1000).ok).toBe(true);
    expect(admitRequest(limiter, limits, t + 1050).ok).toBe(false);
    expect(limiter.dailyUsage).toBe(4);
  });
});

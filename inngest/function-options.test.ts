import { describe, expect, it } from "vitest";
import { functions } from "./index";

type Options = { id: string; concurrency?: unknown; cancelOn?: { event: string; if?: string }[]; batchEvents?: unknown };

const optionsOf = (id: string) => {
  const fn = functions.find((candidate) => (candidate as unknown as { opts: Options }).opts.id === id);
  if (!fn) throw new Error(`no function ${id}`);
  return (fn as unknown as { opts: Options }).opts;
};

const concurrencyKeys = (options: Options) =>
  [options.concurrency].flat().flatMap((entry) => (entry && typeof entry === "object" && "key" in entry ? [String(entry.key)] : []));

// Functions that work on one Gong connection; insights and the cron scheduler are not tied to one.
const CONNECTION_FUNCTIONS = [
  "backfill-gong-connection",
  "sync-gong-calls",
  "sync-gong-users",
  "sync-gong-workspace",
  "sync-gong-call",
  "sync-webhook-calls",
  "check-late-transcripts",
  "delete-gong-calls",
  "purge-gong-data",
];

describe("Inngest function options (STYLE.md: a concurrency key per connection, cancelled by a revoke)", () => {
  it.each(CONNECTION_FUNCTIONS)("%s runs under a per-connection concurrency key", (id) => {
    expect(concurrencyKeys(optionsOf(id))).toContain("event.data.connectionId");
  });

  // sync-webhook-calls is batched, and Inngest does not cancel batched runs by events: it checks the connection.
  it.each(CONNECTION_FUNCTIONS.filter((id) => id !== "purge-gong-data" && id !== "sync-webhook-calls"))("%s is cancelled when its connection is revoked", (id) => {
    expect(optionsOf(id).cancelOn).toContainEqual({ event: "gong/connection.revoked", if: "async.data.connectionId == event.data.connectionId" });
  });

  it("purge-gong-data is not cancelled by the revoke it follows", () => {
    expect(optionsOf("purge-gong-data").cancelOn ?? []).toEqual([]);
  });

  it("no batched function relies on cancelOn, which Inngest ignores for batched runs (and the executor refuses)", () => {
    const batched = functions.map((fn) => (fn as unknown as { opts: Options }).opts).filter((options) => options.batchEvents);
    expect(batched.map((options) => options.id)).toContain("sync-webhook-calls");
    expect(batched.filter((options) => options.cancelOn?.length).map((options) => options.id)).toEqual([]);
  });
});

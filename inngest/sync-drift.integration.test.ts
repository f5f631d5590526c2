import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

let stack: SyncStack;
let connectionId: string;

const DAY_MS = 86_400_000;
const ACCESS_KEY = `Basic ${Buffer.from("sim-access-key:sim-access-key-secret").toString("base64")}`;

/** Every call id Gong (the simulator) serves right now, read raw, so nothing of Callbridge's validation is involved. */
async function readGongCallIds(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const response = await fetch(`${stack.simulator.url}/v2/calls/extensive`, {
      method: "POST",
      headers: { authorization: ACCESS_KEY, "content-type": "application/json" },
      body: JSON.stringify({ cursor, filter: {} }),
    });
    const body = (await response.json()) as { calls: { metaData: { id: string } }[]; records: { cursor?: string } };
    ids.push(...body.calls.map((call) => call.metaData.id));
    cursor = body.records.cursor;
  } while (cursor);
  return ids;
}

/** A backfill from scratch, and the Gong requests it spent (counted by the app, per connection). */
async function backfill() {
  const { getTodaysApiUsage } = await import("@/db/queries/api-usage");
  await stack.db.deleteFrom("calls").execute();
  await stack.db.deleteFrom("quarantined_gong_records").execute();
  const before = (await getTodaysApiUsage(stack.db, connectionId)).requests;
  const run = await stack.waitForRun(await stack.startSync(connectionId, "backfill"), 120_000);
  return { run, requests: (await getTodaysApiUsage(stack.db, connectionId)).requests - before };
}

const storedGongIds = async () => new Set((await stack.db.selectFrom("calls").select("gong_id").execute()).map((row) => row.gong_id));
const quarantined = () => stack.db.selectFrom("quarantined_gong_records").selectAll().execute();

beforeAll(async () => {
  // Transcripts of calls three days old are all ready: no late-transcript checks spend requests beside the runs.
  stack = await startSyncStack({ simulator: { calls: 600, to: new Date(Date.now() - 3 * DAY_MS) } });
  connectionId = await stack.connect();
}, 120_000);
afterAll(() => stack?.stop());

describe("a backfill of Gong data that drifts", () => {
  it("stores or quarantines every call with its field path, succeeds, and spends no more requests than without drift", async () => {
    const plain = await backfill();
    expect(plain.run.status).toBe("succeeded");
    expect(plain.run.quarantined).toBe(0);

    await stack.simulatorControl("faults", { driftRate: 0.05 });
    const drifted = await backfill();
    const gongIds = await readGongCallIds();

    expect(drifted.run.error ?? drifted.run.status).toBe("succeeded");
    const stored = await storedGongIds();
    const held = await quarantined();
    const heldIds = new Set(held.map((row) => row.gong_id));
    expect(gongIds.filter((id) => !stored.has(id) && !heldIds.has(id))).toEqual([]);
    expect(held.length).toBeGreaterThan(0);
    for (const row of held) {
      // A call quarantined for itself was not stored; one quarantined for its transcript was, without it.
      expect({ source: row.source, path: row.field_path, type: row.value_type, stored: stored.has(row.gong_id) }).toEqual(
        row.source === "call"
          ? { source: "call", path: expect.stringMatching(/^parties\[\d+\]\.speakerId$/), type: "number", stored: false }
          : { source: "transcript", path: expect.stringMatching(/^transcript\[0\]\.sentences\[0\]\.text$/), type: "null", stored: true },
      );
    }
    expect(drifted.run.quarantined).toBe(held.length);
    expect(drifted.run.calls).toBe(gongIds.length - held.filter((row) => row.source === "call").length);
    // No retry storm: the same requests as the same backfill without drift, give or take 5 %.
    expect(Math.abs(drifted.requests - plain.requests)).toBeLessThanOrEqual(0.05 * plain.requests);

    // What drifted but is readable was stored: 20-digit ids, emails lower-cased, drifted stored-only JSON as sent.
    const { rows } = await sql<{ wide: string; mixed: string; drifted: string; noParties: string }>`
      select
        (select count(*) from calls where length(gong_id) = 20) as wide,
        (select count(*) from call_parties where email <> lower(email)) as mixed,
        (select count(*) from calls where jsonb_typeof(content->'trackers'->0->'id') = 'number') as drifted,
        (select count(*) from calls c where not exists (select 1 from call_parties p where p.call_id = c.id)) as "noParties"`.execute(stack.db);
    expect(rows[0]).toMatchObject({ mixed: "0" });
    expect(Number(rows[0]?.wide)).toBeGreaterThan(0);
    expect(Number(rows[0]?.drifted)).toBeGreaterThan(0);
    expect(Number(rows[0]?.noParties)).toBeGreaterThan(0);
  }, 300_000);

  it("asks for the quarantined calls again in the next sync, and stores them once Gong sends them readable", async () => {
    const before = await quarantined();
    expect(before.length).toBeGreaterThan(0);
    await stack.simulatorControl("faults", { driftRate: 0 });
    // A sync of one other call: the quarantined ones are asked for by id on top.
    const [other] = await stack.db.selectFrom("calls").select("gong_id").where("gong_id", "not in", before.map((row) => row.gong_id)).limit(1).execute();
    const run = await stack.waitForRun(await stack.startSync(connectionId, "manual", { callGongIds: [other!.gong_id] }), 60_000);
    expect(run.status).toBe("succeeded");
    expect(await quarantined()).toEqual([]);
    const stored = await storedGongIds();
    // Without drift a call has its usual id again (a 20-digit one was `1`, zeros, then the usual id).
    const usual = (id: string) => (id.length === 20 ? id.slice(1).replace(/^0+/, "") : id);
    expect(before.map((row) => usual(row.gong_id)).filter((id) => !stored.has(id))).toEqual([]);
    const segments = await stack.db
      .selectFrom("calls")
      .select("transcript_status")
      .where("gong_id", "in", before.map((row) => usual(row.gong_id)))
      .execute();
    expect(segments.every((row) => row.transcript_status === "ready")).toBe(true);
  }, 120_000);
});

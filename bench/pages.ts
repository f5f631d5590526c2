// npm run bench:pages [-- --calls N --runs N]: server time of the calls list, a transcript search and the call page
// of a two-hour call, as an admin and as a rep (and the calls list as a manager of 50 reports), and of the trends page
// (an admin's team view and one rep's view, over a second organization's N calls in the past year among 50 reps): the
// whole page from the app server over loopback (needs `npm run build`),
// and the data-layer part of it alone. Loads 100,000 calls (by default) into a fresh database on DATABASE_URL's server,
// or without DATABASE_URL on an embedded PostgreSQL set up as `npm run demo` runs it.
// Prints per-role figures, then ONE JSON line last.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { z } from "zod";
import { getCallViewer } from "../db/queries/call-access.js";
import { getCallConnectionFacts, getVisibleCall, listCallPageParties, listTranscriptSentences } from "../db/queries/call-page.js";
import { listVisibleCalls } from "../db/queries/calls-list.js";
import { listGongUserNames } from "../db/queries/gong-user-names.js";
import { buildCallsMatchingSearchQuery, buildVisibleCallsQuery, type CallListFilters, findCallsMatchingSearch } from "../db/queries/calls-list-query.js";
import { getCallsListContext } from "../db/queries/calls-list-context.js";
import { migrateToLatest } from "../db/migrate.js";
import type { Database } from "../db/schema.js";
import { getFreshCallInsights } from "../lib/calls/refresh-call-insights.js";
import { labelSpeakers } from "../lib/calls/speaker-labels.js";
import { startDatabaseServerForRun } from "../test-support/database-server.js";
import { createTestDatabase } from "../test-support/test-database.js";
import { hashPassword } from "../lib/auth/password.js";
import { listWorkspaces } from "../db/queries/gong-workspaces.js";
import { decideTrendsAccess } from "../lib/trends/decide-trends-access.js";
import { loadTrends } from "../lib/trends/load-trends.js";
import { loadBenchCalls } from "./pages-data.js";
import { loadBenchTrends } from "./pages-trends-data.js";
import { signIn, startBenchApp, timePage } from "./pages-http.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const BENCH_PASSWORD = "bench-password";
const COMMON_QUERY = '"security questionnaire"';
const RARE_QUERY = "quokkaflow";

const { values } = parseArgs({ options: { calls: { type: "string" }, runs: { type: "string", default: "40" }, explain: { type: "boolean", default: false } } });
const calls = z.coerce.number().int().min(100).parse(values.calls ?? "100000");
const runs = z.coerce.number().int().positive().parse(values.runs);

const databaseServer = await startDatabaseServerForRun({ throwaway: false });
const database = await createTestDatabase();
await migrateToLatest(database.url);
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }) });

try {
  const loadStarted = performance.now();
  const seeded = await loadBenchCalls(db, calls);
  const trendsSeeded = await loadBenchTrends(db, calls);
  await sql`analyze`.execute(db);
  console.error(`loaded ${calls} calls in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  const callPage = async (user: SessionLike) => {
    const call = await getVisibleCall(db, await getCallViewer(db, user), seeded.longCallId);
    if (!call) throw new Error("the two-hour call is not visible");
    const [parties, sentences, connection] = await Promise.all([
      listCallPageParties(db, call),
      listTranscriptSentences(db, call.id),
      getCallConnectionFacts(db, call.connection_id),
      getFreshCallInsights(db, call),
      listGongUserNames(db, call.organization_id, call.primary_user_gong_id ? [call.primary_user_gong_id] : []),
    ]);
    labelSpeakers(parties, sentences.map((sentence) => sentence.speakerId), connection?.includeSpeakerLabels ?? true);
  };
  const list = async (user: SessionLike) => {
    const viewer = await getCallViewer(db, user);
    await Promise.all([listVisibleCalls(db, viewer, {}, null), getCallsListContext(db, user.organizationId)]);
  };
  const search = async (user: SessionLike) => {
    await listVisibleCalls(db, await getCallViewer(db, user), { q: COMMON_QUERY }, null);
  };

  const rareSearch = async (user: SessionLike) => {
    const page = await listVisibleCalls(db, await getCallViewer(db, user), { q: RARE_QUERY }, null);
    if (page.rows.length !== 1) throw new Error(`the rare phrase should be in one call, found ${page.rows.length}`);
  };
  if (values.explain) await explainListQueries(seeded);

  const samples = { callPage: [] as number[], list: [] as number[], search: [] as number[] };
  for (const [role, user] of [["admin", seeded.admin], ["rep", seeded.rep]] as const) {
    for (const [name, run] of [["callPage", callPage], ["list", list], ["search", search]] as const) {
      await run(user);
      const times: number[] = [];
      for (let index = 0; index < runs; index += 1) {
        const started = performance.now();
        await run(user);
        times.push(performance.now() - started);
      }
      samples[name].push(...times);
      console.error(`${role.padEnd(5)} ${name.padEnd(8)} p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms`);
    }
  }
  const managerList: number[] = [];
  await list(seeded.manager);
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await list(seeded.manager);
    managerList.push(performance.now() - started);
  }
  console.error(`mgr   list     p50 ${percentile(managerList, 50).toFixed(1)} ms  p95 ${percentile(managerList, 95).toFixed(1)} ms`);
  for (const [role, user] of [["admin", seeded.admin], ["rep", seeded.rep]] as const) {
    const times: number[] = [];
    for (let index = 0; index < runs; index += 1) {
      const started = performance.now();
      await rareSearch(user);
      times.push(performance.now() - started);
    }
    console.error(`${role.padEnd(5)} rare-search p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms`);
  }
  // The trends page's reads for a year: the workspaces for the filter, then the view the viewer may have.
  const trends = async (user: SessionLike) => {
    const viewer = await getCallViewer(db, user);
    await listWorkspaces(db, user.organizationId);
    const data = await loadTrends(db, decideTrendsAccess(viewer, undefined), { organizationId: user.organizationId, range: 365, workspaceGongId: null });
    if (data.view === "unlinked" || (data.view === "rep" ? data.points : data.reps).length === 0) throw new Error(`the trends ${data.view} view is empty`);
  };
  const trendsTimes: number[] = [];
  for (const [role, user] of [["admin", trendsSeeded.admin], ["rep", trendsSeeded.rep]] as const) {
    await trends(user);
    const times: number[] = [];
    for (let index = 0; index < runs; index += 1) {
      const started = performance.now();
      await trends(user);
      times.push(performance.now() - started);
    }
    trendsTimes.push(...times);
    console.error(`${role.padEnd(5)} trends   p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms`);
  }
  const figure = (values: number[], p: number) => Math.round(percentile(values, p) * 10) / 10;
  const http = await measurePagesOverHttp(seeded);
  console.log(
    JSON.stringify({
      calls,
      database: databaseServer.database,
      ...(http
        ? {
            callPageP50Ms: figure(http.callPage, 50),
            callPageP95Ms: figure(http.callPage, 95),
            listP50Ms: figure(http.list, 50),
            listP95Ms: figure(http.list, 95),
            searchP50Ms: figure(http.search, 50),
            searchP95Ms: figure(http.search, 95),
            managerListP50Ms: figure(http.managerList, 50),
            managerListP95Ms: figure(http.managerList, 95),
          }
        : {}),
      callPageDataP50Ms: figure(samples.callPage, 50),
      callPageDataP95Ms: figure(samples.callPage, 95),
      listDataP50Ms: figure(samples.list, 50),
      listDataP95Ms: figure(samples.list, 95),
      searchDataP50Ms: figure(samples.search, 50),
      searchDataP95Ms: figure(samples.search, 95),
      managerListDataP50Ms: figure(managerList, 50),
      managerListDataP95Ms: figure(managerList, 95),
      trendsP50Ms: figure(trendsTimes, 50),
      trendsP95Ms: figure(trendsTimes, 95),
    }),
  );
} finally {
  await db.destroy();
  await database.drop();
  await databaseServer.stop();
}

/** Prints the plans of the list queries as the page runs them, to check they use the indexes. */
async function explainListQueries(seeded: { admin: SessionLike; rep: SessionLike; manager: SessionLike }) {
  const cases: [string, CallListFilters][] = [["list", {}], ["common search", { q: COMMON_QUERY }], ["rare search", { q: RARE_QUERY }], ["participant", { participant: "buyer42-" }]];
  for (const [role, user] of [["admin", seeded.admin], ["rep", seeded.rep], ["manager", seeded.manager]] as const) {
    const viewer = await getCallViewer(db, user);
    for (const [name, filters] of cases) {
      const matching = filters.q ? await findCallsMatchingSearch(db, viewer.organizationId, filters.q) : null;
      const search = filters.q ? { kind: "recent" as const, calls: 500 } : undefined;
      const compiled = buildVisibleCallsQuery(db, viewer, filters, null, 50, search).compile();
      const { rows } = await db.executeQuery<{ "QUERY PLAN": string }>({ ...compiled, sql: `explain (analyze, costs off) ${compiled.sql}` });
      console.error(`\n--- ${role} ${name}${matching ? ` (recent-calls plan; the index lists ${matching.length} matching calls)` : ""}\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
    }
  }
  for (const q of [COMMON_QUERY, RARE_QUERY]) {
    const compiled = buildCallsMatchingSearchQuery(seeded.admin.organizationId, q).compile(db);
    const { rows } = await db.executeQuery<{ "QUERY PLAN": string }>({ ...compiled, sql: `explain (analyze, buffers, costs off) ${compiled.sql}` });
    console.error(`\n--- the organization's index lookup for ${q}\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
  }
}

/**
 * The same three pages as a browser gets them from the app server: sign-in cookie, full server render, whole body.
 * Needs a production build (`npm run build`); without one the JSON carries only the data-layer figures.
 */
async function measurePagesOverHttp(seeded: { longCallId: string; admin: SessionLike; rep: SessionLike; manager: SessionLike }) {
  const app = await startBenchApp(root, database.url);
  if (!app) {
    console.error("no production build (.next): run `npm run build` for the HTTP figures; printing data-layer figures only");
    return null;
  }
  try {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "in", [seeded.admin.id, seeded.rep.id, seeded.manager.id]).execute();
    const pages = [
      ["callPage", `/calls/${seeded.longCallId}`, "Two-hour platform deep dive"],
      ["list", "/calls", "Call "],
      ["search", `/calls?q=${encodeURIComponent(COMMON_QUERY)}`, "questionnaire"],
    ] as const;
    const samples = { callPage: [] as number[], list: [] as number[], search: [] as number[] };
    for (const [role, email] of [["admin", "admin@bench.test"], ["rep", "rep0@bench.test"]] as const) {
      const cookie = await signIn(app.url, email, BENCH_PASSWORD);
      for (const [name, pagePath, expect] of pages) {
        for (let warmup = 0; warmup < 3; warmup += 1) await timePage(`${app.url}${pagePath}`, cookie, expect);
        const times: number[] = [];
        for (let index = 0; index < runs; index += 1) times.push(await timePage(`${app.url}${pagePath}`, cookie, expect));
        samples[name].push(...times);
        console.error(`${role.padEnd(5)} http ${name.padEnd(8)} p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms`);
      }
    }
    const managerCookie = await signIn(app.url, "manager@bench.test", BENCH_PASSWORD);
    for (let warmup = 0; warmup < 3; warmup += 1) await timePage(`${app.url}/calls`, managerCookie, "Call ");
    const managerList: number[] = [];
    for (let index = 0; index < runs; index += 1) managerList.push(await timePage(`${app.url}/calls`, managerCookie, "Call "));
    console.error(`mgr   http list     p50 ${percentile(managerList, 50).toFixed(1)} ms  p95 ${percentile(managerList, 95).toFixed(1)} ms`);
    return { ...samples, managerList };
  } finally {
    await app.stop();
  }
}

type SessionLike = { id: string; organizationId: string; role: "admin" | "rep" };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

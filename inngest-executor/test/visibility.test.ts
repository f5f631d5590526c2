import { afterAll, beforeAll, expect, it } from "vitest";
import { startStack, waitForEndedRuns, type RunRow, type Stack } from "./harness.js";
import { describeWithDatabase } from "./test-database.js";

type RunJson = { id: string; functionId: string; status: string; attempts: number; stepCount: number; eventName: string; error: { message?: string } | null };

const MARKUP_ERROR = `<img src=x onerror="alert('run')"> & <b>bold</b>`;

let stack: Stack;
let succeeded: RunRow;
let failed: RunRow;
let bystander: RunRow;

beforeAll(async () => {
  stack = await startStack("visibility");
  await stack.send([
    { name: "test/visible", data: { tag: "ok" } },
    { name: "test/visible", data: { tag: "bad", fail: MARKUP_ERROR } },
    { name: "test/bystander", data: { tag: "by" } },
  ]);
  [succeeded] = (await waitForEndedRuns(stack.pool, "visible", "ok")) as [RunRow];
  [failed] = (await waitForEndedRuns(stack.pool, "visible", "bad")) as [RunRow];
  [bystander] = (await waitForEndedRuns(stack.pool, "bystander", "by")) as [RunRow];
});

afterAll(async () => {
  await stack?.stop();
});

async function listRunIds(query: string): Promise<string[]> {
  const body = (await (await stack.api(`/v1/runs?${query}`)).json()) as { data: RunJson[] };
  return body.data.map((run) => run.id).sort();
}

/** The cells of the `/` page's row for one run, as text: tags stripped, entities decoded. */
function readRow(html: string, runId: string): Record<string, string> | undefined {
  const row = html.match(/<tr>[\s\S]*?<\/tr>/g)?.find((tr) => tr.includes(`href="/v1/runs/${runId}"`));
  const cells = row?.match(/<td[^>]*>[\s\S]*?<\/td>/g)?.map((cell) => decodeEntities(cell.replace(/<[^>]*>/g, "")).trim());
  if (!cells) return undefined;
  const [run, functionId, trigger, status, attempts, steps, , , error] = cells;
  return { run, functionId, trigger, status, attempts, steps, error } as Record<string, string>;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
  return text.replace(/&(#\d+|[a-z]+);/g, (entity, code: string) =>
    code.startsWith("#") ? String.fromCharCode(Number(code.slice(1))) : (named[code] ?? entity),
  );
}

describeWithDatabase("visibility", () => {
  it("filters GET /v1/runs by function and status, leaving out other functions' runs and other statuses", async () => {
    expect(succeeded.status).toBe("completed");
    expect(failed.status).toBe("failed");
    expect(await listRunIds("function_id=contract-app-visible&status=completed")).toEqual([succeeded.id]);
    expect(await listRunIds("function_id=contract-app-visible&status=failed")).toEqual([failed.id]);
    expect(await listRunIds("function_id=contract-app-visible")).toEqual([succeeded.id, failed.id].sort());
    expect(await listRunIds("function_id=contract-app-bystander")).toEqual([bystander.id]);
    expect(await listRunIds("status=completed")).toEqual([succeeded.id, bystander.id].sort());
    expect(await listRunIds("status=failed")).toEqual([failed.id]);
    expect(await listRunIds("function_id=contract-app-visible&status=cancelled")).toEqual([]);
  });

  it("shows each run's status, attempts, steps and error on /, the error's HTML escaped", async () => {
    const html = await (await stack.api("/")).text();
    expect(readRow(html, succeeded.id)).toEqual({
      run: succeeded.id, functionId: "contract-app-visible", trigger: "test/visible", status: "completed", attempts: "1", steps: "2", error: "",
    });
    // retries: 1, so two attempts; "prepare" and the failed "finish" are both memoised.
    const failedRow = readRow(html, failed.id);
    expect(failedRow).toMatchObject({ functionId: "contract-app-visible", status: "failed", attempts: "2", steps: "2" });
    expect(failedRow?.error).toContain(MARKUP_ERROR);
    expect(failedRow?.error).toBe(failed.error?.message);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>bold");

    const failedOnly = await (await stack.api(`/?status=failed`)).text();
    expect(readRow(failedOnly, failed.id)).toBeDefined();
    expect(readRow(failedOnly, succeeded.id)).toBeUndefined();
  });
});

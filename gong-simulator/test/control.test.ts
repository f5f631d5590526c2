import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../src/index";
import { ACCESS_KEY_AUTH, startTestSimulator } from "./support";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The README's control-API curl lines that need no id from an earlier answer, as curl would send them. */
function listReadmeCurls(): Array<{ method: string; path: string; body: string | undefined }> {
  return README.split("\n")
    .map((line) => /^curl(?: -X (\w+))? :4010(\/__sim\/\S+)(?:\s+-d '([^']*)')?/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && !match[2]!.includes("<"))
    .map((match) => ({ method: match[1] ?? "GET", path: match[2]!, body: match[3] }));
}

describe("control API", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 20 });
  });
  afterAll(() => sim.close());

  it("every README curl example works as curl sends it (-d labels the JSON a form)", async () => {
    const curls = listReadmeCurls();
    expect(curls.map((curl) => curl.path)).toEqual(expect.arrayContaining(["/__sim/reset", "/__sim/faults", "/__sim/calls", "/__sim/rules", "/__sim/tokens"]));
    for (const curl of curls) {
      const headers: Record<string, string> = curl.body === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" };
      const response = await fetch(`${sim.url}${curl.path}`, { method: curl.method, headers, body: curl.body });
      expect(response.status, `${curl.method} ${curl.path}: ${await response.clone().text()}`).toBe(200);
    }
    const faults = await (await fetch(`${sim.url}/__sim/faults`)).json() as { latencyMs: number };
    expect(faults.latencyMs).toBe(200);
  });

  it("answers malformed JSON with 400, whatever the content type", async () => {
    const response = await fetch(`${sim.url}/__sim/faults`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{nope" });
    expect(response.status).toBe(400);
  });

  it("/v2 stays strict: a JSON body labelled as a form is 415, as in Gong", async () => {
    const response = await fetch(`${sim.url}/v2/calls/extensive`, {
      method: "POST", headers: { Authorization: ACCESS_KEY_AUTH, "Content-Type": "application/x-www-form-urlencoded" }, body: JSON.stringify({ filter: {} }),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ errors: ["Unsupported Media Type"] });
  });
});

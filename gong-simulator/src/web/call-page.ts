import type { ServerResponse } from "node:http";
import { buildCallCore } from "../data/call-core";
import { countAllCalls } from "../data/dataset";
import { decodeId } from "../data/ids";
import { escapeHtml, sendHtml } from "../http/respond";
import { renderErrorPage } from "../oauth/consent-page";
import type { SimulatorState } from "../state";

/** GET /call?id= – where a call's `url` lands: a bare stand-in for Gong's call page. */
export function serveCallPage(state: SimulatorState, response: ServerResponse, url: URL): number {
  const id = url.searchParams.get("id") ?? "";
  const index = decodeId("call", state.dataset.seed, id);
  if (index === undefined || index >= countAllCalls(state.dataset)) {
    sendHtml(response, 404, renderErrorPage("Call not found", `No call with id ${id} in this simulated company.`));
    return 404;
  }
  const core = buildCallCore(state.dataset, index);
  const parties = core.parties.map((party) => `<li>${escapeHtml(party.name ?? "Unknown speaker")} · ${party.affiliation}</li>`).join("");
  sendHtml(response, 200, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(core.title)} – Gong simulator</title></head>
<body style="font:15px/1.5 system-ui,sans-serif;max-width:640px;margin:48px auto"><h1>${escapeHtml(core.title)}</h1>
<p>${new Date(core.startedMs).toUTCString()} · ${Math.round(core.durationSeconds / 60)} min · ${core.system}${core.isPrivate ? " · private" : ""}</p>
<h2>Participants</h2><ul>${parties || "<li>None recorded (imported call)</li>"}</ul></body></html>`);
  return 200;
}

import { escapeHtml } from "../http/respond";
import { describeScope } from "./scopes";

export interface ConsentPageInput {
  companyName: string;
  appName: string;
  clientId: string;
  redirectUri: string;
  state: string | null;
  scopes: string[];
  signedInAs: { name: string; email: string; technicalAdmin: boolean };
  notice?: string;
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f5f6f8;color:#1d2330;margin:0}
main{max-width:560px;margin:48px auto;background:#fff;border:1px solid #dde1e8;border-radius:12px;padding:32px}
h1{font-size:22px;margin:0 0 8px}.who{color:#5b6475;font-size:14px;margin:0 0 24px}
fieldset{border:0;padding:0;margin:0 0 24px}legend{font-weight:600;margin-bottom:8px}
.scope{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;padding:10px 0;border-top:1px solid #eef0f4}
.scope label{font-family:ui-monospace,Menlo,monospace;font-size:14px}.scope p{grid-column:2;margin:0;color:#5b6475;font-size:14px}
.actions{display:flex;gap:12px}button{font:inherit;padding:9px 18px;border-radius:8px;border:1px solid #c6ccd6;background:#fff;cursor:pointer}
button.primary{background:#5b3cc4;border-color:#5b3cc4;color:#fff}button:focus-visible,input:focus-visible{outline:3px solid #9d86f0;outline-offset:2px}
.alert{background:#fff4e5;border:1px solid #f0c36d;border-radius:8px;padding:12px 14px;margin:0 0 20px}`;

function hidden(name: string, value: string | null): string {
  return value === null ? "" : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
}

/** Gong's consent screen: who is asking, for what, each scope a checkbox ticked by default. */
export function renderConsentPage(input: ConsentPageInput): string {
  const app = escapeHtml(input.appName);
  const company = escapeHtml(input.companyName);
  const who = `Signed in to ${company} as ${escapeHtml(input.signedInAs.name)} (${escapeHtml(input.signedInAs.email)})`;
  const fields = [
    hidden("client_id", input.clientId), hidden("redirect_uri", input.redirectUri), hidden("state", input.state),
    hidden("requested_scope", input.scopes.join(" ")),
  ].join("");
  const body = input.signedInAs.technicalAdmin
    ? `<form method="post" action="/oauth2/authorize">${fields}
<fieldset><legend>${app} is requesting permission to:</legend>
${input.scopes.map((scope, i) => `<div class="scope"><input type="checkbox" id="scope-${i}" name="scope" value="${escapeHtml(scope)}" checked aria-describedby="scope-${i}-description">
<label for="scope-${i}">${escapeHtml(scope)}</label><p id="scope-${i}-description">${escapeHtml(describeScope(scope))}</p></div>`).join("\n")}
</fieldset>
<div class="actions"><button type="submit" name="decision" value="approve" class="primary">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></div></form>`
    : `<div class="alert" role="alert"><strong>You can't authorize this app.</strong> Only a user who is a technical administrator in Gong can
connect ${app} to ${company}. Ask your Gong technical administrator to sign in and approve it.</div>
<form method="post" action="/oauth2/authorize">${fields}<div class="actions"><button type="submit" name="decision" value="deny">Deny</button></div></form>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Authorize ${app} – Gong</title><style>${STYLE}</style></head><body><main>
<h1>Connect ${app} to ${company}'s Gong</h1><p class="who">${who}</p>
${input.notice ? `<div class="alert" role="alert">${escapeHtml(input.notice)}</div>` : ""}${body}
</main></body></html>`;
}

export function renderErrorPage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Gong</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p></main></body></html>`;
}

// npm start: the built Next app on PORT (3000), as `next start` serves it, except that Gong's webhook deliveries are
// answered straight from Node's request (lib/webhooks/node-webhook-handler.ts), every request carries the TCP peer's
// address for the sign-in limits (lib/auth/socket-address.ts), and every response HSTS when APP_URL is https.
// Needs `next build` first.
import "./allow-server-only";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";

const SHUTDOWN_GRACE_MS = 4_000;

const port = Number(process.env.PORT || 3000);
// `--hostname <address>` as `next start -H` takes it (`npm run demo` passes loopback); without it, every interface.
const { hostname } = parseArgs({ options: { hostname: { type: "string" } } }).values;
const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();
// Loaded after the guard above is registered (static imports would be hoisted before it).
const { getGongWebhookReceiver } = await import("@/lib/webhooks/process-receiver");
const { answerGongWebhook, matchGongWebhookRequest } = await import("@/lib/webhooks/node-webhook-handler");
const { stampSocketAddress, trustSocketAddressHeader } = await import("@/lib/auth/socket-address");
const { getEnv } = await import("@/lib/env");
const { getTransportSecurityHeaders } = await import("@/lib/security-headers");

const transportSecurity = Object.entries(getTransportSecurityHeaders(getEnv().APP_URL));
trustSocketAddressHeader();
const server = createServer((request, response) => {
  stampSocketAddress(request);
  for (const [name, value] of transportSecurity) response.setHeader(name, value);
  const connectionId = matchGongWebhookRequest(request);
  if (connectionId !== null) return void answerGongWebhook(getGongWebhookReceiver(), request, response, connectionId);
  handle(request, response).catch((error: unknown) => {
    console.error("unhandled error", error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.listen(port, hostname, () => console.log(`Callbridge app ready on http://localhost:${port}${hostname ? ` (listening on ${hostname})` : ""}`));

const shutdown = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

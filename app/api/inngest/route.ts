// GET/POST/PUT /api/inngest – Inngest's serve endpoint (introspection, function calls, sync), signature-checked.
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";
import { getEnv } from "@/lib/env";

type ServeHandlers = ReturnType<typeof serve>;

let handlers: ServeHandlers | undefined;

/**
 * Built on the first request, as `next build` loads this module without the environment. The URL the app syncs is
 * APP_URL's origin, never one built from the request's Host header, which anyone can forge to move every function to
 * a server of their own. In cloud mode every request must be signed, sync included: an unsigned `PUT` is refused
 * (sync from the Inngest dashboard or API; the embedded executor's in-band sync is signed).
 */
function getHandlers(): ServeHandlers {
  handlers ??= serve({ client: inngest, functions, serveOrigin: new URL(getEnv().APP_URL).origin, enableUnauthedSync: false });
  return handlers;
}

export const GET: ServeHandlers["GET"] = (...args) => getHandlers().GET(...args);
export const POST: ServeHandlers["POST"] = (...args) => getHandlers().POST(...args);
export const PUT: ServeHandlers["PUT"] = (...args) => getHandlers().PUT(...args);

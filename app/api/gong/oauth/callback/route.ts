// GET /api/gong/oauth/callback?code=&state= – Gong's redirect: verify state, exchange the code, store tokens.
import { NextResponse } from "next/server";
import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { gongConnectionCreated } from "@/inngest/events";
import { getSessionUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";
import { OAuthCallbackError, completeGongOAuth } from "@/lib/gong-connection/complete-gong-oauth";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { queueHeldWebhookCalls } from "@/lib/webhooks/queue-held-webhook-calls";
import { logger } from "@/lib/observability/logger";

/** Admins land on the connection page; someone who opened an API-issued link without a session, on a public one. */
function settingsPage(params: Record<string, string>, signedIn = true): NextResponse {
  const url = new URL(signedIn ? "/settings/gong" : "/gong-connected", getEnv().APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return NextResponse.redirect(url, 303);
}

export async function GET(request: Request) {
  let signedIn = false;
  try {
    const params = new URL(request.url).searchParams;
    const user = await getSessionUser();
    signedIn = Boolean(user);
    const connection = await completeGongOAuth(db, getGongAppConfig(), {
      state: params.get("state") ?? undefined,
      code: params.get("code") ?? undefined,
      error: params.get("error") ?? undefined,
      // Only an admin may finish a connection an admin started: one demoted since Connect is refused.
      sessionUserId: user?.role === "admin" ? user.id : null,
    });
    try {
      await inngest.send(gongConnectionCreated.create({ connectionId: connection.id, organizationId: connection.organization_id }));
      // Calls Gong announced while the connection needed re-authorization were held for this moment.
      await queueHeldWebhookCalls(db, connection.id, (event) => inngest.send(event));
    } catch (error) {
      logger.error({ error, connectionId: connection.id, organizationId: connection.organization_id }, "connected Gong but could not queue its syncs");
      return settingsPage({ connected: "1", queued: "0" }, signedIn);
    }
    return settingsPage({ connected: "1" }, signedIn);
  } catch (error) {
    if (error instanceof OAuthCallbackError) return settingsPage({ oauth_error: error.reason }, signedIn);
    return toErrorResponse(error);
  }
}

import type { IncomingMessage, ServerResponse } from "node:http";
import { toErrorResponse } from "@/lib/errors";
import { SECURITY_HEADERS } from "@/lib/security-headers";
import { deliveryFromNodeRequest } from "./incoming-delivery";
import type { GongWebhookReceiver } from "./receive-gong-webhook";

/** The connection id of a POST to a Gong webhook URL, or null for every other request. */
export function matchGongWebhookRequest(request: Pick<IncomingMessage, "method" | "url">): string | null {
  if (request.method !== "POST") return null;
  // Exactly the URL we hand out (buildGongWebhookUrl), with its optional query; anything else is Next's to answer.
  const match = /^\/api\/webhooks\/gong\/([^/?#]+)(?:\?[^#]*)?$/.exec(request.url ?? "");
  if (!match || match[1] === "deliveries") return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!; // not a uuid either way: the receiver answers 404
  }
}

/**
 * Answers one delivery from Node's request and response, without turning them into web `Request`/`Response`
 * objects first: at Gong's burst rates that conversion, not the verification, was most of a delivery's cost.
 */
export async function answerGongWebhook(receive: GongWebhookReceiver, request: IncomingMessage, response: ServerResponse, connectionId: string): Promise<void> {
  let status: number;
  let body: unknown;
  try {
    ({ status, body } = await receive(deliveryFromNodeRequest(request), connectionId));
  } catch (error) {
    // Rare, so the one place that maps errors to answers does it here too, web Response and all.
    const answer = toErrorResponse(error);
    ({ status } = answer);
    body = await answer.json();
  }
  if (response.headersSent || response.destroyed) return;
  // A body refused unread (forged credentials) would otherwise be drained to keep the connection alive: close it.
  const unread = request.complete ? {} : { Connection: "close" };
  response.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "application/json", ...unread });
  response.end(JSON.stringify(body));
}

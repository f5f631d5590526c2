/** The destination URL an admin pastes into Gong's rule; Gong signs exactly this string as `webhook_url`. */
export function buildGongWebhookUrl(appUrl: string, connectionId: string, urlKey?: string): string {
  const url = new URL(`/api/webhooks/gong/${connectionId}`, appUrl);
  if (urlKey) url.searchParams.set("key", urlKey);
  return url.toString();
}

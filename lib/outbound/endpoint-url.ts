import "server-only";
import type { WebhookEndpoint, WebhookEndpointFormat } from "@/db/schema";
import { type EncryptionKeys, decryptSecret, encryptSecret } from "@/lib/crypto/encryption";

/** A Slack URL's origin and the start of its path: enough to recognise it, not to post to it. */
export function maskSlackUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return parsed ? `${parsed.origin}${parsed.pathname.split("/").slice(0, 3).join("/")}/…` : "…";
}

/**
 * What to store for an endpoint's URL: a standard endpoint's as it is; a Slack incoming-webhook URL, which is
 * itself a credential, encrypted, with only its masked form in plain text.
 */
export async function sealEndpointUrl(format: WebhookEndpointFormat, url: string, encryptionKey: EncryptionKeys): Promise<{ url: string; urlEncrypted: string | null }> {
  if (format !== "slack") return { url, urlEncrypted: null };
  return { url: maskSlackUrl(url), urlEncrypted: await encryptSecret(url, encryptionKey) };
}

/** The URL an endpoint is shown with: never a Slack URL in full, even one stored before encryption. */
export function displayEndpointUrl(endpoint: Pick<WebhookEndpoint, "format" | "url" | "url_encrypted">): string {
  return endpoint.format === "slack" && endpoint.url_encrypted === null ? maskSlackUrl(endpoint.url) : endpoint.url;
}

/** The URL a delivery goes to; the key is read only for an encrypted one. */
export async function readTargetUrl(endpoint: Pick<WebhookEndpoint, "url" | "url_encrypted">, getEncryptionKey: () => EncryptionKeys): Promise<string> {
  return endpoint.url_encrypted === null ? endpoint.url : decryptSecret(endpoint.url_encrypted, getEncryptionKey());
}

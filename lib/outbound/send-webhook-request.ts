import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "./public-address";

export type WebhookResponse =
  | { ok: true; status: number; latencyMs: number }
  | { ok: false; status: number | null; latencyMs: number; error: string; refused?: boolean; timedOut?: boolean };

export class TargetRefusedError extends Error {}

class NoResponseError extends Error {}

/** Refuses a URL that is not https (unless private targets are allowed); the address is checked when connecting. */
export function checkTargetUrl(url: string, allowPrivateTargets: boolean): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TargetRefusedError("The URL is not valid.");
  }
  if (parsed.protocol !== "https:" && !(allowPrivateTargets && parsed.protocol === "http:")) {
    throw new TargetRefusedError("The URL must use https.");
  }
  if (parsed.username || parsed.password) throw new TargetRefusedError("The URL must not contain credentials.");
  const literal = parsed.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivateTargets && isIP(literal) && !isPublicAddress(literal)) {
    throw new TargetRefusedError(`The URL points at a private address (${literal}).`);
  }
  return parsed;
}

/**
 * Resolves the host as the connection does and refuses it if any address is not public: the check covers the
 * address actually connected to, so a name that resolves differently later (DNS rebinding) cannot slip through.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 4);
    const refused = addresses.find((each) => !isPublicAddress(each.address));
    if (refused || addresses.length === 0) {
      return callback(new TargetRefusedError(`${hostname} resolves to a private address (${refused?.address ?? "none"}).`), "", 4);
    }
    if (options.all) return (callback as unknown as (error: null, all: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

const MAX_RESPONSE_BYTES = 64 * 1024;

/** POSTs the body and reports the status and latency; never throws, never follows redirects. */
export async function sendWebhookRequest(input: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivateTargets: boolean;
}): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target: URL;
  try {
    target = checkTargetUrl(input.url, input.allowPrivateTargets);
  } catch (error) {
    return { ok: false, status: null, latencyMs: 0, error: (error as Error).message, refused: true };
  }
  const transport = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = transport.request(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Callbridge-Webhooks/1", ...input.headers },
        lookup: input.allowPrivateTargets ? undefined : publicOnlyLookup,
        timeout: input.timeoutMs,
      },
      (response) => {
        let read = 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) response.destroy();
        });
        const finish = () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          resolve(status >= 200 && status < 300 ? { ok: true, status, latencyMs: elapsed() } : { ok: false, status, latencyMs: elapsed(), error: `HTTP ${status}` });
        };
        response.on("end", finish);
        response.on("close", finish);
      },
    );
    const timer = setTimeout(() => request.destroy(new NoResponseError(`No response within ${input.timeoutMs} ms.`)), input.timeoutMs);
    request.on("timeout", () => request.destroy(new NoResponseError(`No response within ${input.timeoutMs} ms.`)));
    request.on("error", (error) => {
      clearTimeout(timer);
      resolve({ ok: false, status: null, latencyMs: elapsed(), error: error.message, refused: error instanceof TargetRefusedError, timedOut: error instanceof NoResponseError });
    });
    request.end(input.body);
  });
}

/** Sent with every response: by Next (next.config.ts) and by the app server's own webhook answers. */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
};

const isHttps = (appUrl: string) => new URL(appUrl).protocol === "https:";

/**
 * HSTS once the app is served over https, on every response (the app server, and proxy.ts for hosts without it):
 * browsers then use nothing but https for the app's host for a year. Without includeSubDomains: the other hosts of
 * the app's domain are not ours to decide for, and no preload for the same reason.
 */
export function getTransportSecurityHeaders(appUrl: string): Record<string, string> {
  return isHttps(appUrl) ? { "Strict-Transport-Security": "max-age=31536000" } : {};
}

export type ContentSecurityPolicyOptions = {
  /** Fresh for every response; Next puts it on every script it renders (proxy.ts passes the policy to it). */
  nonce: string;
  appUrl: string;
  /** Where forms may send the browser: Gong's OAuth consent page, which the connect form reaches by redirect. */
  gongOAuthBaseUrl: string;
  development: boolean;
};

/**
 * The pages' Content-Security-Policy. Scripts run only with the response's nonce, or when loaded by a script that
 * had it ('strict-dynamic': Next's chunks). Styles allow 'unsafe-inline': sonner adds its stylesheet as a <style>
 * element at run time without a nonce, and server-rendered style attributes (progress bars, the speaker timeline)
 * cannot carry one; CSS cannot run script, so what CSP is here for, stopping injected script, stays whole.
 * Recordings stream from Gong's media hosts, which Gong does not list: any https host (http as well on a plain-http
 * deployment, where the simulator serves them). Development adds 'unsafe-eval', which React's dev build needs.
 */
export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions): string {
  const https = isHttps(options.appUrl);
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `media-src 'self' https:${https ? "" : " http:"}`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self' ${new URL(options.gongOAuthBaseUrl).origin}`,
    `frame-ancestors 'none'`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

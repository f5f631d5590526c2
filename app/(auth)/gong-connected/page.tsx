import type { Metadata } from "next";
import { CircleAlert, CircleCheck } from "lucide-react";
import type { OAuthFailureReason } from "@/lib/gong-connection/complete-gong-oauth";

export const metadata: Metadata = { title: "Gong connection" };

/** For whoever opened a connect link issued through the API: they may have no Callbridge account at all. */
const FAILURES: Record<OAuthFailureReason, string> = {
  denied: "Gong access was not granted, so nothing was connected.",
  missing_state: "Gong sent the link back incomplete. Ask for a new connect link.",
  invalid_state: "This connect link was already used. Ask for a new one.",
  expired_state: "This connect link expired after 10 minutes. Ask for a new one.",
  wrong_user: "This connect link was started by someone signed in to Callbridge. Sign in as them, or ask for a new link.",
  exchange_failed: "Gong did not accept the authorization, so nothing was stored. Ask for a new connect link and try again.",
  app_misconfigured: "Gong refused the app's own credentials, so nothing was stored. Tell whoever runs Callbridge; a new link will not help until they fix it.",
  untrusted_api_host: "Gong's answer named an API address outside gong.io, so nothing was stored. Ask whoever runs this Callbridge to check its log.",
};

type SearchParams = Promise<{ connected?: string; queued?: string; oauth_error?: string }>;

export default async function GongConnectedPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const failure = params.oauth_error && params.oauth_error in FAILURES ? FAILURES[params.oauth_error as OAuthFailureReason] : null;
  const connected = !failure && params.connected === "1";
  const Icon = connected ? CircleCheck : CircleAlert;
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div role={connected ? "status" : "alert"} className="w-full max-w-sm rounded-lg border border-border bg-card p-6 text-center shadow-xs">
        <Icon className={`mx-auto mb-3 size-8 ${connected ? "text-success" : "text-danger"}`} aria-hidden />
        <h1 className="text-lg font-semibold tracking-tight">{connected ? "Gong is connected" : "Gong was not connected"}</h1>
        <p className="mt-2 text-sm text-muted-foreground">
          {connected
            ? params.queued === "0"
              ? "Callbridge holds the connection, but the first sync could not be started yet; it can be started later. You can close this tab."
              : "Callbridge is syncing your calls. You can close this tab."
            : (failure ?? "Nothing was connected. Ask for a new connect link.")}
        </p>
      </div>
    </main>
  );
}

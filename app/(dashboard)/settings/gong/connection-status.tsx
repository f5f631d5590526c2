import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/relative-time";
import type { GongConnectionOverview } from "@/db/queries/gong-connection-overview";

const STATUS = {
  connected: { label: "Connected", tone: "success" },
  needs_reauth: { label: "Needs re-authorization", tone: "warning" },
  revoked: { label: "Disconnected", tone: "neutral" },
} as const;

export function ConnectionStatusBadge({ status }: { status: GongConnectionOverview["status"] | "not_connected" }) {
  if (status === "not_connected") return <Badge>Not connected</Badge>;
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

export function ConnectionFacts({ connection }: { connection: GongConnectionOverview }) {
  return (
    <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
      <Fact label="Connected by">
        {connection.connected_by_name ?? "an API client"}
        {connection.connected_at ? (
          <>
            {" · "}
            <RelativeTime date={connection.connected_at} />
          </>
        ) : null}
      </Fact>
      <Fact label="Gong API base URL">
        <code className="font-mono text-xs">{connection.api_base_url ?? "—"}</code>
      </Fact>
      {connection.gong_account_email ? <Fact label="Gong account">{connection.gong_account_email}</Fact> : null}
      <Fact label="Token health">
        <TokenHealth connection={connection} />
      </Fact>
    </dl>
  );
}

function TokenHealth({ connection }: { connection: GongConnectionOverview }) {
  if (connection.status === "revoked") return <span className="text-muted-foreground">Tokens destroyed</span>;
  if (connection.status === "needs_reauth") return <span className="text-warning">{connection.last_token_error ?? "Gong no longer accepts the token."}</span>;
  return (
    <span>
      Valid; {connection.access_token_expires_at ? <>expires <RelativeTime date={connection.access_token_expires_at} /></> : "no expiry"}
      {connection.token_refreshed_at ? <>, refreshed <RelativeTime date={connection.token_refreshed_at} /></> : null}
      {connection.last_token_error ? <span className="block text-warning">Last refresh failed: {connection.last_token_error}</span> : null}
    </span>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

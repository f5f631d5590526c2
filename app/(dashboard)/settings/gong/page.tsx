import type { Metadata } from "next";
import { CircleAlert, CircleCheck, Info } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getTodaysApiUsage } from "@/db/queries/api-usage";
import { listAuditEvents } from "@/db/queries/audit-events";
import { getGongConnectionOverview } from "@/db/queries/gong-connection-overview";
import { listSyncRuns } from "@/db/queries/sync-runs";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { toSyncRunView } from "@/lib/sync/sync-run-view";
import { OAUTH_FAILURE_MESSAGES, type OAuthFailureReason } from "@/lib/gong-connection/complete-gong-oauth";
import { listMissingScopes } from "@/lib/gong/scopes";
import { ApiBudget } from "./api-budget";
import { AuditList } from "./audit-list";
import { ConnectForm } from "./connect-form";
import { ConnectionFacts, ConnectionStatusBadge } from "./connection-status";
import { DisconnectDialog } from "./disconnect-dialog";
import { FirstSync } from "./first-sync";
import { ScopeTable } from "./scope-table";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Gong connection" };

type SearchParams = Promise<{ oauth_error?: string; connected?: string; queued?: string }>;

export default async function GongConnectionPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireAdminOrForbidden();
  const params = await searchParams;
  const connection = await getGongConnectionOverview(db, admin.organizationId);
  const [usage, auditEvents, runs] = await Promise.all([
    connection ? getTodaysApiUsage(db, connection.id) : undefined,
    listAuditEvents(db, admin.organizationId, { actionPrefix: "gong.", limit: 20 }),
    listSyncRuns(db, admin.organizationId, 30).then((rows) => rows.map(toSyncRunView)),
  ]);
  const active = connection && connection.status !== "revoked" ? connection : undefined;
  const missing = active ? listMissingScopes(active.granted_scopes) : [];

  return (
    <>
      <PageHeader title="Gong connection" description="Connect Gong with OAuth, see what was granted, and control what is synced." />
      <div className="space-y-6">
        {params.connected === "1" && params.queued !== "0" && connection?.status === "connected" && connection.connected_at ? (
          <FirstSync runs={runs} connectedAt={new Date(connection.connected_at).toISOString()} syncOnConnect={connection.sync_on_connect} />
        ) : (
          <Notices params={params} />
        )}
        <Card>
          <CardHeader
            title="Connection"
            description={active ? undefined : "Only a Gong technical administrator can approve the connection."}
            action={<ConnectionStatusBadge status={connection?.status ?? "not_connected"} />}
          />
          <CardBody className="space-y-5">
            {connection ? <ConnectionFacts connection={connection} /> : null}
            {connection?.status === "revoked" ? <RemoveInGong /> : null}
            <div className="flex flex-wrap items-end justify-between gap-3">
              {connection?.status === "connected" && missing.length === 0 ? null : (
                <ConnectForm label={connection ? "Reconnect Gong" : "Connect Gong"} defaultEmail={connection?.gong_account_email} />
              )}
              {active ? <DisconnectDialog /> : null}
            </div>
          </CardBody>
        </Card>
        {active ? (
          <>
            <Card>
              <CardHeader
                title="Permissions"
                description={missing.length === 0 ? "Every scope Callbridge needs was granted." : `${missing.length} of the scopes Callbridge needs ${missing.length === 1 ? "was" : "were"} not granted. Reconnect and approve ${missing.length === 1 ? "it" : "them"} in Gong.`}
              />
              <ScopeTable grantedScopes={active.granted_scopes} />
            </Card>
            <Card>
              <CardHeader title="Gong API budget" />
              <CardBody>{usage ? <ApiBudget usage={usage} runs={runs} /> : null}</CardBody>
            </Card>
            <Card>
              <CardHeader title="Sync settings" />
              <CardBody>
                <SettingsForm
                  initial={{
                    sync_on_connect: active.sync_on_connect,
                    include_speaker_labels: active.include_speaker_labels,
                    auto_sync_interval_hours: active.auto_sync_interval_hours as 6 | 12 | 24 | null,
                  }}
                />
              </CardBody>
            </Card>
          </>
        ) : null}
        <Card>
          <CardHeader title="Activity" description="Connections, disconnections and settings changes." />
          <AuditList events={auditEvents} />
        </Card>
      </div>
    </>
  );
}

function Notices({ params }: { params: Awaited<SearchParams> }) {
  const reason = params.oauth_error as OAuthFailureReason | undefined;
  if (reason && reason in OAUTH_FAILURE_MESSAGES) {
    return <Notice tone="danger" icon={CircleAlert} text={OAUTH_FAILURE_MESSAGES[reason]} />;
  }
  if (params.connected === "1" && params.queued === "0") {
    return <Notice tone="warning" icon={Info} text="Gong is connected, but the first sync could not be queued. Start one from Sync activity." />;
  }
  if (params.connected === "1") return <Notice tone="success" icon={CircleCheck} text="Gong is connected." />;
  return null;
}

function Notice({ tone, icon: Icon, text }: { tone: "danger" | "warning" | "success"; icon: typeof Info; text: string }) {
  const styles = { danger: "bg-danger/10 text-danger", warning: "bg-warning/12 text-warning", success: "bg-success/10 text-success" }[tone];
  return (
    <p role={tone === "danger" ? "alert" : "status"} className={`flex items-start gap-2 rounded-md px-4 py-3 text-sm ${styles}`}>
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      {text}
    </p>
  );
}

function RemoveInGong() {
  return (
    <div className="space-y-2 rounded-md bg-muted px-4 py-3 text-sm">
      <p>Callbridge no longer holds any Gong token. Gong has no way for apps to revoke themselves, so finish in Gong:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          Remove Callbridge: <strong>Company Settings → Ecosystem → Connected apps → Callbridge → Revoke</strong>.
        </li>
        <li>
          Turn off the “New call” rule that sends calls here: <strong>Company Settings → Ecosystem → Automation rules</strong>. Its deliveries
          are refused meanwhile.
        </li>
      </ul>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Layers } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getGongConnectionByOrganization } from "@/db/queries/gong-connections";
import { listWorkspacesWithCallCounts } from "@/db/queries/gong-workspaces";
import { listQuarantinedRecords } from "@/db/queries/quarantined-gong-records";
import { listSyncRuns } from "@/db/queries/sync-runs";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { toSyncRunView } from "@/lib/sync/sync-run-view";
import { QuarantinedCalls } from "./quarantined-calls";
import { SyncRunsTable } from "./sync-runs-table";
import { WorkspacesCard } from "./workspaces-card";

export const metadata: Metadata = { title: "Sync activity" };

export default async function SyncActivityPage() {
  const admin = await requireAdminOrForbidden();
  const [connection, runs, workspaces, quarantine] = await Promise.all([
    getGongConnectionByOrganization(db, admin.organizationId),
    listSyncRuns(db, admin.organizationId, 30),
    listWorkspacesWithCallCounts(db, admin.organizationId),
    listQuarantinedRecords(db, admin.organizationId),
  ]);
  const connected = connection?.status === "connected";
  return (
    <>
      <PageHeader title="Sync activity" description="Every sync run with its progress, counts and errors, and what each workspace holds." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Runs" description="Updates live while a sync is running." />
          <SyncRunsTable initial={runs.map(toSyncRunView)} />
        </Card>
        <Card>
          <CardHeader
            title="Quarantined calls"
            description="Calls Gong sent in a shape Callbridge cannot store: which field, and what was there (never the call's content). The next sync tries each again."
          />
          <QuarantinedCalls
            canRetry={connected}
            total={quarantine.total}
            rows={quarantine.records.map((record) => ({
              gongId: record.gong_id,
              source: record.source,
              fieldPath: record.field_path,
              valueType: record.value_type,
              firstSeenAt: new Date(record.first_seen_at).toISOString(),
              lastSeenAt: new Date(record.last_seen_at).toISOString(),
            }))}
          />
        </Card>
        <Card>
          <CardHeader title="Workspaces" description="Choose which Gong workspaces are synced, and sync chosen ones now." />
          {connected && workspaces.length > 0 ? (
            <WorkspacesCard
              includeNew={connection.include_new_workspaces}
              workspaces={workspaces.map((workspace) => ({
                gongId: workspace.gong_id,
                name: workspace.name,
                enabled: workspace.sync_enabled,
                isNew: workspace.is_new,
                lastSyncedAt: workspace.last_synced_at ? new Date(workspace.last_synced_at).toISOString() : null,
                callCount: Number(workspace.call_count ?? 0),
              }))}
            />
          ) : (
            <EmptyState icon={Layers} title={connected ? "No workspaces discovered yet" : "Gong is not connected"}>
              {connected ? (
                "Workspaces appear after the first sync reads them from Gong."
              ) : (
                <>
                  <Link href="/settings/gong" className="text-accent underline underline-offset-4 hover:decoration-2">
                    Connect Gong
                  </Link>{" "}
                  to start syncing calls.
                </>
              )}
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}

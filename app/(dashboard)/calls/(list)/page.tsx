import type { Metadata } from "next";
import Link from "next/link";
import { Phone, SearchX, UserX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getCallViewer } from "@/db/queries/call-access";
import { listVisibleCalls } from "@/db/queries/calls-list";
import { getCallsListContext } from "@/db/queries/calls-list-context";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { decodeCallCursor, encodeCallCursor } from "@/lib/calls/call-cursor";
import { buildCallListHref, hasActiveFilters, parseCallListParams, toCallListFilters } from "@/lib/calls/parse-call-list-params";
import { CallsFilters } from "./calls-filters";
import { CallsTable } from "./calls-table";
import { SetupChecklist } from "./setup-checklist";

export const metadata: Metadata = { title: "Calls" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUserOrRedirect();
  const params = parseCallListParams(await searchParams);
  const [viewer, context] = await Promise.all([getCallViewer(db, user), getCallsListContext(db, user.organizationId)]);
  const cursor = decodeCallCursor(params.cursor);
  const page = await listVisibleCalls(db, viewer, toCallListFilters(params), cursor);
  const filtered = hasActiveFilters(params);
  return (
    <>
      <PageHeader title="Calls" description={user.role === "admin" ? "Every synced call in your organization." : viewer.team.gongIds.length > 0 ? "Calls you and your team took part in." : "Calls you took part in."} />
      <div className="space-y-4">
        {user.role === "admin" && !filtered && !cursor ? <SetupChecklist organizationId={user.organizationId} /> : null}
        <Card>
          <CardBody>
            <CallsFilters params={params} workspaces={context.workspaces} trackers={context.trackers} filtered={filtered} hasTeam={viewer.team.gongIds.length > 0} />
          </CardBody>
        </Card>
        <Card>
          {page.rows.length > 0 ? (
            <CallsTable rows={page.rows} q={params.q} />
          ) : (
            <CallsEmptyState role={user.role} hasConnection={context.hasConnection} linked={viewer.gongUserId !== null} filtered={filtered} paged={!!cursor} />
          )}
          {cursor || page.nextCursor ? (
            <nav aria-label="Pages" className="flex items-center justify-between gap-2 px-4 py-3">
              {cursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={buildCallListHref(params, undefined)}>Newest</Link>
                </Button>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Button asChild variant="secondary" size="sm">
                  <Link href={buildCallListHref(params, encodeCallCursor(page.nextCursor))}>Older calls</Link>
                </Button>
              ) : null}
            </nav>
          ) : null}
        </Card>
      </div>
    </>
  );
}

type EmptyProps = { role: "admin" | "rep"; hasConnection: boolean; linked: boolean; filtered: boolean; paged: boolean };

function CallsEmptyState({ role, hasConnection, linked, filtered, paged }: EmptyProps) {
  if (!hasConnection) {
    return (
      <EmptyState icon={Phone} title="No calls yet">
        {role === "admin" ? (
          <Link href="/settings/gong" className="text-accent underline underline-offset-4 hover:decoration-2">
            Connect Gong to start syncing calls
          </Link>
        ) : (
          "Gong isn't connected yet. Ask your admin to connect it; your calls appear here once they sync."
        )}
      </EmptyState>
    );
  }
  if (role === "rep" && !linked) {
    return (
      <EmptyState icon={UserX} title="Your account isn't linked to a Gong user yet">
        Ask an admin to link it under Users &amp; links.
      </EmptyState>
    );
  }
  if (filtered || paged) {
    return (
      <EmptyState icon={SearchX} title="No calls match">
        Try other words or a wider date range, or{" "}
        <Link href="/calls" className="text-accent underline underline-offset-4 hover:decoration-2">
          clear the filters
        </Link>
        .
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={Phone} title="No calls yet">
      Calls appear here as soon as the first sync brings them in. {role === "admin" ? "Follow it under Settings → Sync activity." : null}
    </EmptyState>
  );
}

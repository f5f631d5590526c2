import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, Link2Off } from "lucide-react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getCallViewer } from "@/db/queries/call-access";
import { listWorkspaces } from "@/db/queries/gong-workspaces";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { decideTrendsAccess } from "@/lib/trends/decide-trends-access";
import { loadTrends } from "@/lib/trends/load-trends";
import { trendsParamsSchema } from "@/lib/trends/trends-range";
import { RepTrends } from "./rep-trends";
import { TeamTrends } from "./team-trends";
import { TrendsControls } from "./trends-controls";

export const metadata: Metadata = { title: "Trends" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrendsPage({ searchParams }: Props) {
  const user = await requireUserOrRedirect();
  const raw = await searchParams;
  const params = trendsParamsSchema.parse({ range: first(raw.range), workspace: first(raw.workspace), rep: first(raw.rep) });
  const viewer = await getCallViewer(db, user);
  const access = decideTrendsAccess(viewer, params.rep);
  const workspaces = (await listWorkspaces(db, user.organizationId)).map((entry) => ({ gongId: entry.gong_id, name: entry.name }));
  const workspace = workspaces.some((entry) => entry.gongId === params.workspace) ? params.workspace! : null;
  const data = await loadTrends(db, access, { organizationId: user.organizationId, range: params.range, workspaceGongId: workspace });
  const rangeLabel = `the last ${params.range} days`;
  const viewingRep = data.view === "rep" && !data.rep.own ? data.rep : null;
  // A manager looking at their own series can go back to their team's table too.
  const backToTeam = viewingRep !== null || (data.view === "rep" && viewer.role !== "admin" && viewer.team.gongIds.length > 0);
  return (
    <>
      {backToTeam ? (
        <Link href={`/trends?range=${params.range}${workspace ? `&workspace=${encodeURIComponent(workspace)}` : ""}`} className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ArrowLeft className="size-4" aria-hidden />
          Team
        </Link>
      ) : null}
      <PageHeader
        title={viewingRep ? `Trends: ${viewingRep.name}` : "Trends"}
        description={
          data.view === "team"
            ? access.view === "team" && access.members
              ? "How the call habits of each person on your team change week by week."
              : "How each rep's call habits change week by week."
            : `${viewingRep ? `${viewingRep.name}'s` : "Your"} call habits week by week, beside the team's median. Figures are per-call averages for each week (UTC).`
        }
      />
      <TrendsControls range={params.range} workspace={workspace} rep={viewingRep?.gongId ?? null} workspaces={workspaces} />
      {data.view === "unlinked" ? (
        <Card>
          <EmptyState icon={Link2Off} title="Your account isn't linked to a Gong user">
            Trends follow the calls of your Gong user. Ask an admin to link your account in Users &amp; links; your trends then appear here.
          </EmptyState>
        </Card>
      ) : data.view === "rep" ? (
        <RepTrends data={data} rangeLabel={rangeLabel} />
      ) : (
        <TeamTrends data={data} range={params.range} workspace={workspace} rangeLabel={rangeLabel} />
      )}
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

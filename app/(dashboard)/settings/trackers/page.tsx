import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { ensureDefaultTrackers } from "@/db/queries/trackers";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { TrackerForm } from "./tracker-form";

export const metadata: Metadata = { title: "Trackers" };

export default async function TrackersPage() {
  const admin = await requireAdminOrForbidden();
  const trackers = await ensureDefaultTrackers(db, admin.organizationId);
  return (
    <>
      <PageHeader
        title="Trackers"
        description="Keyword groups counted in every call, such as competitors or pricing. Each hit links to the moment in the transcript; calls pick up edits the next time they are opened."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Add a tracker" />
          <CardBody>
            <TrackerForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Trackers" description={`${trackers.length} in your organization. Matching is whole-word and case-insensitive.`} />
          <CardBody className="space-y-5">
            {trackers.map((tracker) => (
              <TrackerForm key={`${tracker.id}-${tracker.updated_at.getTime()}`} tracker={{ id: tracker.id, name: tracker.name, keywords: tracker.keywords }} />
            ))}
            {trackers.length === 0 ? <p className="text-sm text-muted-foreground">No trackers. Add one above.</p> : null}
          </CardBody>
        </Card>
      </div>
    </>
  );
}

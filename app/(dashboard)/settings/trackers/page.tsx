import type { Metadata } from "next";
import Link from "next/link";
import { Tags } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { db } from "@/db";
import { countTrackerHits, ensureDefaultTrackers, hashTrackers } from "@/db/queries/trackers";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { formatCount } from "@/lib/format";
import { DeleteTrackerDialog } from "./delete-tracker-dialog";
import { TrackerDialog } from "./tracker-dialog";

export const metadata: Metadata = { title: "Trackers" };

export default async function TrackersPage() {
  const admin = await requireAdminOrForbidden();
  const trackers = await ensureDefaultTrackers(db, admin.organizationId);
  const hits = await countTrackerHits(db, admin.organizationId, hashTrackers(trackers));
  return (
    <>
      <PageHeader
        title="Trackers"
        description="Keyword groups counted in every call, such as competitors or pricing. Each hit links to the moment in the transcript."
        action={<TrackerDialog />}
      />
      <Card>
        <CardHeader
          title={`${trackers.length} ${trackers.length === 1 ? "tracker" : "trackers"}`}
          description={
            hits.uncounted > 0
              ? `Counting ${formatCount(hits.uncounted)} calls against the latest trackers; the numbers below grow as they are done.`
              : "Hits across every call with a transcript. Matching is whole-word and case-insensitive."
          }
        />
        {trackers.length === 0 ? (
          <EmptyState icon={Tags} title="No trackers">
            Add one for the words you want to follow across calls: competitors, pricing, a product name.
          </EmptyState>
        ) : (
          <Table aria-label="Trackers">
            <thead>
              <tr>
                <Th>Tracker</Th>
                <Th className="text-right">Calls</Th>
                <Th className="hidden text-right sm:table-cell">Mentions</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {trackers.map((tracker) => {
                const counted = hits.byTracker.get(tracker.id);
                return (
                  <tr key={tracker.id}>
                    <Td className="min-w-0">
                      <p className="font-medium">{tracker.name}</p>
                      <p className="line-clamp-2 break-words text-xs text-muted-foreground">{tracker.keywords.join(", ")}</p>
                    </Td>
                    <Td className="text-right tabular-nums">
                      {counted && counted.calls > 0 ? (
                        <Link href={`/calls?tracker=${tracker.id}`} className="text-accent underline-offset-4 hover:underline" aria-label={`${formatCount(counted.calls)} calls mention ${tracker.name}`}>
                          {formatCount(counted.calls)}
                        </Link>
                      ) : (
                        <span className="text-muted-foreground">0</span>
                      )}
                    </Td>
                    <Td className="hidden text-right tabular-nums text-muted-foreground sm:table-cell">{formatCount(counted?.mentions ?? 0)}</Td>
                    <Td className="whitespace-nowrap text-right">
                      <TrackerDialog tracker={{ id: tracker.id, name: tracker.name, keywords: tracker.keywords }} />
                      <DeleteTrackerDialog id={tracker.id} name={tracker.name} calls={counted?.calls ?? null} />
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}

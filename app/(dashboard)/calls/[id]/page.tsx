import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, ExternalLink } from "lucide-react";
import { TranscriptStatusBadge } from "@/components/calls/transcript-status-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { db } from "@/db";
import { getCallViewer } from "@/db/queries/call-access";
import { getCallConnectionFacts, getVisibleCall, listCallPageParties, listTranscriptSentences } from "@/db/queries/call-page";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { MEDIA_SCOPE, hasFreshStoredMedia } from "@/lib/calls/get-call-media";
import { getFreshCallInsights } from "@/lib/calls/refresh-call-insights";
import { labelSpeakers } from "@/lib/calls/speaker-labels";
import { formatDuration, formatExactTime } from "@/lib/format";
import { CallAdminActions } from "./call-admin-actions";
import { CallPlayer } from "./call-player";
import { InsightsPanel } from "./insights-panel";
import { ParticipantsList } from "./participants-list";
import { Transcript } from "./transcript";
import { TranscriptSearch } from "./transcript-search";

export const metadata: Metadata = { title: "Call" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUserOrRedirect();
  const { id } = await params;
  const call = await getVisibleCall(db, await getCallViewer(db, user), id);
  if (!call) notFound();
  const [parties, sentences, connection, insights] = await Promise.all([
    listCallPageParties(db, call),
    listTranscriptSentences(db, call.id),
    getCallConnectionFacts(db, call.connection_id),
    getFreshCallInsights(db, call),
  ]);
  const labels = labelSpeakers(parties, sentences.map((sentence) => sentence.speakerId), connection?.includeSpeakerLabels ?? true);
  // Without a usable connection, only links Gong signed less than 7 hours ago still play.
  const canPlay = (connection?.status === "connected" && connection.grantedScopes.includes(MEDIA_SCOPE)) || hasFreshStoredMedia(call);
  return (
    <>
      <Link href="/calls" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        Calls
      </Link>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight">{call.title || "Untitled call"}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
            <time dateTime={call.started_at.toISOString()}>{formatExactTime(call.started_at)}</time>
            {call.duration_seconds !== null ? <span>{formatDuration(call.duration_seconds)}</span> : null}
            <TranscriptStatusBadge status={call.transcript_status} />
            {call.url ? (
              <a href={call.url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-accent hover:underline">
                Open in Gong <ExternalLink className="size-3.5" aria-hidden />
              </a>
            ) : null}
          </p>
        </div>
        {user.role === "admin" ? <CallAdminActions callId={call.id} title={call.title} /> : null}
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <Card>
            <CardBody className="space-y-3">
              {canPlay ? (
                <CallPlayer callId={call.id} video={call.media_type === "Video"} />
              ) : (
                <p className="text-sm text-muted-foreground">
                  {connection?.status === "connected" ? (
                    <>
                      The recording can&apos;t be played: the Gong connection wasn&apos;t granted <code>{MEDIA_SCOPE}</code>. An admin can
                      reconnect Gong and approve it.
                    </>
                  ) : (
                    "The recording can't be played while Gong is disconnected."
                  )}
                </p>
              )}
            </CardBody>
          </Card>
          <Card>
            <div className="sticky top-14 z-10 rounded-t-lg border-b border-border bg-card px-5 py-3 md:top-0">
              <TranscriptSearch />
            </div>
            <CardBody>
              {sentences.length > 0 ? (
                <Transcript sentences={sentences} labels={labels} />
              ) : (
                <p className="text-sm text-muted-foreground">
                  {call.transcript_status === "pending" ? (
                    "Gong is still transcribing this call; it appears here automatically."
                  ) : call.transcript_unavailable_reason === "scope_missing" ? (
                    <>
                      The transcript wasn&apos;t synced: the Gong connection wasn&apos;t granted <code>api:calls:read:transcript</code>. An admin can
                      reconnect Gong, approve it and sync the call again.
                    </>
                  ) : (
                    "Gong has no transcript for this call."
                  )}
                </p>
              )}
            </CardBody>
          </Card>
        </div>
        <aside className="space-y-4" aria-label="Call details and insights">
          <Card>
            <CardHeader title="Participants" />
            <ParticipantsList parties={parties} />
          </Card>
          {insights ? <InsightsPanel insights={insights.insights} labels={labels} llmSummary={insights.llmSummary} /> : null}
        </aside>
      </div>
    </>
  );
}

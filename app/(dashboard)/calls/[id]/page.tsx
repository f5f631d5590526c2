import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft, ExternalLink } from "lucide-react";
import { TranscriptStatusBadge } from "@/components/calls/transcript-status-badge";
import { Card, CardBody } from "@/components/ui/card";
import { db } from "@/db";
import { getCallViewer } from "@/db/queries/call-access";
import { getCallConnectionFacts, getVisibleCall, listCallPageParties, listTranscriptSentences } from "@/db/queries/call-page";
import { listGongUserNames } from "@/db/queries/gong-user-names";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { findSentenceAt } from "@/lib/calls/find-sentence-at";
import { MEDIA_SCOPE, hasFreshStoredMedia } from "@/lib/calls/get-call-media";
import { readGongBrief } from "@/lib/calls/read-gong-brief";
import { getFreshCallInsights } from "@/lib/calls/refresh-call-insights";
import { labelSpeakers } from "@/lib/calls/speaker-labels";
import { formatDuration, formatExactTime } from "@/lib/format";
import { CallAdminActions } from "./call-admin-actions";
import { CallLayout } from "./call-layout";
import { CallMedia } from "./call-media";
import { CallPlayerProvider } from "./call-player-context";
import { MiniPlayer } from "./mini-player";
import { StatsPanel } from "./stats-panel";
import { SummaryPanel } from "./summary-panel";
import { Transcript } from "./transcript";
import { TranscriptDownloads } from "./transcript-downloads";
import { TranscriptFollower } from "./transcript-follower";
import { TranscriptSearch } from "./transcript-search";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Shared by the page and its title within one request.
const loadVisibleCall = cache(async (id: string) => {
  const user = await requireUserOrRedirect();
  return { user, call: await getVisibleCall(db, await getCallViewer(db, user), id) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { call } = await loadVisibleCall((await params).id);
  return { title: call ? call.title || "Untitled call" : "Call not found" };
}

export default async function CallPage({ params, searchParams }: Props) {
  const { user, call } = await loadVisibleCall((await params).id);
  if (!call) notFound();
  // The words a transcript search opened this call with, carried into "Find in transcript".
  const find = [(await searchParams).find].flat()[0]?.slice(0, 200) ?? "";
  const [parties, sentences, connection, insights, hostNames] = await Promise.all([
    listCallPageParties(db, call),
    listTranscriptSentences(db, call.id),
    getCallConnectionFacts(db, call.connection_id),
    getFreshCallInsights(db, call),
    listGongUserNames(db, call.organization_id, call.primary_user_gong_id ? [call.primary_user_gong_id] : []),
  ]);
  const labels = labelSpeakers(parties, sentences.map((sentence) => sentence.speakerId), connection?.includeSpeakerLabels ?? true);
  // Without a usable connection, only links Gong signed less than 7 hours ago still play.
  const canPlay = (connection?.status === "connected" && connection.grantedScopes.includes(MEDIA_SCOPE)) || hasFreshStoredMedia(call);
  const hasTranscript = sentences.length > 0;
  const positionAt = (ms: number) => findSentenceAt(sentences, ms);
  return (
    <CallPlayerProvider>
      <Link href="/calls" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        Calls
      </Link>
      <header className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight [overflow-wrap:anywhere]">{call.title || "Untitled call"}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-foreground">
            <time dateTime={call.started_at.toISOString()}>{formatExactTime(call.started_at)}</time>
            {call.duration_seconds !== null ? <span>{formatDuration(call.duration_seconds)}</span> : null}
            <TranscriptStatusBadge status={call.transcript_status} />
            {call.url ? (
              <a href={call.url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-accent hover:underline">
                Open in Gong <ExternalLink className="size-3.5" aria-hidden />
              </a>
            ) : null}
            {hasTranscript ? <TranscriptDownloads callId={call.id} /> : null}
          </p>
        </div>
        {user.role === "admin" ? <CallAdminActions callId={call.id} title={call.title} /> : null}
      </header>
      <a href="#call-panel-summary" className="sr-only focus:not-sr-only focus:mb-3 focus:inline-block focus:rounded-md focus:bg-card focus:px-3 focus:py-1.5 focus:text-sm">
        Skip to the summary
      </a>
      <CallLayout
        initialTab={find ? "transcript" : "summary"}
        media={canPlay ? <CallMedia callId={call.id} video={call.media_type === "Video"} /> : <NoRecording connected={connection?.status === "connected"} />}
        player={canPlay ? <MiniPlayer fallbackDurationSeconds={call.duration_seconds} /> : null}
        find={hasTranscript ? <TranscriptSearch initialQuery={find} /> : null}
        transcript={
          <Card>
            <CardBody>
              {hasTranscript ? <Transcript sentences={sentences} labels={labels} /> : <NoTranscript status={call.transcript_status} reason={call.transcript_unavailable_reason} />}
            </CardBody>
          </Card>
        }
        summary={
          <SummaryPanel
            brief={readGongBrief(call.content)}
            parties={parties}
            hostName={call.primary_user_gong_id ? (hostNames.get(call.primary_user_gong_id) ?? null) : null}
            insights={insights?.insights ?? null}
            llmSummary={insights?.llmSummary ?? null}
            labels={labels}
            positionAt={positionAt}
            canPlay={canPlay}
          />
        }
        stats={<StatsPanel insights={insights?.insights ?? null} labels={labels} canPlay={canPlay} />}
      />
      {hasTranscript ? <TranscriptFollower /> : null}
    </CallPlayerProvider>
  );
}

function NoRecording({ connected }: { connected: boolean }) {
  return (
    <p className="mb-4 rounded-lg border border-border bg-card px-4 py-3 text-sm text-muted-foreground">
      {connected ? (
        <>
          The recording can&apos;t be played: the Gong connection wasn&apos;t granted <code>{MEDIA_SCOPE}</code>. An admin can reconnect Gong and
          approve it.
        </>
      ) : (
        "The recording can't be played while Gong is disconnected."
      )}
    </p>
  );
}

function NoTranscript({ status, reason }: { status: string; reason: string | null }) {
  return (
    <p className="text-sm text-muted-foreground">
      {status === "pending" ? (
        "Gong is still transcribing this call; it appears here automatically."
      ) : reason === "scope_missing" ? (
        <>
          The transcript wasn&apos;t synced: the Gong connection wasn&apos;t granted <code>api:calls:read:transcript</code>. An admin can reconnect
          Gong, approve it and sync the call again.
        </>
      ) : (
        "Gong has no transcript for this call."
      )}
    </p>
  );
}

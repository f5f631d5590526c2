import Link from "next/link";
import { Lock } from "lucide-react";
import { HighlightedText } from "@/components/calls/highlighted-text";
import { TranscriptStatusBadge } from "@/components/calls/transcript-status-badge";
import { RelativeTime } from "@/components/relative-time";
import { Table, Td, Th } from "@/components/ui/table";
import type { CallListHost, CallListParty, CallListRow } from "@/db/queries/calls-list";
import { chooseFindTerm, splitHighlightedSnippet } from "@/lib/calls/highlight-snippet";
import { formatDuration } from "@/lib/format";

/** A search result opens the call on its matched sentence, with the term carried into "Find in transcript". */
function callHref(row: CallListRow, q: string | undefined): string {
  if (!row.snippet || !q) return `/calls/${row.id}`;
  return `/calls/${row.id}?${new URLSearchParams({ find: chooseFindTerm(q, row.snippet.headline) })}#s-${row.snippet.position}`;
}

export function CallsTable({ rows, q }: { rows: CallListRow[]; q?: string }) {
  return (
    <Table>
      <thead>
        <tr>
          <Th>Call</Th>
          <Th className="hidden md:table-cell">Participants</Th>
          <Th>Started</Th>
          <Th className="text-right">Duration</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="hover:bg-muted/50">
            <Td className="max-w-md">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={callHref(row, q)} className="font-medium hover:underline">
                  {row.title || "Untitled call"}
                </Link>
                {row.isPrivate ? <Lock className="size-3.5 text-muted-foreground" aria-label="Private call" /> : null}
                <TranscriptStatusBadge status={row.transcriptStatus} />
              </div>
              {row.snippet ? (
                <p className="mt-1 line-clamp-2 text-sm text-muted-foreground" data-testid="search-snippet">
                  <HighlightedText parts={splitHighlightedSnippet(row.snippet.headline)} />
                </p>
              ) : null}
              <Participants parties={row.parties} host={row.host} className="mt-1 md:hidden" />
            </Td>
            <Td className="hidden md:table-cell">
              <Participants parties={row.parties} host={row.host} />
            </Td>
            <Td className="whitespace-nowrap text-muted-foreground">
              <RelativeTime date={row.startedAt} />
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums text-muted-foreground">
              {row.durationSeconds === null ? "—" : formatDuration(row.durationSeconds)}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Participants({ parties, host, className }: { parties: CallListParty[]; host: CallListHost | null; className?: string }) {
  const name = (party: CallListParty) => party.name ?? party.email ?? "Unknown";
  const internal = parties.filter((party) => party.affiliation === "Internal").map(name);
  const external = parties.filter((party) => party.affiliation !== "Internal").map(name);
  const list = (names: string[]) => (names.length > 3 ? `${names.slice(0, 3).join(", ")} +${names.length - 3}` : names.join(", "));
  if (parties.length === 0) {
    // Gong lists no parties for calls imported from dialers; the call's owner is still known.
    return (
      <div className={`text-xs text-muted-foreground ${className ?? ""}`}>
        {host ? <p><span className="font-medium text-foreground">Host:</span> {host.name}</p> : null}
        <p>{host?.system ? `${host.system} call · ` : ""}No participants listed by Gong</p>
      </div>
    );
  }
  return (
    <div className={`text-xs text-muted-foreground ${className ?? ""}`}>
      {internal.length ? <p><span className="font-medium text-foreground">Us:</span> {list(internal)}</p> : null}
      {external.length ? <p><span className="font-medium text-foreground">Them:</span> {list(external)}</p> : null}
    </div>
  );
}

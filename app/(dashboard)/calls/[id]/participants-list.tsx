import { Badge } from "@/components/ui/badge";
import type { CallPageParty } from "@/db/queries/call-page";
import { speakerFill } from "./speaker-colors";

const AFFILIATION = { Internal: { label: "Internal", tone: "accent" }, External: { label: "External", tone: "success" } } as const;

type Props = { parties: CallPageParty[]; hostName: string | null; colorOf: (speakerId: string | null) => number | undefined };

/**
 * The call's parties, each who spoke marked in their transcript colour; Gong lists none for an imported call,
 * whose host (the call's owner) is shown instead.
 */
export function ParticipantsList({ parties, hostName, colorOf }: Props) {
  if (parties.length === 0) {
    return (
      <p className="px-5 py-4 text-sm text-muted-foreground">
        {hostName ? <><span className="font-medium text-foreground">{hostName}</span> (host). </> : null}
        Gong lists no participants for this call, as for calls imported from a dialer.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-border">
      {parties.map((party) => {
        const affiliation = AFFILIATION[party.affiliation as keyof typeof AFFILIATION] ?? { label: "Unknown", tone: "neutral" as const };
        return (
          <li key={party.id} className="flex items-start justify-between gap-2 px-5 py-2.5 text-sm">
            <div className="min-w-0">
              <p className="flex items-center gap-1.5 font-medium">
                {party.speakerId && colorOf(party.speakerId) !== undefined ? (
                  <svg viewBox="0 0 8 8" className="size-2 shrink-0" aria-hidden>
                    <circle cx="4" cy="4" r="4" className={speakerFill(colorOf(party.speakerId))} />
                  </svg>
                ) : null}
                <span className="truncate">{party.name ?? party.email ?? "Unknown participant"}</span>
              </p>
              <p className="truncate text-xs text-muted-foreground">
                {[party.title, party.name ? party.email : null].filter(Boolean).join(" · ")}
                {party.appUserName ? <span className="block">Callbridge: {party.appUserName}</span> : null}
              </p>
            </div>
            <Badge tone={affiliation.tone}>{affiliation.label}</Badge>
          </li>
        );
      })}
    </ul>
  );
}

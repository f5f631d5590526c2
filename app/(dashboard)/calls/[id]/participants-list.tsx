import { Badge } from "@/components/ui/badge";
import type { CallPageParty } from "@/db/queries/call-page";

const AFFILIATION = { Internal: { label: "Internal", tone: "accent" }, External: { label: "External", tone: "success" } } as const;

export function ParticipantsList({ parties }: { parties: CallPageParty[] }) {
  if (parties.length === 0) return <p className="px-5 py-4 text-sm text-muted-foreground">Gong listed no participants.</p>;
  return (
    <ul className="divide-y divide-border">
      {parties.map((party) => {
        const affiliation = AFFILIATION[party.affiliation as keyof typeof AFFILIATION] ?? { label: "Unknown", tone: "neutral" as const };
        return (
          <li key={party.id} className="flex items-start justify-between gap-2 px-5 py-2.5 text-sm">
            <div className="min-w-0">
              <p className="truncate font-medium">{party.name ?? party.email ?? "Unknown participant"}</p>
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

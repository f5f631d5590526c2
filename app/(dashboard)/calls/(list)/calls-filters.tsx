import Link from "next/link";
import { Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import type { CallListParams } from "@/lib/calls/parse-call-list-params";
import { TrackerFilter } from "./tracker-filter";

type Props = {
  params: CallListParams;
  workspaces: { gongId: string; name: string }[];
  trackers: { id: string; name: string }[];
  filtered: boolean;
  /** The viewer manages a team in Gong and may filter to its calls. */
  hasTeam?: boolean;
};

/** A plain GET form: filters live in the URL and work without JavaScript. */
export function CallsFilters({ params, workspaces, trackers, filtered, hasTeam = false }: Props) {
  return (
    <form method="get" action="/calls" role="search" aria-label="Search and filter calls" className="space-y-3">
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Label htmlFor="calls-q" className="sr-only">
            Search transcripts
          </Label>
          <Input id="calls-q" name="q" type="search" defaultValue={params.q} placeholder='Search transcripts, e.g. "renewal budget"' className="pl-9" />
        </div>
        <Button type="submit">Search</Button>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end">
        <div className="space-y-1">
          <Label htmlFor="calls-from" className="text-xs text-muted-foreground">From</Label>
          <Input id="calls-from" name="from" type="date" defaultValue={params.from} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="calls-to" className="text-xs text-muted-foreground">To</Label>
          <Input id="calls-to" name="to" type="date" defaultValue={params.to} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="calls-workspace" className="text-xs text-muted-foreground">Workspace</Label>
          <Select id="calls-workspace" name="workspace" defaultValue={params.workspace ?? ""} className="w-full">
            <option value="">All workspaces</option>
            {workspaces.map((workspace) => (
              <option key={workspace.gongId} value={workspace.gongId}>
                {workspace.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="calls-participant" className="text-xs text-muted-foreground">Participant</Label>
          <Input id="calls-participant" name="participant" defaultValue={params.participant} placeholder="Name or email" />
        </div>
        <TrackerFilter trackers={trackers} value={params.tracker} />
        <div className="col-span-2 flex items-center gap-3 sm:col-span-1 lg:pb-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="transcript" value="1" defaultChecked={params.transcript === "1"} className="size-4" />
            Has transcript
          </label>
          {hasTeam ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="team" value="1" defaultChecked={params.team === "1"} className="size-4" />
              My team
            </label>
          ) : null}
          {filtered ? (
            <Link href="/calls" className="text-sm text-accent underline-offset-4 hover:underline">
              Clear
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  );
}

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TREND_RANGES, type TrendRange } from "@/lib/trends/trends-range";
import { cn } from "@/lib/utils";

type Props = { range: TrendRange; workspace: string | null; rep: string | null; workspaces: { gongId: string; name: string }[] };

function trendsHref(params: { range: TrendRange; workspace: string | null; rep: string | null }): string {
  const query = new URLSearchParams({ range: String(params.range) });
  if (params.workspace) query.set("workspace", params.workspace);
  if (params.rep) query.set("rep", params.rep);
  return `/trends?${query}`;
}

/** The range switch (links: a keyboard tabs to them and presses Enter) and the workspace filter (a GET form). */
export function TrendsControls({ range, workspace, rep, workspaces }: Props) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <nav aria-label="Range">
        <ul className="inline-flex rounded-lg border border-border bg-card p-0.5">
          {TREND_RANGES.map((days) => (
            <li key={days}>
              <Link
                href={trendsHref({ range: days, workspace, rep })}
                aria-current={days === range ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-1 text-sm font-medium",
                  days === range ? "bg-muted text-foreground" : "text-muted-foreground hover:bg-muted/60 hover:text-foreground",
                )}
              >
                {days} days
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {workspaces.length > 0 ? (
        <form method="get" action="/trends" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="range" value={range} />
          {rep ? <input type="hidden" name="rep" value={rep} /> : null}
          <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
            Workspace
            <select
              name="workspace"
              defaultValue={workspace ?? ""}
              className="h-9 min-w-40 rounded-md border border-border bg-card px-2 text-sm text-foreground"
            >
              <option value="">All workspaces</option>
              {workspaces.map((entry) => (
                <option key={entry.gongId} value={entry.gongId}>
                  {entry.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary" size="md">
            Apply
          </Button>
        </form>
      ) : null}
    </div>
  );
}

export { trendsHref };

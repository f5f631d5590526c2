import { CircleCheck, CircleDashed, CircleSlash, LoaderCircle } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/lib/format";
import type { RunStep } from "@/lib/sync/describe-run-steps";
import type { SyncRunView } from "@/lib/sync/sync-run-view";

const STATE = {
  done: { icon: CircleCheck, label: "done", className: "text-success" },
  active: { icon: LoaderCircle, label: "in progress", className: "animate-spin text-accent motion-reduce:animate-none" },
  stopped: { icon: CircleSlash, label: "stopped", className: "text-warning" },
} as const;

export function RunSteps({ steps, status }: { steps: RunStep[]; status: SyncRunView["status"] }) {
  if (steps.length === 0) {
    return (
      <EmptyState icon={CircleDashed} title={status === "queued" ? "Waiting to start" : "No steps recorded"}>
        {status === "queued"
          ? "The run starts when the connection's previous sync ends."
          : "The run ended before it recorded any work; its error above says why."}
      </EmptyState>
    );
  }
  return (
    <ol aria-label="Steps" className="divide-y divide-border">
      {steps.map((step) => {
        const state = STATE[step.state];
        return (
          <li key={step.id} className="flex items-start gap-3 px-5 py-3 text-sm">
            <state.icon className={`mt-0.5 size-4 shrink-0 ${state.className}`} aria-hidden />
            <div className="min-w-0 flex-1">
              <p className="font-medium">
                {step.label} <span className="sr-only">({state.label})</span>
              </p>
              <p className="text-xs text-muted-foreground">{describeCounts(step)}</p>
            </div>
            <span className="shrink-0 text-xs text-muted-foreground">
              <RelativeTime date={step.updatedAt} />
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function describeCounts(step: RunStep): string {
  const parts: string[] = [];
  if (step.pages > 0) parts.push(`${formatCount(step.pages)} ${step.pages === 1 ? "page" : "pages"}`);
  if (step.users > 0) parts.push(`${formatCount(step.users)} users`);
  if (step.calls > 0 || step.callsTotal) parts.push(step.callsTotal ? `${formatCount(step.calls)} of ${formatCount(step.callsTotal)} calls` : `${formatCount(step.calls)} calls`);
  if (step.transcripts > 0) parts.push(`${formatCount(step.transcripts)} transcripts`);
  if (step.skippedDeleted > 0) parts.push(`${formatCount(step.skippedDeleted)} deleted skipped`);
  return parts.join(" · ") || "nothing stored";
}

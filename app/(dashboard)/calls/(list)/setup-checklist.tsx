import Link from "next/link";
import { CircleCheck, Circle } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ProgressBar } from "@/components/ui/progress-bar";
import { db } from "@/db";
import { type SetupProgress, getSetupProgress } from "@/db/queries/setup-progress";
import { cn } from "@/lib/utils";

type Step = { title: string; done: boolean; detail: string; href: string; action: string };

function listSteps(progress: SetupProgress): Step[] {
  const connection = progress.connection;
  return [
    {
      title: "Connect Gong",
      done: connection === "connected",
      detail:
        connection === "needs_reauth" ? "Gong needs re-authorization: reconnect to resume syncing." : connection === "revoked" ? "Gong was disconnected: reconnect to sync again." : "Approve Callbridge in Gong; the first sync starts at once.",
      href: "/settings/gong",
      action: connection ? "Reconnect Gong" : "Connect Gong",
    },
    {
      title: "Set up the webhook",
      done: progress.webhookVerified,
      detail: "A “New call” rule in Gong brings each call within seconds instead of at the next scheduled sync.",
      href: "/settings/webhook",
      action: "Set up the webhook",
    },
    {
      title: "Link users to Gong",
      done: progress.linkedUsers > 0,
      detail:
        progress.unlinkedReps > 0
          ? `${progress.unlinkedReps} of ${progress.reps} reps aren't linked yet, so they see no calls.`
          : "Each user sees the calls of the Gong user they are linked to; matching emails link by themselves at each sync.",
      href: "/settings/users",
      action: "Link users",
    },
    {
      title: "Invite reps",
      done: progress.reps > 0,
      detail: "Add your reps so they can read the transcripts and insights of their own calls.",
      href: "/settings/users",
      action: "Add reps",
    },
  ];
}

/** First-run setup for admins, on the calls page they land on; it goes away once every step is done. */
export async function SetupChecklist({ organizationId }: { organizationId: string }) {
  const steps = listSteps(await getSetupProgress(db, organizationId));
  const done = steps.filter((step) => step.done).length;
  if (done === steps.length) return null;
  const next = steps.find((step) => !step.done);
  return (
    <Card aria-labelledby="setup-checklist-title">
      <header className="space-y-2 border-b border-border px-5 py-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="setup-checklist-title" className="text-sm font-semibold">
            Set up Callbridge
          </h2>
          <span className="text-xs text-muted-foreground">
            {done} of {steps.length} done
          </span>
        </div>
        <ProgressBar value={done} max={steps.length} label="Setup progress" />
      </header>
      <ol className="divide-y divide-border">
        {steps.map((step) => (
          <li key={step.title} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-5 py-3 text-sm">
            {step.done ? <CircleCheck className="size-5 shrink-0 text-success" aria-hidden /> : <Circle className="size-5 shrink-0 text-muted-foreground" aria-hidden />}
            <div className="min-w-0 flex-1 basis-56">
              <p className={cn("font-medium", step.done && "text-muted-foreground line-through decoration-muted-foreground/50")}>
                {step.title}
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              </p>
              {step.done ? null : <p className="text-xs text-muted-foreground">{step.detail}</p>}
            </div>
            {step.done ? null : (
              <Link href={step.href} className={buttonVariants({ variant: step === next ? "primary" : "secondary", size: "sm" })}>
                {step.action}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}

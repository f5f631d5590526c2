"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { CircleCheck, CircleMinus, CircleX, RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { formatExactTime } from "@/lib/format";
import type { WebhookDeliveryItem } from "@/lib/hooks/use-webhook-deliveries";
import { type DeliveryCheckState, describeDeliveryChecks } from "@/lib/webhooks/describe-delivery-checks";
import { resendDeliveryCallSyncAction } from "./actions";
import { DeliveryOutcomeBadge } from "./delivery-outcome-badge";

const METHOD = { jwt: "Signed JWT header", "url-key": "URL includes key" } as const;
const CHECKED = { jwt: "Authorization, Content-Length", "url-key": "the key query parameter, Content-Length" } as const;

/** One delivery's verdict: what was checked, in order, how far it got, and for an accepted call a resend of its sync. */
export function DeliveryDetailDialog({ delivery }: { delivery: WebhookDeliveryItem }) {
  const { auth, checks, verdict } = describeDeliveryChecks(delivery);
  const received = new Date(delivery.receivedAt);
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Details of the delivery received ${formatExactTime(received)}`}>
          Details
        </Button>
      </DialogTrigger>
      <DialogContent title="Webhook delivery" description={formatExactTime(received)} className="max-h-[calc(100dvh-2rem)] overflow-y-auto">
        <div className="space-y-4 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <DeliveryOutcomeBadge outcome={delivery.outcome} />
            <span className="font-mono text-xs text-muted-foreground">HTTP {delivery.httpStatus}</span>
          </div>
          <p>{verdict}</p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5">
            <dt className="text-muted-foreground">Call</dt>
            <dd className="min-w-0 break-words">
              {delivery.call ? (
                <Link href={`/calls/${delivery.call.id}`} className="text-accent underline-offset-4 hover:underline">
                  {delivery.call.title}
                </Link>
              ) : delivery.callGongId ? (
                <span>
                  Gong call <span className="font-mono text-xs">{delivery.callGongId}</span>, not in Callbridge
                </span>
              ) : (
                "—"
              )}
            </dd>
            <dt className="text-muted-foreground">Method</dt>
            <dd>{auth ? METHOD[auth] : "Not recorded for this delivery"}</dd>
            <dt className="text-muted-foreground">Checked</dt>
            <dd>{auth ? CHECKED[auth] : "Content-Length"}</dd>
          </dl>
          <ol aria-label="Checks" className="space-y-2 rounded-md border border-border p-3">
            {checks.map((check) => (
              <li key={check.label} className="flex gap-2">
                <CheckIcon state={check.state} />
                <span className="min-w-0">
                  <span className="font-medium">{check.label}</span> <span className="text-muted-foreground">{check.detail}</span>
                  <span className="sr-only">: {STATE_LABELS[check.state]}</span>
                </span>
              </li>
            ))}
          </ol>
          <p className="text-xs text-muted-foreground">The request’s headers and body are never stored; this is the verdict on them.</p>
          {delivery.outcome === "accepted" && delivery.callGongId ? <ResendCallSync delivery={delivery} /> : null}
        </div>
      </DialogContent>
    </Dialog>
  );
}

const STATE_LABELS: Record<DeliveryCheckState, string> = { passed: "passed", failed: "failed", not_reached: "not reached", unknown: "not recorded" };

function CheckIcon({ state }: { state: DeliveryCheckState }) {
  if (state === "passed") return <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />;
  if (state === "failed") return <CircleX className="mt-0.5 size-4 shrink-0 text-danger" aria-hidden />;
  return <CircleMinus className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />;
}

function ResendCallSync({ delivery }: { delivery: WebhookDeliveryItem }) {
  const [pending, startTransition] = useTransition();
  const [runId, setRunId] = useState<string | null>(null);
  const resend = () =>
    startTransition(async () => {
      const result = await resendDeliveryCallSyncAction({ deliveryId: delivery.id });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      setRunId(result.runId);
    });
  return (
    <div className="flex flex-wrap items-center gap-3 border-t border-border pt-4">
      <Button variant="secondary" size="sm" onClick={resend} disabled={pending}>
        <RefreshCw aria-hidden />
        {pending ? "Queuing…" : "Sync this call again"}
      </Button>
      <p role="status" className="text-xs text-muted-foreground">
        {runId ? (
          <>
            Sync queued.{" "}
            <Link href={`/settings/sync/runs/${runId}`} className="text-accent underline-offset-4 hover:underline">
              Follow the run
            </Link>
          </>
        ) : (
          "Fetches the call from Gong again; the delivery itself is not replayed."
        )}
      </p>
    </div>
  );
}

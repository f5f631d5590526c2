"use client";

import { useState } from "react";
import Link from "next/link";
import { Send } from "lucide-react";
import { toast } from "sonner";
import { SecretShownOnce } from "@/components/secret-shown-once";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import type { SerializedEndpoint } from "@/lib/outbound/manage/serialize-endpoint";
import { deleteEndpointAction, rotateSecretAction, sendTestEventAction, setEndpointEnabledAction } from "./actions";

export function EndpointList({ endpoints, selectedId }: { endpoints: SerializedEndpoint[]; selectedId: string | null }) {
  const [rotated, setRotated] = useState<{ id: string; secret: string } | null>(null);
  if (endpoints.length === 0) return <EmptyState icon={Send} title="No endpoint yet" />;
  const report = (done: string) => (result: { ok: true } | { ok: false; error: string }) => {
    if (result.ok) toast.success(done);
    else toast.error(result.error);
    return result.ok;
  };
  return (
    <ul className="divide-y divide-border">
      {endpoints.map((endpoint) => (
        <li key={endpoint.id} className="space-y-2 px-5 py-3 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="min-w-0 space-y-0.5">
              <p className="flex flex-wrap items-center gap-2">
                <code className="break-all font-mono">{endpoint.url}</code>
                {endpoint.format === "slack" ? <Badge tone="accent">Slack</Badge> : null}
                {endpoint.enabled ? endpoint.failing_since ? <Badge tone="warning">Failing</Badge> : <Badge tone="success">Enabled</Badge> : <Badge tone="danger">Disabled</Badge>}
              </p>
              <p className="text-muted-foreground">
                {endpoint.description ? `${endpoint.description} · ` : ""}
                {endpoint.event_types.join(", ")}
                {endpoint.throttle_per_second ? ` · at most ${endpoint.throttle_per_second}/s` : ""}
              </p>
              {!endpoint.enabled && endpoint.disabled_reason ? <p className="text-danger">{endpoint.disabled_reason}</p> : null}
              {endpoint.previous_secret_expires_at ? (
                <p className="text-muted-foreground">The previous secret also signs until {new Date(endpoint.previous_secret_expires_at).toUTCString()}.</p>
              ) : null}
            </div>
            <div className="flex flex-wrap gap-1">
              <Link href={`/settings/outbound?endpoint=${endpoint.id}#deliveries`} className="px-2 py-1 text-sm underline-offset-2 hover:underline" aria-current={endpoint.id === selectedId ? "true" : undefined}>
                Deliveries
              </Link>
              <Button variant="ghost" size="sm" onClick={async () => report("Test event queued.")(await sendTestEventAction({ id: endpoint.id }))}>
                Send test event
              </Button>
              <Button variant="ghost" size="sm" onClick={async () => report(endpoint.enabled ? "Endpoint disabled." : "Endpoint enabled.")(await setEndpointEnabledAction({ id: endpoint.id, enabled: !endpoint.enabled }))}>
                {endpoint.enabled ? "Disable" : "Enable"}
              </Button>
              {endpoint.format === "standard" ? (
                <ConfirmDialog
                  trigger={<Button variant="ghost" size="sm">Rotate secret</Button>}
                  title="Rotate the signing secret?"
                  description="A new secret signs every request from now on; the current one keeps signing alongside it for 24 hours."
                  confirmLabel="Rotate secret"
                  pendingLabel="Rotating…"
                  onConfirm={async () => {
                    const result = await rotateSecretAction({ id: endpoint.id });
                    if (result.ok) setRotated({ id: result.id, secret: result.secret });
                    return report("Secret rotated.")(result.ok ? { ok: true } : result);
                  }}
                />
              ) : null}
              <ConfirmDialog
                trigger={<Button variant="ghost" size="sm" aria-label={`Delete ${endpoint.url}`}>Delete</Button>}
                title="Delete this endpoint?"
                description="It gets no more events and its delivery log goes with it."
                confirmLabel="Delete endpoint"
                pendingLabel="Deleting…"
                onConfirm={async () => report("Endpoint deleted.")(await deleteEndpointAction({ id: endpoint.id }))}
              />
            </div>
          </div>
          {rotated?.id === endpoint.id ? (
            <SecretShownOnce label="New signing secret" secret={rotated.secret} action={<Button type="button" variant="ghost" size="sm" onClick={() => setRotated(null)}>Done</Button>}>
              Copy it now: it is not shown again.
            </SecretShownOnce>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

"use client";

import { useActionState, useState } from "react";
import { Plus } from "lucide-react";
import { SecretShownOnce } from "@/components/secret-shown-once";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { FormError } from "@/components/ui/form-error";
import { type CreateEndpointState, createEndpointAction } from "./actions";
import { EVENT_TYPE_CHOICES } from "./event-type-choices";

export function CreateEndpointForm({ trackers, liveEndpointIds }: { trackers: { id: string; name: string }[]; liveEndpointIds: string[] }) {
  const [state, action, pending] = useActionState<CreateEndpointState, FormData>(createEndpointAction, { status: "idle" });
  const [format, setFormat] = useState<"standard" | "slack">("standard");
  const [dismissed, setDismissed] = useState<string | null>(null);
  const shown = state.status === "created" && state.id !== dismissed && liveEndpointIds.includes(state.id) ? state : null;
  return (
    <div className="space-y-4">
      {/* React resets the form's fields after the action; the kind, held in state, starts over with them. */}
      <form action={action} onReset={() => setFormat("standard")} className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
          <div className="space-y-1.5">
            <Label htmlFor="endpoint-format">Kind</Label>
            <Select id="endpoint-format" name="format" value={format} onChange={(event) => setFormat(event.target.value as "standard" | "slack")}>
              <option value="standard">Webhook</option>
              <option value="slack">Slack</option>
            </Select>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="endpoint-url">{format === "slack" ? "Slack incoming-webhook URL" : "Endpoint URL"}</Label>
            <Input id="endpoint-url" name="url" type="url" required maxLength={2000} placeholder={format === "slack" ? "https://hooks.slack.com/services/…" : "https://example.com/webhooks/callbridge"} />
          </div>
        </div>
        <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
          <div className="space-y-1.5">
            <Label htmlFor="endpoint-description">Description</Label>
            <Input id="endpoint-description" name="description" maxLength={200} placeholder="e.g. CRM sync" />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="endpoint-throttle">Max requests a second</Label>
            <Input id="endpoint-throttle" name="throttle_per_second" type="number" min={1} max={1000} placeholder="No limit" />
          </div>
        </div>
        {format === "standard" ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Events</legend>
            <div className="grid gap-1.5 sm:grid-cols-3">
              {EVENT_TYPE_CHOICES.map((choice) => (
                <label key={choice.type} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="event_types" value={choice.type} defaultChecked />
                  <span>
                    <code className="font-mono text-xs">{choice.type}</code> <span className="text-muted-foreground">{choice.label}</span>
                  </span>
                </label>
              ))}
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="include_transcript" />
              Include transcript text in call.transcript_ready
            </label>
          </fieldset>
        ) : (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Post a call when</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="external_only" defaultChecked />
              It has external participants
            </label>
            <div className="space-y-1.5">
              <Label htmlFor="endpoint-workspaces">Only these Gong workspace ids (optional)</Label>
              <Input id="endpoint-workspaces" name="workspace_gong_ids" placeholder="e.g. 2281, 4410" />
            </div>
            {trackers.length > 0 ? (
              <div className="space-y-1">
                <p className="text-sm">Only when one of these trackers is hit (none checked: any call)</p>
                <div className="flex flex-wrap gap-3">
                  {trackers.map((tracker) => (
                    <label key={tracker.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="tracker_ids" value={tracker.id} />
                      {tracker.name}
                    </label>
                  ))}
                </div>
              </div>
            ) : null}
          </fieldset>
        )}
        <Button type="submit" disabled={pending}>
          <Plus aria-hidden />
          {pending ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
      <FormError message={state.status === "error" ? state.error : null} />
      {shown?.format === "slack" ? (
        <p role="status" className="text-sm text-muted-foreground">
          The Slack endpoint is added. Its URL is stored encrypted and shown only masked from now on.
        </p>
      ) : shown ? (
        <SecretShownOnce
          key={shown.id}
          label="Signing secret"
          secret={shown.secret}
          action={
            <Button type="button" variant="ghost" size="sm" onClick={() => setDismissed(shown.id)}>
              Done
            </Button>
          }
        >
          The endpoint is added. Copy its signing secret now: it is not shown again (you can rotate it).
        </SecretShownOnce>
      ) : null}
    </div>
  );
}

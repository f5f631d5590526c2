"use client";

import { useActionState, useTransition } from "react";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { removeTracker, saveTracker, type TrackerActionResult } from "./actions";

type Tracker = { id: string; name: string; keywords: string[] };

export function TrackerForm({ tracker }: { tracker?: Tracker }) {
  const [state, action, pending] = useActionState<TrackerActionResult | null, FormData>(saveTracker, null);
  const [deleting, startDelete] = useTransition();
  const prefix = tracker ? `tracker-${tracker.id}` : "tracker-new";
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end" aria-label={tracker ? `Tracker ${tracker.name}` : "New tracker"}>
      {tracker ? <input type="hidden" name="id" value={tracker.id} /> : null}
      <div className="space-y-1">
        <Label htmlFor={`${prefix}-name`} className="text-xs text-muted-foreground">Name</Label>
        <Input id={`${prefix}-name`} name="name" defaultValue={tracker?.name} required placeholder="Competitors" />
      </div>
      <div className="space-y-1">
        <Label htmlFor={`${prefix}-keywords`} className="text-xs text-muted-foreground">Keywords, comma-separated</Label>
        <Input id={`${prefix}-keywords`} name="keywords" defaultValue={tracker?.keywords.join(", ")} required placeholder="Zlymbo, Competix" />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant={tracker ? "secondary" : "primary"} disabled={pending}>
          {pending ? "Saving…" : tracker ? "Save" : "Add tracker"}
        </Button>
        {tracker ? (
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={`Delete tracker ${tracker.name}`}
            disabled={deleting}
            onClick={() =>
              startDelete(async () => {
                const result = await removeTracker(tracker.id);
                if (!result.ok) toast.error(result.error);
              })
            }
          >
            <Trash2 aria-hidden />
          </Button>
        ) : null}
      </div>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-danger sm:col-span-3">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

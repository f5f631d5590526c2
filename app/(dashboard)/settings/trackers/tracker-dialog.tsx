"use client";

import { useActionState, useState } from "react";
import { Pencil, Plus } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label, Textarea } from "@/components/ui/input";
import { FormError } from "@/components/ui/form-error";
import { saveTracker, type TrackerActionResult } from "./actions";

type Tracker = { id: string; name: string; keywords: string[] };

/** Adds a tracker, or edits one, in a dialog; the list stays a list. */
export function TrackerDialog({ tracker }: { tracker?: Tracker }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {tracker ? (
          <Button variant="ghost" size="sm" aria-label={`Edit tracker ${tracker.name}`}>
            <Pencil aria-hidden />
            Edit
          </Button>
        ) : (
          <Button>
            <Plus aria-hidden />
            Add tracker
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        title={tracker ? `Edit “${tracker.name}”` : "Add a tracker"}
        description="A tracker counts every call where one of its keywords is said. Matching is whole-word and case-insensitive."
      >
        {/* Mounted only while open, so each opening starts from the saved values. */}
        {open ? <TrackerForm tracker={tracker} onSaved={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function TrackerForm({ tracker, onSaved }: { tracker?: Tracker; onSaved: () => void }) {
  const [state, action, pending] = useActionState<TrackerActionResult | null, FormData>(async (previous, form) => {
    const result = await saveTracker(previous, form);
    if (result.ok) {
      toast.success(tracker ? "Tracker saved. Hit counts update in a moment." : "Tracker added. Calls are being counted.");
      onSaved();
    }
    return result;
  }, null);
  const prefix = tracker ? `tracker-${tracker.id}` : "tracker-new";
  return (
    <form action={action} className="space-y-4">
      {tracker ? <input type="hidden" name="id" value={tracker.id} /> : null}
      <div className="space-y-1.5">
        <Label htmlFor={`${prefix}-name`}>Name</Label>
        <Input id={`${prefix}-name`} name="name" defaultValue={tracker?.name} required maxLength={60} placeholder="e.g. Competitors" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${prefix}-keywords`}>Keywords</Label>
        <Textarea
          id={`${prefix}-keywords`}
          name="keywords"
          rows={3}
          defaultValue={tracker?.keywords.join(", ")}
          required
          placeholder="e.g. Zlymbo, Competix"
          aria-describedby={`${prefix}-keywords-hint`}
          className="font-sans text-sm"
        />
        <p id={`${prefix}-keywords-hint`} className="text-xs text-muted-foreground">
          Separate them with commas or new lines; up to 50.
        </p>
      </div>
      <FormError message={state && !state.ok ? state.error : null} />
      <div className="flex flex-wrap justify-end gap-2">
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : tracker ? "Save" : "Add tracker"}
        </Button>
      </div>
    </form>
  );
}

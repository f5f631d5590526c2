"use client";

import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { removeTracker } from "./actions";

export function DeleteTrackerDialog({ id, name, calls }: { id: string; name: string; calls: number | null }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Delete tracker ${name}`}>
          <Trash2 aria-hidden />
          <span className="sr-only sm:not-sr-only">Delete</span>
        </Button>
      }
      title={`Delete the tracker “${name}”?`}
      description={`Its hits disappear from every call${calls ? ` (${calls.toLocaleString("en-US")} with hits now)` : ""} and it can no longer filter the calls list. The calls and transcripts stay. This cannot be undone.`}
      confirmLabel="Delete tracker"
      pendingLabel="Deleting…"
      onConfirm={async () => {
        const result = await removeTracker(id);
        if (!result.ok) toast.error(result.error);
        else toast.success(`Deleted the tracker “${name}”.`);
        return result.ok;
      }}
    />
  );
}

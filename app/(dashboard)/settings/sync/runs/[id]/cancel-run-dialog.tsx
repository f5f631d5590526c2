"use client";

import { CircleStop } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cancelSyncRunAction } from "./actions";

export function CancelRunDialog({ runId, label, onCancelled }: { runId: string; label: string; onCancelled: () => void }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary">
          <CircleStop aria-hidden />
          Cancel run
        </Button>
      }
      title={`Cancel this ${label.toLowerCase()} run?`}
      description="Its workflow stops at the next step: no more pages are read from Gong. Calls already stored stay, and transcripts Gong hasn't finished for them still arrive."
      confirmLabel="Cancel run"
      pendingLabel="Cancelling…"
      cancelLabel="Keep running"
      onConfirm={async () => {
        const result = await cancelSyncRunAction({ runId });
        if (!result.ok) {
          toast.error(result.error);
          return false;
        }
        toast.success(`${label} run cancelled.`);
        onCancelled();
        return true;
      }}
    />
  );
}

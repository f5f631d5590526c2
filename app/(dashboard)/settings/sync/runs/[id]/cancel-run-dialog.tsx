"use client";

import { useState, useTransition } from "react";
import { CircleStop } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { cancelSyncRunAction } from "./actions";

export function CancelRunDialog({ runId, label, onCancelled }: { runId: string; label: string; onCancelled: () => void }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const cancel = () =>
    startTransition(async () => {
      const result = await cancelSyncRunAction({ runId });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`${label} run cancelled.`);
      setOpen(false);
      onCancelled();
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <CircleStop aria-hidden />
          Cancel run
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Cancel this ${label.toLowerCase()} run?`}
        description="Its workflow stops at the next step: no more pages are read from Gong. Calls already stored stay, and transcripts Gong hasn't finished for them still arrive."
      >
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Keep running</Button>
          </DialogClose>
          <Button variant="danger" onClick={cancel} disabled={pending}>
            {pending ? "Cancelling…" : "Cancel run"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useState, useTransition } from "react";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { removeTracker } from "./actions";

export function DeleteTrackerDialog({ id, name, calls }: { id: string; name: string; calls: number | null }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const result = await removeTracker(id);
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`Deleted the tracker “${name}”.`);
      setOpen(false);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Delete tracker ${name}`}>
          <Trash2 aria-hidden />
          <span className="sr-only sm:not-sr-only">Delete</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete the tracker “${name}”?`}
        description={`Its hits disappear from every call${calls ? ` (${calls.toLocaleString("en-US")} with hits now)` : ""} and it can no longer filter the calls list. The calls and transcripts stay. This cannot be undone.`}
      >
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={remove} disabled={pending}>
            {pending ? "Deleting…" : "Delete tracker"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

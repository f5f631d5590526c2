"use client";

import { useState, useTransition } from "react";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { regenerateUrlKeyAction } from "./actions";

export function RegenerateKeyDialog() {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const regenerate = () =>
    startTransition(async () => {
      const result = await regenerateUrlKeyAction();
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success("New key created. Paste the new URL into your Gong rule.");
      setOpen(false);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <RefreshCw aria-hidden />
          Regenerate key
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Regenerate the URL key?"
        description="The current URL stops working at once: Gong's deliveries are rejected until you paste the new URL into the rule's Destination URL."
      >
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={regenerate} disabled={pending}>
            {pending ? "Regenerating…" : "Regenerate key"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

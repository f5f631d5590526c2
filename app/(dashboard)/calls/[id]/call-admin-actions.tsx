"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { RefreshCw, Trash2 } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { deleteCall, resyncCall } from "./actions";

export function CallAdminActions({ callId, title }: { callId: string; title: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<{ ok: true; message: string } | { ok: false; error: string }>, after?: () => void) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(result.message);
      after?.();
    });
  return (
    <div className="flex gap-2">
      <Button variant="secondary" size="sm" disabled={pending} onClick={() => run(() => resyncCall(callId))}>
        <RefreshCw aria-hidden />
        Resync
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="secondary" size="sm">
            <Trash2 aria-hidden />
            Delete
          </Button>
        </DialogTrigger>
        <DialogContent title="Delete this call from Callbridge?" description={`“${title || "Untitled call"}” stays in Gong.`}>
          <p className="text-sm">
            Callbridge removes its copy of the call: details, participants, the transcript, insights and the stored recording link. Later
            syncs skip it; <strong>Resync</strong> from Gong brings it back.
          </p>
          <div className="mt-5 flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button variant="danger" disabled={pending} onClick={() => run(() => deleteCall(callId), () => { setOpen(false); router.push("/calls"); })}>
              {pending ? "Deleting…" : "Delete call"}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}

"use client";

import { useState, useTransition } from "react";
import { Unplug } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/input";
import { disconnectGongAction } from "./actions";

export function DisconnectDialog() {
  const [open, setOpen] = useState(false);
  const [deleteData, setDeleteData] = useState(false);
  const [pending, startTransition] = useTransition();
  const disconnect = () =>
    startTransition(async () => {
      const result = await disconnectGongAction({ deleteData });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      if (result.message) toast.warning(result.message);
      setOpen(false);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Unplug aria-hidden />
          Disconnect
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Disconnect Gong?"
        description="Callbridge deletes its Gong tokens at once, stops every running sync and rejects further webhook deliveries."
      >
        <p className="mb-4 rounded-md bg-muted px-3 py-2 text-sm">
          In Gong, also turn off the “New call” automation rule (<strong>Company Settings → Ecosystem → Automation rules</strong>): until you do,
          Gong keeps sending each new call here, and every delivery is refused.
        </p>
        <div className="flex items-start gap-3 rounded-md border border-border p-3">
          <input id="delete-data" type="checkbox" className="mt-1 size-4" checked={deleteData} onChange={(event) => setDeleteData(event.target.checked)} />
          <div>
            <Label htmlFor="delete-data">Also delete all synced data</Label>
            <p className="text-xs text-muted-foreground">Calls, transcripts, participants and insights are removed. This cannot be undone.</p>
          </div>
        </div>
        <div className="mt-5 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={disconnect} disabled={pending}>
            {pending ? "Disconnecting…" : deleteData ? "Disconnect and delete data" : "Disconnect"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { revokeApiKeyAction } from "./actions";

export function RevokeKeyDialog({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const revoke = () =>
    startTransition(async () => {
      const result = await revokeApiKeyAction({ id });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(`Revoked “${name}”.`);
      setOpen(false);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent title={`Revoke “${name}”?`} description={`Requests with ${prefix}… are refused from now on. This cannot be undone.`}>
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={revoke} disabled={pending}>
            {pending ? "Revoking…" : "Revoke key"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

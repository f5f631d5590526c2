"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";

type ConfirmDialogProps = {
  /** The button that opens the dialog; none when `open` is controlled by the caller (e.g. from a menu). */
  trigger?: React.ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** "danger" (the default) for what cannot be taken back, "primary" for the rest. */
  tone?: "danger" | "primary";
  title: string;
  /** What exactly will happen. */
  description: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel?: string;
  /** Runs on confirm; the dialog stays open when it returns false (the action failed and said why). */
  onConfirm: () => Promise<boolean>;
  children?: React.ReactNode;
};

/** A dangerous action asks first, says what it will do, and stays open while it runs. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { trigger, title, description, confirmLabel, pendingLabel, cancelLabel = "Cancel", onConfirm, children, tone = "danger" } = props;
  const [ownOpen, setOwnOpen] = useState(false);
  const open = props.open ?? ownOpen;
  const setOpen = props.onOpenChange ?? setOwnOpen;
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      if (await onConfirm()) setOpen(false);
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent title={title} description={description}>
        {children}
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{cancelLabel}</Button>
          </DialogClose>
          <Button variant={tone} onClick={confirm} disabled={pending}>
            {pending ? pendingLabel : confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

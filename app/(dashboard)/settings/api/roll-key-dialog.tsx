"use client";

import { useState, useTransition } from "react";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { SecretShownOnce } from "@/components/secret-shown-once";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label, Select } from "@/components/ui/input";
import { ROLL_OVERLAPS } from "@/lib/api/roll-overlaps";
import { formatExactTime } from "@/lib/format";
import { rollApiKeyAction } from "./actions";

/** A new secret for a key; the old one keeps working for the overlap chosen here, then stops. */
export function RollKeyDialog({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const [open, setOpen] = useState(false);
  const [overlap, setOverlap] = useState<number>(86_400);
  const [rolled, setRolled] = useState<{ key: string; oldKeyEndsAt: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const roll = () =>
    startTransition(async () => {
      const result = await rollApiKeyAction({ id, overlapSeconds: overlap });
      if (!result.ok) toast.error(result.error);
      else setRolled(result);
    });
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setRolled(null);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Roll ${name}`}>
          <RefreshCw aria-hidden />
          Roll
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Roll “${name}”?`}
        description={`Creates a new secret for this key. The old one (${prefix}…) keeps working for the time you choose, so you can move what uses it over without a failed request.`}
      >
        {rolled ? (
          <div className="space-y-4">
            <SecretShownOnce label="Rolled API key" secret={rolled.key}>
              Copy the new secret now: it is shown only once.
            </SecretShownOnce>
            <p className="text-sm">
              The old secret {new Date(rolled.oldKeyEndsAt) <= new Date() ? "stopped working now" : <>works until {formatExactTime(new Date(rolled.oldKeyEndsAt))}</>}.
            </p>
            <div className="flex justify-end">
              <DialogClose asChild>
                <Button>Done</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <div className="space-y-4">
            <div className="space-y-1.5">
              <Label htmlFor={`roll-overlap-${id}`}>Old secret keeps working for</Label>
              <Select id={`roll-overlap-${id}`} value={overlap} onChange={(event) => setOverlap(Number(event.target.value))} className="w-full">
                {ROLL_OVERLAPS.map((choice) => (
                  <option key={choice.seconds} value={choice.seconds}>
                    {choice.label}
                  </option>
                ))}
              </Select>
              <p className="text-xs text-muted-foreground">
                {overlap === 0
                  ? "Requests with the old secret are refused as soon as you roll."
                  : `For ${ROLL_OVERLAPS.find((choice) => choice.seconds === overlap)?.label} after you roll; then it is refused.`}
              </p>
            </div>
            <div className="flex flex-wrap justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button onClick={roll} disabled={pending}>
                {pending ? "Rolling…" : "Roll key"}
              </Button>
            </div>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useState, useTransition } from "react";
import { Link2, Link2Off, UserPlus } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label, Select } from "@/components/ui/input";
import { OneTimePassword } from "./add-user-form";
import { type InviteResult, inviteGongUserAction, linkUserAction, unlinkUserAction } from "./link-actions";

type GongUserOption = { id: string; name: string; email: string | null };

/** Unlinking takes away every call the user saw through their Gong user, so it asks first. */
export function UnlinkButton({ userId, name, gongUserName }: { userId: string; name: string; gongUserName: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Unlink ${name}`}>
          <Link2Off aria-hidden />
          Unlink
        </Button>
      }
      title={`Unlink ${name} from ${gongUserName}?`}
      description={`${name} stops seeing every call they saw as ${gongUserName} in Gong, at once. They are not matched by email again; link them again here to give the calls back.`}
      confirmLabel="Unlink"
      pendingLabel="Unlinking…"
      onConfirm={async () => {
        const result = await unlinkUserAction({ userId });
        if (result.ok) toast.success(`${name} is no longer linked to a Gong user.`);
        else toast.error(result.error);
        return result.ok;
      }}
    />
  );
}

export function LinkForm({ userId, name, options }: { userId: string; name: string; options: GongUserOption[] }) {
  const [gongUserId, setGongUserId] = useState("");
  const [pending, startTransition] = useTransition();
  if (options.length === 0) return <span className="text-xs text-muted-foreground">No unlinked Gong users</span>;
  const selectId = `link-${userId}`;
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor={selectId} className="sr-only">
        Gong user for {name}
      </Label>
      <Select id={selectId} value={gongUserId} onChange={(event) => setGongUserId(event.target.value)} className="max-w-56">
        <option value="">Choose a Gong user…</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
            {option.email ? ` (${option.email})` : ""}
          </option>
        ))}
      </Select>
      <Button
        variant="secondary"
        size="sm"
        disabled={pending || !gongUserId}
        onClick={() =>
          startTransition(async () => {
            const result = await linkUserAction({ userId, gongUserId });
            if (result.ok) toast.success(`${name} is linked.`);
            else toast.error(result.error);
          })
        }
      >
        <Link2 aria-hidden />
        Link
      </Button>
    </div>
  );
}

export function InviteButton({ gongUserId, name, hasEmail }: { gongUserId: string; name: string; hasEmail: boolean }) {
  const [result, setResult] = useState<InviteResult | null>(null);
  const [pending, startTransition] = useTransition();
  if (result?.ok) return <OneTimePassword email={result.email} password={result.oneTimePassword} />;
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending || !hasEmail}
        aria-label={`Invite ${name}`}
        onClick={() => startTransition(async () => setResult(await inviteGongUserAction({ gongUserId })))}
      >
        <UserPlus aria-hidden />
        {pending ? "Inviting…" : "Invite"}
      </Button>
      {result && !result.ok ? (
        <p role="alert" className="text-xs text-danger">
          {result.error}
        </p>
      ) : null}
      {!hasEmail ? <Badge>No email in Gong</Badge> : null}
    </div>
  );
}

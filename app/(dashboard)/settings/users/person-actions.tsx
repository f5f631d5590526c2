"use client";

import { useState, useTransition } from "react";
import { DropdownMenu } from "radix-ui";
import { Ellipsis } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { OneTimePassword } from "./add-user-form";
import {
  type PersonActionResult,
  type ResetPasswordResult,
  changeUserRoleAction,
  deactivateUserAction,
  reactivateUserAction,
  removeUserAction,
  resetUserPasswordAction,
} from "./people-actions";

type Person = { id: string; name: string; email: string; role: "admin" | "rep"; deactivated: boolean };
type Open = "role" | "password" | "deactivate" | "reactivate" | "remove" | null;

const itemClass =
  "flex cursor-default select-none items-center rounded-sm px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-muted data-[disabled]:opacity-50";

/** Reports an action's outcome as a toast; true keeps the dialog's promise (close on success). */
function report(result: PersonActionResult, success: string): boolean {
  if (result.ok) toast.success(success);
  else toast.error(result.error);
  return result.ok;
}

/** The row menu of the users table: each change opens a dialog saying what it does, and only the dialog acts. */
export function PersonActions({ person }: { person: Person }) {
  const [open, setOpen] = useState<Open>(null);
  const dialog = (name: Exclude<Open, null>) => ({ open: open === name, onOpenChange: (value: boolean) => setOpen(value ? name : null) });
  const { id: userId, name } = person;
  const toRole = person.role === "admin" ? "rep" : "admin";
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for ${name}`}>
            <Ellipsis aria-hidden />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-48 rounded-md border border-border bg-card p-1 shadow-md">
            <DropdownMenu.Item className={itemClass} onSelect={() => setOpen("role")}>
              {toRole === "admin" ? "Make admin…" : "Make rep…"}
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={() => setOpen("password")}>
              Reset password…
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="my-1 h-px bg-border" />
            {person.deactivated ? (
              <DropdownMenu.Item className={itemClass} onSelect={() => setOpen("reactivate")}>
                Reactivate…
              </DropdownMenu.Item>
            ) : (
              <DropdownMenu.Item className={itemClass} onSelect={() => setOpen("deactivate")}>
                Deactivate…
              </DropdownMenu.Item>
            )}
            <DropdownMenu.Item className={`${itemClass} text-danger`} onSelect={() => setOpen("remove")}>
              Remove…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>

      <ConfirmDialog
        {...dialog("role")}
        tone="primary"
        title={toRole === "admin" ? `Make ${name} an admin?` : `Make ${name} a rep?`}
        description={
          toRole === "admin"
            ? "Admins see every call and manage the Gong connection, users and settings."
            : "Reps see only the calls they can reach through their Gong user. The settings pages close to them at once."
        }
        confirmLabel={toRole === "admin" ? "Make admin" : "Make rep"}
        pendingLabel="Saving…"
        onConfirm={async () => report(await changeUserRoleAction({ userId, role: toRole }), `${name} is now ${toRole === "admin" ? "an admin" : "a rep"}.`)}
      />
      <ResetPasswordDialog {...dialog("password")} userId={userId} name={name} />
      <ConfirmDialog
        {...dialog("deactivate")}
        title={`Deactivate ${name}?`}
        description={`${name} is signed out everywhere at once and cannot sign in until reactivated. Their account, Gong link and history stay.`}
        confirmLabel="Deactivate"
        pendingLabel="Deactivating…"
        onConfirm={async () => report(await deactivateUserAction({ userId }), `${name} is deactivated and signed out.`)}
      />
      <ConfirmDialog
        {...dialog("reactivate")}
        tone="primary"
        title={`Reactivate ${name}?`}
        description={`${name} can sign in again with their password.`}
        confirmLabel="Reactivate"
        pendingLabel="Reactivating…"
        onConfirm={async () => report(await reactivateUserAction({ userId }), `${name} can sign in again.`)}
      />
      <ConfirmDialog
        {...dialog("remove")}
        title={`Remove ${name}?`}
        description={`${person.email} loses their account and is signed out everywhere; their Gong link goes too. The audit log keeps what they did. This cannot be undone; deactivate instead to keep the account.`}
        confirmLabel="Remove user"
        pendingLabel="Removing…"
        onConfirm={async () => report(await removeUserAction({ userId }), `${name} is removed.`)}
      />
    </>
  );
}

/** Confirms, then shows the new one-time password once, in the same dialog. */
function ResetPasswordDialog({ open, onOpenChange, userId, name }: { open: boolean; onOpenChange: (open: boolean) => void; userId: string; name: string }) {
  const [result, setResult] = useState<ResetPasswordResult | null>(null);
  const [pending, startTransition] = useTransition();
  const change = (value: boolean) => {
    if (!value) setResult(null);
    onOpenChange(value);
  };
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent
        title={`Reset ${name}'s password?`}
        description={`${name} gets a one-time password, shown here once, and chooses their own when they next sign in. Their current password stops working and their sessions end.`}
      >
        {result?.ok ? <OneTimePassword email={result.email} password={result.oneTimePassword} /> : null}
        <FormError message={result && !result.ok ? result.error : null} />
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{result?.ok ? "Done" : "Cancel"}</Button>
          </DialogClose>
          {result?.ok ? null : (
            <Button variant="danger" disabled={pending} onClick={() => startTransition(async () => setResult(await resetUserPasswordAction({ userId })))}>
              {pending ? "Resetting…" : "Reset password"}
            </Button>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}

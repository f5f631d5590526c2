"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { FormError } from "@/components/ui/form-error";
import { type ChangePasswordState, changePassword } from "./actions";

/** `askCurrentPassword` is false only for the first change after a one-time password, which was just typed to sign in. */
export function ChangePasswordForm({ askCurrentPassword }: { askCurrentPassword: boolean }) {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePassword, {});
  return (
    <form action={action} className="max-w-sm space-y-4">
      {askCurrentPassword ? (
        <div className="space-y-1.5">
          <Label htmlFor="current-password">Current password</Label>
          <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
        </div>
      ) : null}
      <div className="space-y-1.5">
        <Label htmlFor="password">New password</Label>
        <Input id="password" name="password" type="password" autoComplete="new-password" minLength={12} required />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="confirmation">Repeat it</Label>
        <Input id="confirmation" name="confirmation" type="password" autoComplete="new-password" required />
      </div>
      <FormError message={state.error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save password"}
      </Button>
    </form>
  );
}

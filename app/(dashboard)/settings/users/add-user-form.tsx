"use client";

import { useActionState } from "react";
import { SecretShownOnce } from "@/components/secret-shown-once";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { FormError } from "@/components/ui/form-error";
import { type AddUserState, addUser } from "./actions";

export function AddUserForm() {
  const [state, action, pending] = useActionState<AddUserState, FormData>(addUser, { status: "idle" });
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end">
        <div className="space-y-1.5">
          <Label htmlFor="new-user-email">Email</Label>
          <Input id="new-user-email" name="email" type="email" required placeholder="jane@company.com" />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="new-user-name">Name</Label>
          <Input id="new-user-name" name="name" required placeholder="Jane Doe" />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="new-user-role">Role</Label>
          <Select id="new-user-role" name="role" defaultValue="rep" className="w-full sm:w-28">
            <option value="rep">Rep</option>
            <option value="admin">Admin</option>
          </Select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </form>
      <FormError message={state.status === "error" ? state.error : null} />
      {state.status === "created" ? <OneTimePassword email={state.email} password={state.oneTimePassword} /> : null}
    </div>
  );
}

export function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <div className="space-y-2">
      <SecretShownOnce label="One-time password" secret={password}>
        {email} can now sign in with this one-time password:
      </SecretShownOnce>
      <p className="text-sm text-muted-foreground">
        It is shown only once. They will be asked to choose their own password when they first sign in.
      </p>
    </div>
  );
}

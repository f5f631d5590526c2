"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { FormError } from "@/components/ui/form-error";
import { type AccountNameState, updateAccountName } from "./actions";

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState<AccountNameState, FormData>(updateAccountName, { status: "idle" });
  return (
    <form action={action} className="max-w-sm space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor="account-name">Name</Label>
        <Input id="account-name" name="name" defaultValue={name} autoComplete="name" required maxLength={120} />
      </div>
      <FormError message={state.status === "error" ? state.error : null} />
      {state.status === "saved" ? (
        <p role="status" className="text-sm text-success">
          Saved.
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}

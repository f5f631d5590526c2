"use client";

import { useActionState } from "react";
import { Plus } from "lucide-react";
import { SecretShownOnce } from "@/components/secret-shown-once";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { type CreateApiKeyState, createApiKeyAction } from "./actions";

export function CreateKeyForm() {
  const [state, action, pending] = useActionState<CreateApiKeyState, FormData>(createApiKeyAction, { status: "idle" });
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="space-y-1.5 sm:w-80">
          <Label htmlFor="api-key-name">Key name</Label>
          <Input id="api-key-name" name="name" required maxLength={80} placeholder="Data warehouse sync" />
        </div>
        <Button type="submit" disabled={pending}>
          <Plus aria-hidden />
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {state.status === "error" ? (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      ) : null}
      {state.status === "created" ? <NewKey key={state.key} name={state.name} secret={state.key} /> : null}
    </div>
  );
}

function NewKey({ name, secret }: { name: string; secret: string }) {
  return (
    <SecretShownOnce label="New API key" secret={secret}>
      “{name}” is ready. Copy it now: Callbridge stores only a hash and cannot show it again.
    </SecretShownOnce>
  );
}

"use client";

import { useActionState, useState } from "react";
import { Plus } from "lucide-react";
import { SecretShownOnce } from "@/components/secret-shown-once";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { FormError } from "@/components/ui/form-error";
import { type CreateApiKeyState, createApiKeyAction } from "./actions";

export const EXPIRY_CHOICES = [
  { days: "", label: "Never" },
  { days: "30", label: "In 30 days" },
  { days: "90", label: "In 90 days" },
  { days: "365", label: "In a year" },
] as const;

/** `liveKeyIds`: the keys still accepted; a new key's secret is hidden once it is revoked (nothing left to copy). */
export function CreateKeyForm({ liveKeyIds }: { liveKeyIds: string[] }) {
  const [state, action, pending] = useActionState<CreateApiKeyState, FormData>(createApiKeyAction, { status: "idle" });
  const [dismissed, setDismissed] = useState<string | null>(null);
  const shown = state.status === "created" && state.id !== dismissed && liveKeyIds.includes(state.id) ? state : null;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
        <div className="space-y-1.5 sm:w-80">
          <Label htmlFor="api-key-name">Key name</Label>
          <Input id="api-key-name" name="name" required maxLength={80} placeholder="e.g. Data warehouse sync" />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="api-key-expiry">Expires</Label>
          <Select id="api-key-expiry" name="expires_in_days" defaultValue="" className="w-full sm:w-36">
            {EXPIRY_CHOICES.map((choice) => (
              <option key={choice.days} value={choice.days}>
                {choice.label}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" disabled={pending}>
          <Plus aria-hidden />
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      <FormError message={state.status === "error" ? state.error : null} />
      {shown ? (
        <SecretShownOnce
          key={shown.id}
          label="New API key"
          secret={shown.key}
          action={
            <Button type="button" variant="ghost" size="sm" onClick={() => setDismissed(shown.id)}>
              Done
            </Button>
          }
        >
          “{shown.name}” is ready. Copy it now: Callbridge stores only a hash and cannot show it again.
        </SecretShownOnce>
      ) : null}
    </div>
  );
}

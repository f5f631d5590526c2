"use client";

import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { cn } from "@/lib/utils";
import { setWebhookAuthAction } from "./actions";

const OPTIONS = [
  { value: "jwt", label: "Signed JWT header", hint: "Recommended. Gong signs every delivery; we check it with the rule's public key." },
  { value: "url-key", label: "URL includes key", hint: "A secret key in the URL. Simpler, but anyone who sees the URL can send deliveries." },
] as const;

export function AuthMethodSwitch({ auth }: { auth: "jwt" | "url-key" }) {
  const [pending, startTransition] = useTransition();
  // Shows the choice at once; the server's answer (revalidated page) replaces it when the action settles.
  const [shown, setShown] = useOptimistic(auth);
  const choose = (value: "jwt" | "url-key") =>
    startTransition(async () => {
      if (value === auth) return;
      setShown(value);
      const result = await setWebhookAuthAction({ auth: value });
      if (result.ok) toast.success(`Authentication set to “${OPTIONS.find((option) => option.value === value)?.label}”.`);
      else toast.error(result.error);
    });
  return (
    <fieldset className="grid gap-2 sm:grid-cols-2" disabled={pending}>
      <legend className="mb-2 text-sm font-medium">Authentication method (the same choice you make in Gong)</legend>
      {OPTIONS.map((option) => (
        <label
          key={option.value}
          className={cn(
            "flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 text-sm has-focus-visible:ring-2 has-focus-visible:ring-accent",
            shown === option.value && "border-accent bg-accent/5",
          )}
        >
          <input
            type="radio"
            name="webhook-auth"
            value={option.value}
            checked={shown === option.value}
            onChange={() => choose(option.value)}
            className="mt-1 size-4 accent-(--accent)"
          />
          <span>
            <span className="block font-medium">{option.label}</span>
            <span className="block text-xs text-muted-foreground">{option.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

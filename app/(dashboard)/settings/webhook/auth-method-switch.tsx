"use client";

import { useState, useTransition } from "react";
import { TriangleAlert } from "lucide-react";
import { toast } from "sonner";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";
import { setWebhookAuthAction } from "./actions";

type Auth = "jwt" | "url-key";

const OPTIONS = [
  { value: "jwt", label: "Signed JWT header", hint: "Recommended. Gong signs every delivery; we check it with the rule's public key." },
  { value: "url-key", label: "URL includes key", hint: "A secret key in the URL. Simpler, but anyone who sees the URL can send deliveries." },
] as const satisfies { value: Auth; label: string; hint: string }[];

const labelOf = (value: Auth) => OPTIONS.find((option) => option.value === value)!.label;

/**
 * The method is changed only by Save, after a warning: the Gong rule keeps sending what it was set up with, so
 * its deliveries are refused from the moment Callbridge checks the other way until the rule is changed too.
 */
export function AuthMethodSwitch({ auth, lastVerifiedAt }: { auth: Auth; lastVerifiedAt: string | null }) {
  const [chosen, setChosen] = useState<Auth>(auth);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const changed = chosen !== auth;
  const save = () =>
    startTransition(async () => {
      const result = await setWebhookAuthAction({ auth: chosen });
      setConfirming(false);
      if (result.ok) toast.success(`Authentication set to “${labelOf(chosen)}”. Change the Gong rule to match.`);
      else toast.error(result.error);
    });
  return (
    <div className="space-y-3">
      <fieldset className="grid gap-2 sm:grid-cols-2" disabled={pending}>
        <legend className="mb-2 text-sm font-medium">Authentication method (the same choice you make in Gong)</legend>
        {OPTIONS.map((option) => (
          <label
            key={option.value}
            className={cn(
              "flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 text-sm has-focus-visible:ring-2 has-focus-visible:ring-accent",
              chosen === option.value && "border-accent bg-accent/5",
            )}
          >
            <input
              type="radio"
              name="webhook-auth"
              value={option.value}
              checked={chosen === option.value}
              onChange={() => setChosen(option.value)}
              className="mt-1 size-4 accent-(--accent)"
            />
            <span>
              <span className="block font-medium">
                {option.label}
                {option.value === auth ? <span className="ml-1.5 text-xs font-normal text-muted-foreground">(in use)</span> : null}
              </span>
              <span className="block text-xs text-muted-foreground">{option.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {changed ? (
        <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-warning/12 px-4 py-3 text-sm">
          <p className="flex min-w-0 flex-1 basis-64 items-start gap-2">
            <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
            <span>Not saved. Deliveries are still checked with “{labelOf(auth)}”.</span>
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => setChosen(auth)}>
              Cancel
            </Button>
            <Button size="sm" onClick={() => setConfirming(true)}>
              Save method
            </Button>
          </div>
        </div>
      ) : null}
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent
          title={`Switch to “${labelOf(chosen)}”?`}
          description={`From the moment you save, Callbridge rejects deliveries sent with “${labelOf(auth)}” (HTTP 401). Your Gong rule keeps sending them until you change its authentication in Gong too.`}
        >
          <div className="space-y-4 text-sm">
            {lastVerifiedAt ? (
              <p className="rounded-md bg-warning/12 px-3 py-2">
                The rule is live: its last verified delivery arrived <RelativeTime date={lastVerifiedAt} />. New calls are not synced by webhook
                until the rule is changed.
              </p>
            ) : null}
            <p className="text-muted-foreground">
              {chosen === "url-key"
                ? "Next: copy the new Destination URL with key into the rule and choose “URL includes key” there."
                : "Next: in the rule choose “Signed JWT header”, copy its public key and save it here."}
            </p>
            <div className="flex flex-wrap justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Keep “{labelOf(auth)}”</Button>
              </DialogClose>
              <Button variant="danger" onClick={save} disabled={pending}>
                {pending ? "Switching…" : "Switch now"}
              </Button>
            </div>
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}

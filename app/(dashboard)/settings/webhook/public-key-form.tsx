"use client";

import { useState, useTransition } from "react";
import { CircleCheck } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Label, Textarea } from "@/components/ui/input";
import { savePublicKeyAction } from "./actions";

export function PublicKeyForm({ savedKeyEnding }: { savedKeyEnding: string | null }) {
  const [publicKey, setPublicKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await savePublicKeyAction({ publicKey });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setPublicKey("");
      toast.success("Public key saved. Gong's deliveries will now be verified with it.");
    });
  return (
    <form action={save} className="space-y-2">
      <Label htmlFor="gong-public-key">Gong public key</Label>
      <Textarea
        id="gong-public-key"
        rows={4}
        value={publicKey}
        onChange={(event) => setPublicKey(event.target.value)}
        placeholder="MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "gong-public-key-error" : "gong-public-key-status"}
        spellCheck={false}
      />
      {error ? (
        <p id="gong-public-key-error" role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : (
        <p id="gong-public-key-status" className="flex items-center gap-1.5 text-xs text-muted-foreground">
          {savedKeyEnding ? <CircleCheck className="size-3.5 text-success" aria-hidden /> : null}
          {savedKeyEnding ? `A public key is saved (ends …${savedKeyEnding}). Paste a new one to replace it.` : "No public key saved yet."}
        </p>
      )}
      <Button type="submit" disabled={pending || publicKey.trim() === ""}>
        {pending ? "Saving…" : "Save public key"}
      </Button>
    </form>
  );
}

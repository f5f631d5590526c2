"use client";

import { useState } from "react";
import { Check, Copy, KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A secret Callbridge shows exactly once (a one-time password, an API key), with a Copy button. */
export function SecretShownOnce({ label, secret, children }: { label: string; secret: string; children: React.ReactNode }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-md border border-success/40 bg-success/8 p-4 text-sm">
      <p className="flex items-center gap-2 font-medium">
        <KeyRound className="size-4 shrink-0 text-success" aria-hidden />
        {children}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code aria-label={label} className="max-w-full break-all rounded bg-card px-2 py-1 font-mono text-base">
          {secret}
        </code>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

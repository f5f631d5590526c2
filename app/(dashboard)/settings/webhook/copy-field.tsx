"use client";

import { useId, useRef, useState } from "react";
import { Check, Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";

/** A read-only value with a Copy button that says when it copied. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${label} copied`);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): leave the text selected to copy by hand.
      input.current?.select();
      toast.error("Couldn't copy automatically. The text is selected: press Ctrl+C or ⌘C.");
    }
  };
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input ref={input} id={id} readOnly value={value} className="font-mono text-xs" onFocus={(event) => event.target.select()} />
        <Button type="button" variant="secondary" onClick={copy} className="w-24 shrink-0">
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <span className="sr-only" aria-live="polite">
        {copied ? `${label} copied to the clipboard` : ""}
      </span>
    </div>
  );
}

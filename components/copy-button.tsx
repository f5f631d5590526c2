"use client";

import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

type Props = {
  text: string;
  /** What is copied, for screen readers: the button is "Copy {label}", then "Copied {label}". */
  label: string;
  /** Clipboard access can be refused (permissions, an insecure origin); then this runs, e.g. to select the text. */
  onFailure?: () => void;
  className?: string;
};

/**
 * Copies `text` and says so on the button itself (and to screen readers) for two seconds. No toast: one would
 * cover whatever the page shows next, such as a form's inline error.
 */
export function CopyButton({ text, label, onFailure, className }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      onFailure?.();
      toast.error("Couldn't copy automatically. Select the text and press Ctrl+C or ⌘C.");
    }
  };
  return (
    <>
      <Button type="button" variant="secondary" size="sm" onClick={copy} className={cn("shrink-0", className)}>
        {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        {copied ? "Copied" : "Copy"}
        <span className="sr-only"> {label}</span>
      </Button>
      <span className="sr-only" aria-live="polite">
        {copied ? `${label} copied to the clipboard` : ""}
      </span>
    </>
  );
}

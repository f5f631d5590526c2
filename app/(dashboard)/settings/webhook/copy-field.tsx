"use client";

import { useId, useRef } from "react";
import { CopyButton } from "@/components/copy-button";
import { Input, Label } from "@/components/ui/input";

/** A read-only value with a Copy button that says when it copied. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input ref={input} id={id} readOnly value={value} className="font-mono text-xs" onFocus={(event) => event.target.select()} />
        <CopyButton text={value} label={label} onFailure={() => input.current?.select()} className="h-9 w-24" />
      </div>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
    </div>
  );
}

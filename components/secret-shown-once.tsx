import { KeyRound } from "lucide-react";
import { CopyButton } from "@/components/copy-button";

/** A secret Callbridge shows exactly once (a one-time password, an API key), with a Copy button. */
export function SecretShownOnce({ label, secret, children, action }: { label: string; secret: string; children: React.ReactNode; action?: React.ReactNode }) {
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
        <CopyButton text={secret} label={label} />
        {action}
      </div>
    </div>
  );
}

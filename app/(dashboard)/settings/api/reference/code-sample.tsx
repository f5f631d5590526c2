import { CopyButton } from "@/components/copy-button";

/** A code block with a title bar and a Copy button, as API references show requests and responses. */
export function CodeSample({ title, code, copyLabel }: { title: string; code: string; copyLabel: string }) {
  return (
    <figure className="overflow-hidden rounded-md border border-border bg-muted/60">
      <figcaption className="flex items-center justify-between gap-2 border-b border-border px-3 py-1.5">
        <span className="text-xs font-medium text-muted-foreground">{title}</span>
        <CopyButton text={code} label={copyLabel} className="h-7 px-2" />
      </figcaption>
      <pre tabIndex={0} className="max-h-96 overflow-auto p-3 font-mono text-xs leading-relaxed">
        <code>{code}</code>
      </pre>
    </figure>
  );
}

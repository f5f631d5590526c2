import type { SnippetPart } from "@/lib/calls/highlight-snippet";

/** Text with matches in <mark>; every part is a text node, so nothing in a transcript is parsed as markup. */
export function HighlightedText({ parts, markClassName }: { parts: SnippetPart[]; markClassName?: string }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className={markClassName ?? "rounded-sm bg-warning/25 px-0.5 text-foreground"}>
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

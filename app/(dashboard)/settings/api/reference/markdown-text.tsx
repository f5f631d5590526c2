import { Marked } from "marked";
import { cn } from "@/lib/utils";

// The reference's text is the OpenAPI document's own (CommonMark, as OpenAPI specifies), written by us. Raw HTML in
// it is shown as text all the same, so nothing in a description can become markup.
const markdown = new Marked({ gfm: true, renderer: { html: ({ text }) => escapeHtml(text) } });

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const PROSE = "[&_a]:text-accent [&_a]:underline [&_a]:underline-offset-4 [&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:py-px [&_code]:font-mono [&_code]:text-[0.85em] [&_p+p]:mt-2 [&_ul]:list-disc [&_ul]:pl-5";

/** A description from the OpenAPI document, rendered as the Markdown it is. */
export function MarkdownText({ text, inline = false, className }: { text: string; inline?: boolean; className?: string }) {
  const html = inline ? markdown.parseInline(text, { async: false }) : markdown.parse(text, { async: false });
  const Element = inline ? "span" : "div";
  return <Element className={cn(PROSE, className)} dangerouslySetInnerHTML={{ __html: html }} />;
}

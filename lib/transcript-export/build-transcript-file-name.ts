import type { TranscriptFormat } from "./types";

/** "2026-12-01-acme-discovery-call.vtt": the call's UTC date and its title, safe in any file system. */
export function buildTranscriptFileName(call: { title: string; startedAt: Date }, format: TranscriptFormat): string {
  const date = call.startedAt.toISOString().slice(0, 10);
  const slug = call.title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${date}-${slug || "call"}.${format}`;
}

import { Download } from "lucide-react";

const FORMATS = [
  { format: "txt", label: "Text" },
  { format: "vtt", label: "WebVTT" },
  { format: "json", label: "JSON" },
] as const;

/** Links that download the transcript (GET /api/calls/:id/transcript), named for the call by the server. */
export function TranscriptDownloads({ callId }: { callId: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="inline-flex items-center gap-1">
        <Download className="size-3.5" aria-hidden />
        Transcript:
      </span>
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          href={`/api/calls/${callId}/transcript?format=${format}`}
          download
          aria-label={`Download transcript as ${label}`}
          className="text-accent hover:underline"
        >
          {label}
        </a>
      ))}
    </span>
  );
}

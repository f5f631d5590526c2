import { buildTranscriptFileName } from "./build-transcript-file-name";
import { formatTranscriptJson } from "./format-transcript-json";
import { formatTranscriptText } from "./format-transcript-text";
import { formatTranscriptVtt } from "./format-transcript-vtt";
import type { TranscriptExport, TranscriptFormat } from "./types";

const RENDERERS: Record<TranscriptFormat, { contentType: string; render: (transcript: TranscriptExport) => string }> = {
  txt: { contentType: "text/plain; charset=utf-8", render: formatTranscriptText },
  vtt: { contentType: "text/vtt; charset=utf-8", render: formatTranscriptVtt },
  json: { contentType: "application/json; charset=utf-8", render: formatTranscriptJson },
};

/** The export as a download: its body, content type and a Content-Disposition naming the file. */
export function renderTranscriptExport(transcript: TranscriptExport, format: TranscriptFormat): Response {
  const { contentType, render } = RENDERERS[format];
  const fileName = buildTranscriptFileName(transcript, format);
  return new Response(render(transcript), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

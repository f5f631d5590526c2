import { WebVTTParser } from "webvtt-parser";
import { describe, expect, it } from "vitest";
import { buildTranscriptFileName } from "./build-transcript-file-name";
import { formatVttTimestamp } from "./format-timestamp";
import { formatTranscriptVtt } from "./format-transcript-vtt";
import { renderTranscriptExport } from "./render-transcript-export";
import type { TranscriptExport } from "./types";

const transcript: TranscriptExport = {
  callId: "7c2d6c8e-0000-4000-8000-000000000001",
  title: "Acme × Globex: renewal <draft> --> Q3",
  startedAt: new Date("2026-11-30T15:04:05.000Z"),
  durationSeconds: 3725,
  url: "https://app.gong.io/call?id=1",
  sentences: [
    { speaker: "Ada <Sales> & Co", startMs: 0, endMs: 4200, text: "Thanks for joining." },
    { speaker: "Carl", startMs: 4200, endMs: 4200, text: "Happy to --> talk <b>budget</b> & timing.\n\nReally." },
    { speaker: "Speaker 3", startMs: 3_725_000, endMs: 3_726_500, text: "Bye." },
    { speaker: "Carl", startMs: 4000, endMs: 4100, text: "   " },
  ],
};

function parseVtt(text: string) {
  return new WebVTTParser().parse(text, "subtitles");
}

describe("the WebVTT export", () => {
  it("is valid WebVTT: the parser reports no errors and reads every cue with its voice and times", () => {
    const vtt = formatTranscriptVtt(transcript);
    const parsed = parseVtt(vtt);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((cue) => [cue.startTime, cue.endTime])).toEqual([
      [0, 4.2],
      [4.2, 4.201],
      [3725, 3726.5],
    ]);
    const voices = parsed.cues.map((cue) => cue.tree.children[0]);
    expect(voices.map((node) => [node && "name" in node ? node.name : null, node?.value])).toEqual([
      // Escaped in the annotation as WebVTT requires; this parser hands it back undecoded.
      ["v", "Ada &lt;Sales&gt; &amp; Co"],
      ["v", "Carl"],
      ["v", "Speaker 3"],
    ]);
  });

  it("keeps the rules a parser would enforce: WEBVTT header, ordered starts, no blank line or arrow inside a cue", () => {
    const vtt = formatTranscriptVtt(transcript);
    expect(vtt.startsWith("WEBVTT - ")).toBe(true);
    expect(vtt.split("\n")[0]).not.toContain("-->");
    const blocks = vtt.trimEnd().split("\n\n").slice(1);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      const [timing, ...text] = block.split("\n");
      expect(timing).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$/);
      expect(text.join("\n")).not.toContain("-->");
      expect(text).toHaveLength(1);
    }
    expect(blocks[1]).toContain("<v Carl>Happy to -&gt; talk &lt;b&gt;budget&lt;/b&gt; &amp; timing. Really.</v>");
  });

  it("sorts cues by start time, as WebVTT requires, and an empty transcript is still a valid file", () => {
    const shuffled = { ...transcript, sentences: [...transcript.sentences].reverse() };
    expect(parseVtt(formatTranscriptVtt(shuffled)).cues.map((cue) => cue.startTime)).toEqual([0, 4.2, 3725]);
    const empty = parseVtt(formatTranscriptVtt({ ...transcript, sentences: [] }));
    expect(empty.errors).toEqual([]);
    expect(empty.cues).toEqual([]);
  });

  it("writes hours past 99 minutes and milliseconds", () => {
    expect(formatVttTimestamp(0)).toBe("00:00:00.000");
    expect(formatVttTimestamp(3_725_042)).toBe("01:02:05.042");
    expect(formatVttTimestamp(-5)).toBe("00:00:00.000");
  });
});

describe("the text and JSON exports", () => {
  it("text: a header, then one '[time] Speaker: sentence' line per sentence", async () => {
    const response = renderTranscriptExport(transcript, "txt");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const lines = (await response.text()).split("\n");
    expect(lines.slice(0, 4)).toEqual(["Acme × Globex: renewal <draft> --> Q3", "Started 2026-11-30T15:04:05.000Z", "https://app.gong.io/call?id=1", ""]);
    expect(lines[4]).toBe("[00:00:00] Ada <Sales> & Co: Thanks for joining.");
    expect(lines[5]).toBe("[00:00:04] Carl: Happy to --> talk <b>budget</b> & timing. Really.");
    expect(lines[6]).toBe("[01:02:05] Speaker 3: Bye.");
  });

  it("JSON: the call and its sentences, parseable", async () => {
    const response = renderTranscriptExport(transcript, "json");
    const body = (await response.json()) as { call: Record<string, unknown>; sentences: Record<string, unknown>[] };
    expect(body.call).toEqual({ id: transcript.callId, title: transcript.title, started_at: "2026-11-30T15:04:05.000Z", duration_seconds: 3725, url: transcript.url });
    expect(body.sentences[0]).toEqual({ start_ms: 0, end_ms: 4200, speaker: "Ada <Sales> & Co", text: "Thanks for joining." });
    expect(body.sentences).toHaveLength(4);
  });

  it("downloads as an attachment named after the call's date and title", () => {
    const response = renderTranscriptExport(transcript, "vtt");
    expect(response.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="2026-11-30-acme-globex-renewal-draft-q3.vtt"');
  });
});

describe("buildTranscriptFileName", () => {
  it("drops accents and punctuation, caps the length, and falls back to 'call'", () => {
    const startedAt = new Date("2026-01-02T23:59:00Z");
    expect(buildTranscriptFileName({ title: "Café Déjà-vu / Q1 \"pricing\"", startedAt }, "txt")).toBe("2026-01-02-cafe-deja-vu-q1-pricing.txt");
    expect(buildTranscriptFileName({ title: "日本語", startedAt }, "json")).toBe("2026-01-02-call.json");
    expect(buildTranscriptFileName({ title: "a ".repeat(200), startedAt }, "txt").length).toBeLessThanOrEqual(10 + 1 + 80 + 4);
  });
});

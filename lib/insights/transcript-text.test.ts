import { describe, expect, it } from "vitest";
import { discoveryCall } from "./__fixtures__/discovery-call";
import { formatTranscript } from "./format-transcript";
import { truncateTranscript } from "./truncate-transcript";

describe("formatTranscript", () => {
  it("writes one line per speaker turn with a clock and the speaker's name and affiliation", () => {
    const lines = formatTranscript(discoveryCall.segments, discoveryCall.parties).split("\n");
    expect(lines).toHaveLength(16); // 16 turns, worked out in the fixture
    expect(lines[0]).toBe(
      "[00:00] Alice Rep (Internal): Hi Bob, thanks for joining, um, today. Our agenda is to understand your pricing process and your current tools.",
    );
    expect(lines[15]).toBe("[02:26] Alice Rep (Internal): Perfect, thanks Bob and Carol.");
  });

  it("labels unattributed speakers and shows hours past the first", () => {
    const text = formatTranscript([{ index: 0, speakerId: null, startMs: 3_725_000, endMs: 3_726_000, text: " Hello. ", topic: null }], []);
    expect(text).toBe("[1:02:05] Unknown speaker: Hello.");
  });
});

describe("truncateTranscript", () => {
  it("leaves a transcript within budget alone", () => {
    expect(truncateTranscript("short", 10)).toEqual({ text: "short", truncated: false });
  });

  it("keeps the head and tail on line breaks within the budget", () => {
    const transcript = Array.from({ length: 100 }, (_, line) => `line ${String(line).padStart(3, "0")}`).join("\n");
    const { text, truncated } = truncateTranscript(transcript, 50); // 200 characters
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.startsWith("line 000\n")).toBe(true);
    expect(text.endsWith("line 099")).toBe(true);
    expect(text.split("\n").filter((line) => line.startsWith("line")).every((line) => /^line \d{3}$/.test(line))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { escapeHtml, renderTranscriptHtml } from "./render-transcript-html";
import type { SpeakerLabel } from "./speaker-labels";

const labels = new Map<string | null, SpeakerLabel>([
  ["1", { label: "Ada Rep", side: "Internal", color: 0 }],
  ["2", { label: `Bob "<b>" O'Brien`, side: "External", color: 1 }],
]);

describe("renderTranscriptHtml", () => {
  it("writes one item per speaker turn with its seek button, label, side, colour and timed sentence ids", () => {
    const html = renderTranscriptHtml(
      [
        { position: 0, speakerId: "1", startMs: 0, endMs: 900, text: "Hello there." },
        { position: 1, speakerId: "1", startMs: 1000, endMs: 1900, text: "Shall we start?" },
        { position: 2, speakerId: "2", startMs: 73_500, endMs: 75_000, text: "Yes." },
        { position: 3, speakerId: "9", startMs: 3_725_000, endMs: 3_726_000, text: "Who am I?" },
      ],
      labels,
    );
    expect(html).toBe(
      '<li data-side="Internal" data-speaker="0"><button type="button" data-seek-ms="0" aria-label="Play from 0:00">0:00</button>' +
        '<div><p>Ada Rep<span>· us</span></p><p><span id="s-0" data-sentence="true" data-ms="0">Hello there. </span>' +
        '<span id="s-1" data-sentence="true" data-ms="1000">Shall we start? </span></p></div></li>' +
        '<li data-side="External" data-speaker="1"><button type="button" data-seek-ms="73500" aria-label="Play from 1:13">1:13</button>' +
        '<div><p>Bob &quot;&lt;b&gt;&quot; O&#39;Brien<span>· them</span></p><p><span id="s-2" data-sentence="true" data-ms="73500">Yes. </span></p></div></li>' +
        '<li data-side="Unknown" data-speaker="0"><button type="button" data-seek-ms="3725000" aria-label="Play from 1:02:05">1:02:05</button>' +
        '<div><p>Unknown speaker</p><p><span id="s-3" data-sentence="true" data-ms="3725000">Who am I? </span></p></div></li>',
    );
  });

  it("leaves no markup of Gong's in the page: what was said and who said it stay text", () => {
    const hostile = `</span></p><script>alert(1)</script><img src=x onerror="alert(2)">&amp;`;
    const html = renderTranscriptHtml(
      [{ position: 0, speakerId: "x", startMs: 0, endMs: 1, text: hostile }],
      new Map([["x", { label: hostile, side: null, color: 0 }]]),
    );
    expect(html).not.toMatch(/<script|<img|<\/span><\/p><script/);
    expect(html.match(/<span/g)).toHaveLength(1);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;&amp;amp;");
  });

  it("escapes every character that could end text or an attribute", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
    expect(escapeHtml("plain text, 100% safe")).toBe("plain text, 100% safe");
  });
});

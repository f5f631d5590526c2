import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningSimulator } from "../src/index";
import { createMediaUrl } from "../src/media/media-url";
import { bearerFor, callApi, startTestSimulator } from "./support";

/** Changes the signature's first hex digit to a different one, so the URL always differs. */
function tamperSignature(url: string): string {
  const parsed = new URL(url);
  const sig = parsed.searchParams.get("sig")!;
  parsed.searchParams.set("sig", `${sig.startsWith("0") ? "1" : "0"}${sig.slice(1)}`);
  return parsed.toString();
}

describe("recording URLs", () => {
  let sim: RunningSimulator;
  let audioUrl: string;
  let callDurationSeconds: number;
  beforeAll(async () => {
    sim = await startTestSimulator({ calls: 40 });
    const answer = await callApi(sim, "POST", "/v2/calls/extensive", { body: { filter: {}, contentSelector: { exposedFields: { media: true } } } });
    const [call] = answer.body.calls as Array<{ metaData: { duration: number }; media: { audioUrl: string } }>;
    audioUrl = call!.media.audioUrl;
    callDurationSeconds = call!.metaData.duration;
  });
  afterAll(() => sim.close());

  it("need the media-url scope on top of extensive", async () => {
    const auth = await bearerFor(sim, ["api:calls:read:extensive"]);
    const withoutMedia = await callApi(sim, "POST", "/v2/calls/extensive", { auth, body: { filter: {} } });
    expect(withoutMedia.status).toBe(200);
    const denied = await callApi(sim, "POST", "/v2/calls/extensive", { auth, body: { filter: {}, contentSelector: { exposedFields: { media: true } } } });
    expect(denied.status).toBe(401);
    expect(denied.body.errors).toEqual(["You don't have permission to use 'api:calls:read:media-url' in your app."]);
  });

  it("serve a WAV as long as the call with Range support", async () => {
    expect(audioUrl).toMatch(new RegExp(`^${sim.url}/media/\\d+\\.wav\\?expires=\\d+&sig=[0-9a-f]+$`));
    const full = await fetch(audioUrl);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("audio/wav");
    const bytes = Buffer.from(await full.arrayBuffer());
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(bytes.subarray(8, 12).toString("ascii")).toBe("WAVE");
    // 8,000 one-byte samples a second for the call's whole duration, as the header says.
    expect(bytes.length).toBe(44 + 8000 * callDurationSeconds);
    expect(bytes.readUInt32LE(40)).toBe(8000 * callDurationSeconds);
    const part = await fetch(audioUrl, { headers: { Range: "bytes=0-99" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-99/${bytes.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    const late = await fetch(audioUrl, { headers: { Range: `bytes=${bytes.length - 10}-` } });
    expect(Buffer.from(await late.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 10));
    expect((await fetch(audioUrl, { headers: { Range: `bytes=${bytes.length + 10}-` } })).status).toBe(416);
  });

  it("refuse a tampered signature, whatever digit it starts with", async () => {
    expect((await fetch(tamperSignature(audioUrl))).status).toBe(403);
    // Replacing the first digit with a fixed one left a signature that starts with it intact (1 run in 16).
    const callId = /\/media\/(\d+)\.wav/.exec(audioUrl)![1]!;
    let zeroUrl = "";
    for (let second = 0; !zeroUrl && second < 2000; second++) {
      const url = createMediaUrl(sim.state, callId, Date.now() + second * 1000);
      if (new URL(url).searchParams.get("sig")!.startsWith("0")) zeroUrl = url;
    }
    expect((await fetch(zeroUrl)).status).toBe(200);
    expect(tamperSignature(zeroUrl)).not.toBe(zeroUrl);
    expect((await fetch(tamperSignature(zeroUrl))).status).toBe(403);
  });

  it("video calls also get a videoUrl, a small WebM; audio-only calls get none (API.md §2.4)", async () => {
    const answer = await callApi(sim, "POST", "/v2/calls/extensive", { body: { filter: {}, contentSelector: { exposedFields: { media: true } } } });
    const calls = answer.body.calls as Array<{ metaData: { media: string }; media: { audioUrl: string; videoUrl?: string } }>;
    const video = calls.filter((call) => call.metaData.media === "Video");
    const audioOnly = calls.filter((call) => call.metaData.media === "Audio");
    expect(video.length).toBeGreaterThan(0);
    expect(audioOnly.length).toBeGreaterThan(0);
    expect(video.every((call) => /\/media\/\d+\.webm\?expires=\d+&sig=[0-9a-f]+$/.test(call.media.videoUrl ?? ""))).toBe(true);
    expect(audioOnly.every((call) => !("videoUrl" in call.media) && call.media.audioUrl)).toBe(true);
    const { videoUrl, audioUrl: itsAudio } = video[0]!.media;
    const served = await fetch(videoUrl!);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("video/webm");
    expect(Buffer.from(await served.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])); // EBML magic
    expect((await fetch(videoUrl!, { headers: { Range: "bytes=0-9" } })).status).toBe(206);
    // A signature is bound to its file: the audio's does not open the video.
    expect((await fetch(itsAudio.replace(".wav?", ".webm?"))).status).toBe(403);
    expect((await fetch(tamperSignature(videoUrl!))).status).toBe(403);
  });

  it("expire after 8 hours", async () => {
    const expires = Number(new URL(audioUrl).searchParams.get("expires"));
    expect(expires * 1000 - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(expires * 1000 + 1000);
      expect((await fetch(audioUrl)).status).toBe(403);
    } finally {
      vi.useRealTimers();
    }
  });
});

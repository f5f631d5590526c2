const SAMPLE_RATE = 8000;
const HEADER_BYTES = 44;
const SILENCE = 128;

/** The 44-byte header of an 8-bit mono PCM WAV holding `samples` samples. */
function createWavHeader(samples: number): Buffer {
  const buffer = Buffer.alloc(HEADER_BYTES);
  buffer.write("RIFF", 0, "ascii");
  buffer.writeUInt32LE(36 + samples, 4);
  buffer.write("WAVE", 8, "ascii");
  buffer.write("fmt ", 12, "ascii");
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(SAMPLE_RATE, 24);
  buffer.writeUInt32LE(SAMPLE_RATE, 28);
  buffer.writeUInt16LE(1, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.write("data", 36, "ascii");
  buffer.writeUInt32LE(samples, 40);
  return buffer;
}

/** A small, valid 8-bit mono PCM WAV: a soft two-tone chime of `seconds` length. */
export function createWav(seconds = 1.5, frequencies: readonly number[] = [440, 660]): Buffer {
  const samples = Math.floor(SAMPLE_RATE * seconds);
  const buffer = Buffer.alloc(HEADER_BYTES + samples);
  createWavHeader(samples).copy(buffer);
  for (let i = 0; i < samples; i++) {
    const frequency = frequencies[Math.floor((i / samples) * frequencies.length)] ?? 440;
    const fade = Math.min(1, i / 400, (samples - i) / 400);
    buffer.writeUInt8(Math.round(128 + 60 * fade * Math.sin((2 * Math.PI * frequency * i) / SAMPLE_RATE)), HEADER_BYTES + i);
  }
  return buffer;
}

const CHIME = createWav();

/**
 * A call's recording as long as the call (the chime, then silence), so a player shows the call's length and can
 * seek anywhere in it. Never held whole: `readCallWav` builds just the bytes a range asks for.
 */
export function callWavSize(seconds: number): number {
  return HEADER_BYTES + Math.max(CHIME.length - HEADER_BYTES, Math.floor(SAMPLE_RATE * seconds));
}

/** Bytes `start`…`end` (inclusive) of the call-length WAV of `seconds`. */
export function readCallWav(seconds: number, start: number, end: number): Buffer {
  const size = callWavSize(seconds);
  const bytes = Buffer.alloc(end - start + 1, SILENCE);
  const header = createWavHeader(size - HEADER_BYTES);
  const head = Buffer.concat([header, CHIME.subarray(HEADER_BYTES)]);
  if (start < head.length) head.copy(bytes, 0, start, Math.min(head.length, end + 1));
  return bytes;
}

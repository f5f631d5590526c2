const SAMPLE_RATE = 8000;

/** A small, valid 8-bit mono PCM WAV: a soft two-tone chime of `seconds` length. */
export function createWav(seconds = 1.5, frequencies: readonly number[] = [440, 660]): Buffer {
  const samples = Math.floor(SAMPLE_RATE * seconds);
  const buffer = Buffer.alloc(44 + samples);
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
  for (let i = 0; i < samples; i++) {
    const frequency = frequencies[Math.floor((i / samples) * frequencies.length)] ?? 440;
    const fade = Math.min(1, i / 400, (samples - i) / 400);
    buffer.writeUInt8(Math.round(128 + 60 * fade * Math.sin((2 * Math.PI * frequency * i) / SAMPLE_RATE)), 44 + i);
  }
  return buffer;
}

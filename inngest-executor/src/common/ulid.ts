import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A ULID: time-ordered, so runs and events sort by creation without an extra column. */
export function createUlid(now = Date.now()): string {
  let time = "";
  let remaining = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[remaining % 32] + time;
    remaining = Math.floor(remaining / 32);
  }
  const random = Array.from(randomBytes(16), (byte) => ALPHABET[byte % 32]).join("");
  return time + random;
}

/** The milliseconds since the epoch a ULID was created at (its first 10 characters). */
export function ulidTime(ulid: string): number {
  let time = 0;
  for (const char of ulid.slice(0, 10)) time = time * 32 + ALPHABET.indexOf(char);
  return time;
}

/** 32-bit hash of a list of numbers and strings (murmur3-style mixing); the root of all seeded data. */
export function hashOf(...parts: Array<number | string>): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === "number" && Number.isSafeInteger(part) && part >= 0 && part < 4294967296) {
      h = Math.imul(h ^ part, 0x5bd1e995);
      h ^= h >>> 15;
      h = Math.imul(h ^ 0x2d, 0x27d4eb2d);
      continue;
    }
    const text = typeof part === "number" ? part.toString(36) : part;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ 0x2c, 0x27d4eb2d);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Random {
  next(): number;
  int(min: number, maxInclusive: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  digits(count: number): string;
}

/** mulberry32: small, fast and good enough for fake data. */
export function createRandom(...seedParts: Array<number | string>): Random {
  let state = hashOf(...seedParts);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, maxInclusive: number) => min + Math.floor(next() * (maxInclusive - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    digits: (count) => {
      let out = String(int(1, 9));
      while (out.length < count) out += String(int(0, 9));
      return out;
    },
  };
}

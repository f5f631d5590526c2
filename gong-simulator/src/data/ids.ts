import { narrowId } from "./drift";
import { hashOf } from "./prng";

/**
 * Gong ids are strings of up to 20 digits. Ours encode the index they stand for, so an id maps back to its
 * record without a table: `<kind prefix 2><seed tag 3><index, padded><checksum 4>`.
 */
const KINDS = { call: { prefix: "78", width: 9 }, user: { prefix: "23", width: 6 }, workspace: { prefix: "62", width: 6 }, folder: { prefix: "34", width: 8 } } as const;
export type IdKind = keyof typeof KINDS;

const seedTags = new Map<number, string>();

function seedTag(seed: number): string {
  let tag = seedTags.get(seed);
  if (tag === undefined) seedTags.set(seed, (tag = String(100 + (hashOf("tag", seed) % 900))));
  return tag;
}

function checksum(kind: IdKind, seed: number, index: number): string {
  return String(hashOf(kind, seed, index) % 10_000).padStart(4, "0");
}

export function encodeId(kind: IdKind, seed: number, index: number): string {
  const { prefix, width } = KINDS[kind];
  return `${prefix}${seedTag(seed)}${String(index).padStart(width, "0")}${checksum(kind, seed, index)}`;
}

/** The index an id stands for, or undefined for anything this seed never issued. */
export function decodeId(kind: IdKind, seed: number, wideOrUsual: string): number | undefined {
  const { prefix, width } = KINDS[kind];
  // A drifting record's 20-digit id (data/drift.ts) names the same record.
  const id = narrowId(wideOrUsual);
  if (id.length !== 2 + 3 + width + 4 || !/^\d+$/.test(id)) return undefined;
  if (!id.startsWith(prefix + seedTag(seed))) return undefined;
  const index = Number(id.slice(5, 5 + width));
  return id.endsWith(checksum(kind, seed, index)) ? index : undefined;
}

/** A stable 19-digit id for anything nested in a record (parties, speakers, trackers, comments). */
export function derivedId(...parts: Array<number | string>): string {
  const a = hashOf("a", ...parts);
  const b = hashOf("b", ...parts);
  return `${1 + (a % 9)}${String(b).padStart(10, "0").slice(0, 10)}${String(a).padStart(10, "0").slice(2, 10)}`;
}

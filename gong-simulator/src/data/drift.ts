import { createRandom } from "./prng";

/**
 * Ways real Gong data drifts from the tidy records the simulator otherwise serves (README "Drift"). The first six
 * stay within what Gong documents or what a tolerant client must accept; the last two break fields a client
 * computes on, which it cannot store and should quarantine.
 */
export const DRIFT_KINDS = [
  "mixedCaseEmails",
  "wideIds",
  "noParties",
  "noContent",
  "nulls",
  "storedTypeDrift",
  "numericSpeakerId",
  "sentenceWithoutText",
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface DriftSettings {
  /** Share of calls (and users) that drift, 0 to 1. */
  rate: number;
  /** The kinds a drifting record may show; all by default. */
  kinds: readonly DriftKind[];
}

/** How likely a drifting call shows each kind; the ones that break computed fields are rarer. */
const KIND_CHANCE: Record<DriftKind, number> = {
  mixedCaseEmails: 0.4,
  wideIds: 0.4,
  noParties: 0.25,
  noContent: 0.25,
  nulls: 0.4,
  storedTypeDrift: 0.4,
  numericSpeakerId: 0.2,
  sentenceWithoutText: 0.2,
};

const NONE: ReadonlySet<DriftKind> = new Set();

/**
 * The drifts of call `index`, from (seed, index) alone: a call drifts the same way in every response (list,
 * extensive, transcript, webhook) and on every run, whoever asks and in whatever order. At least one kind.
 */
export function driftOfCall(seed: number, index: number, settings: DriftSettings): ReadonlySet<DriftKind> {
  if (settings.rate <= 0 || settings.kinds.length === 0) return NONE;
  const random = createRandom(seed, "drift", "call", index);
  if (random.next() >= settings.rate) return NONE;
  const kinds = new Set(settings.kinds.filter((kind) => random.chance(KIND_CHANCE[kind])));
  if (kinds.size === 0) kinds.add(random.pick(settings.kinds));
  return kinds;
}

/** Whether user `index` drifts: its email and aliases then come in mixed case. */
export function userDrifts(seed: number, index: number, settings: DriftSettings): boolean {
  return settings.rate > 0 && settings.kinds.includes("mixedCaseEmails") && createRandom(seed, "drift", "user", index).next() < settings.rate;
}

/**
 * Gong ids are up to 20 digits; the simulator's are 15 to 19. A drifting record's ids take the full 20 (beyond
 * 2^63, so a client reading them as 64-bit or JS numbers corrupts them): `1`, zeros, then the usual id.
 */
export function widenId(id: string): string {
  return id.length >= 20 ? id : `1${id.padStart(19, "0")}`;
}

/** The usual id behind a widened one; other ids as they are. */
export function narrowId(id: string): string {
  return id.length === 20 && id.startsWith("1") ? id.slice(1).replace(/^0+/, "") : id;
}

/** `rep1@acme.test` as `Rep1@ACME.TEST`: the same mailbox, spelled as some systems do. */
export function mixCase(email: string): string {
  const at = email.indexOf("@");
  if (at < 1) return email.toUpperCase();
  return `${email[0]!.toUpperCase()}${email.slice(1, at)}@${email.slice(at + 1).toUpperCase()}`;
}

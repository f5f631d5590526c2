import { type CallCore } from "./call-core";
import { COMPETITORS } from "./customers";
import { DAYS, PHASES } from "./dialogue";
import { derivedId } from "./ids";
import { createRandom, type Random } from "./prng";

export interface Sentence { start: number; end: number; text: string }
export interface Monologue { speakerId: string | null; internal: boolean; topic: string | null; sentences: Sentence[] }
export interface Transcript { monologues: Monologue[]; competitor: string; seats: number; day: string }

interface Speaker { speakerId: string; internal: boolean }

const CACHE_LIMIT = 256;
const cache = new Map<string, Transcript>();

/** The call's transcript, built from (seed, call index) alone; a small LRU keeps recent ones. */
export function getTranscript(seed: number, core: CallCore): Transcript {
  const key = `${seed}:${core.id}:${core.sentenceCount}:${core.parties.map((party) => party.speakerId).join()}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const transcript = buildTranscript(seed, core);
  cache.set(key, transcript);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return transcript;
}

function listSpeakers(core: CallCore): { internal: Speaker[]; external: Speaker[] } {
  const speakers = core.parties.filter((party) => party.speakerId !== null).map((party) => ({ speakerId: party.speakerId!, internal: party.affiliation === "Internal" }));
  // Imported calls have no parties, but their recordings still have two voices.
  if (speakers.length === 0) speakers.push({ speakerId: derivedId("speaker", core.id, 0), internal: true }, { speakerId: derivedId("speaker", core.id, 10), internal: false });
  const internal = speakers.filter((speaker) => speaker.internal);
  const external = speakers.filter((speaker) => !speaker.internal);
  return { internal: internal.length > 0 ? internal : speakers, external: external.length > 0 ? external : speakers };
}

function buildTranscript(seed: number, core: CallCore): Transcript {
  const random = createRandom(seed, "transcript", core.index);
  const speakers = listSpeakers(core);
  const slots = { competitor: random.pick(COMPETITORS), seats: random.int(12, 400), day: random.pick(DAYS) };
  const prospectName = core.parties.find((party) => party.affiliation === "External")?.name?.split(" ")[0] ?? "there";
  const fill = (template: string) =>
    template.replaceAll("{competitor}", slots.competitor).replaceAll("{n}", String(slots.seats)).replaceAll("{day}", slots.day)
      .replaceAll("{prospect}", prospectName).replaceAll("{customer}", core.customer.name);
  const slotMs = ((core.durationSeconds - 7) * 1000) / core.sentenceCount;
  const monologues: Monologue[] = [];
  let sentenceIndex = 0;
  PHASES.forEach((phase, p) => {
    // Small talk stays short however long the call; the rest of the call keeps its proportions.
    const share = Math.round(phase.share * core.sentenceCount);
    const quota = p === PHASES.length - 1 ? core.sentenceCount - sentenceIndex : Math.max(1, phase.topic === "Small Talk" ? Math.min(share, 8) : share);
    const phaseEnd = Math.min(core.sentenceCount, sentenceIndex + quota);
    const decks = { internal: createDeck(random, phase.internal), external: createDeck(random, phase.external) };
    let internalTurn = true;
    while (sentenceIndex < phaseEnd) {
      const speaker = random.pick(internalTurn ? speakers.internal : speakers.external);
      const longest = internalTurn ? (phase.topic === "Product Demo" ? 5 : phase.topic === "Discovery" ? 2 : 3) : 3;
      const length = Math.min(phaseEnd - sentenceIndex, random.int(1, longest));
      const sentences = Array.from({ length }, () => toSentence(random, sentenceIndex++, slotMs, fill((internalTurn ? decks.internal : decks.external)())));
      monologues.push({
        speakerId: random.chance(0.01) ? null : speaker.speakerId,
        internal: speaker.internal,
        topic: random.chance(0.03) ? null : phase.topic,
        sentences,
      });
      internalTurn = !internalTurn;
    }
  });
  return { monologues, ...slots };
}

/** Draws lines in a shuffled order without repeats until every line was used once. */
function createDeck(random: Random, lines: readonly string[]): () => string {
  let order: string[] = [];
  return () => {
    if (order.length === 0) {
      order = [...lines];
      for (let i = order.length - 1; i > 0; i--) {
        const j = random.int(0, i);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
    }
    return order.pop()!;
  };
}

function toSentence(random: Random, index: number, slotMs: number, text: string): Sentence {
  const start = Math.floor(index * slotMs) + random.int(0, Math.floor(slotMs * 0.1));
  return { start, end: start + Math.floor(slotMs * 0.8), text };
}

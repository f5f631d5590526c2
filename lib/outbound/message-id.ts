import { createHash } from "node:crypto";

/** The webhook-id of an event: derived from what caused it, so a repeated fan-out yields the same id. */
export function createMessageId(type: string, sourceKey: string): string {
  return `msg_${createHash("sha256").update(`${type}\n${sourceKey}`).digest("base64url").slice(0, 27)}`;
}

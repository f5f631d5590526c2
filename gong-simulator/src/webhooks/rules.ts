import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import { derivedId } from "../data/ids";
import type { SimulatorState } from "../state";
import type { WebhookRule } from "./types";

const generateKeyPairAsync = promisify(generateKeyPair);

/** An automation rule firing a webhook; "Signed JWT header" rules get their own RSA key pair. */
export async function createRule(state: SimulatorState, input: { url: string; auth: "jwt" | "url-key"; enabled: boolean }): Promise<WebhookRule> {
  const id = derivedId("rule", state.dataset.seed, state.nextRuleNumber++);
  let publicKey: string | null = null;
  let privateKey: WebhookRule["privateKey"] = null;
  if (input.auth === "jwt") {
    const pair = await generateKeyPairAsync("rsa", { modulusLength: 2048 });
    // Gong's "Show public key" gives the bare base64 of the DER SubjectPublicKeyInfo, no PEM armour.
    publicKey = pair.publicKey.export({ type: "spki", format: "der" }).toString("base64");
    privateKey = pair.privateKey;
  }
  const rule: WebhookRule = { id, url: input.url, auth: input.auth, enabled: input.enabled, publicKey, privateKey, createdAt: new Date().toISOString() };
  state.rules.set(id, rule);
  return rule;
}

export function toRuleJson(rule: WebhookRule) {
  return { id: rule.id, url: rule.url, auth: rule.auth, enabled: rule.enabled, publicKey: rule.publicKey, createdAt: rule.createdAt };
}

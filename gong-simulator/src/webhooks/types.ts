import type { KeyObject } from "node:crypto";

export interface WebhookRule {
  id: string;
  url: string;
  auth: "jwt" | "url-key";
  enabled: boolean;
  /** Bare base64 DER SubjectPublicKeyInfo, as Gong's "Show public key" gives it; null for url-key rules. */
  publicKey: string | null;
  privateKey: KeyObject | null;
  createdAt: string;
}

export interface DeliveryAttempt { at: string; status: number | null; error: string | null; durationMs: number }

export interface Delivery {
  id: string;
  ruleId: string;
  url: string;
  callId: string;
  isTest: boolean;
  status: "pending" | "delivered" | "failed";
  attempts: DeliveryAttempt[];
}

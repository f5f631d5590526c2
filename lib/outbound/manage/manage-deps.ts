import type { Kysely } from "kysely";
import type { EndpointOwner } from "@/db/queries/outbound/endpoint-owner";
import type { Database } from "@/db/schema";
import type { outboundDeliveryRequested } from "@/inngest/events";
import type { EncryptionKeys } from "@/lib/crypto/encryption";

export type DeliveryEvent = ReturnType<typeof outboundDeliveryRequested.create>;

/** What managing endpoints needs: the database, the owner acting, and how to start a delivery. */
export type ManageDeps = {
  db: Kysely<Database>;
  owner: EndpointOwner;
  encryptionKey: EncryptionKeys;
  allowPrivateTargets: boolean;
  sendDelivery: (event: DeliveryEvent) => Promise<unknown>;
  userId: string | null;
};

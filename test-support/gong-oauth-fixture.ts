import { randomBytes } from "node:crypto";
import { type RunningSimulator, startSimulator } from "../gong-simulator/src/index";
import { createOrganization } from "../db/queries/organizations";
import { createUser } from "../db/queries/users";
import { parseEncryptionKey } from "../lib/crypto/encryption";
import { completeGongOAuth } from "../lib/gong-connection/complete-gong-oauth";
import type { GongAppConfig } from "../lib/gong-connection/config";
import { startGongOAuth } from "../lib/gong-connection/start-gong-oauth";
import { REQUIRED_GONG_SCOPE_NAMES } from "../lib/gong/scopes";
import { answerGongConsent } from "./gong-consent";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "./migrated-database";

export type GongOAuthFixture = {
  database: MigratedTestDatabase;
  simulator: RunningSimulator;
  /** Callbridge's demo OAuth app, registered in the simulator, with a fresh token encryption key. */
  config: SimulatorAppConfig;
  organizationId: string;
  adminId: string;
  /** Connects through the real OAuth code path, approving `scopes` on the simulator's consent page. */
  connect(scopes?: readonly string[]): Promise<{ connection: Awaited<ReturnType<typeof completeGongOAuth>>; input: ConnectInput }>;
  stop(): Promise<void>;
};

/** One key rather than a ring, so a test can hand it on as TOKEN_ENCRYPTION_KEY. */
export type SimulatorAppConfig = GongAppConfig & { encryptionKey: Uint8Array };

type ConnectInput = { state: string; code: string; sessionUserId: string };

/** Callbridge's demo OAuth app as the simulator registers it, with a fresh token encryption key. */
export function createSimulatorAppConfig(simulatorUrl: string): SimulatorAppConfig {
  return {
    clientId: "callbridge-demo",
    clientSecret: "callbridge-demo-secret",
    oauthBaseUrl: simulatorUrl,
    redirectUri: "http://localhost:3999/api/gong/oauth/callback",
    encryptionKey: parseEncryptionKey(randomBytes(32).toString("base64url")),
    allowedApiBaseUrls: [simulatorUrl],
  };
}

/** A migrated database with one organization and its admin, and a Gong simulator to connect it to. */
export async function startGongOAuthFixture(options: { calls: number }): Promise<GongOAuthFixture> {
  const [database, simulator] = await Promise.all([createMigratedTestDatabase(), startSimulator({ calls: options.calls, rateLimit: 1000 })]);
  const config = createSimulatorAppConfig(simulator.url);
  const organizationId = (await createOrganization(database.db, { name: "Acme" })).id;
  const adminId = (await createUser(database.db, { organization_id: organizationId, email: "admin@acme.test", name: "Ada", role: "admin", password_hash: "x" })).id;
  return {
    database,
    simulator,
    config,
    organizationId,
    adminId,
    async connect(scopes = REQUIRED_GONG_SCOPE_NAMES) {
      const authorizeUrl = await startGongOAuth(database.db, config, { organizationId, userId: adminId, gongAccountEmail: null });
      const callback = await answerGongConsent(authorizeUrl, { scopes });
      const input = { state: callback.searchParams.get("state") ?? "", code: callback.searchParams.get("code") ?? "", sessionUserId: adminId };
      return { connection: await completeGongOAuth(database.db, config, input), input };
    },
    async stop() {
      await simulator.close();
      await database.drop();
    },
  };
}

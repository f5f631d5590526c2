import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getGongConnection } from "@/db/queries/gong-connections";
import { GongUntrustedApiHostError } from "@/lib/gong/api-base-url";
import { answerGongConsent } from "@/test-support/gong-consent";
import { type GongOAuthFixture, startGongOAuthFixture } from "@/test-support/gong-oauth-fixture";
import { OAUTH_FAILURE_MESSAGES, completeGongOAuth } from "./complete-gong-oauth";
import type { GongAppConfig } from "./config";
import { getAccessToken } from "./get-access-token";
import { startGongOAuth } from "./start-gong-oauth";
import { logger } from "@/lib/observability/logger";

/**
 * The token response names the host every later request carries the access token to. The simulator names its own
 * loopback origin: to a Callbridge that was not told to trust it, that is a foreign host, and its tokens are refused
 * at the code exchange and at refresh alike, with a line in the log for the operator.
 */

let fixture: GongOAuthFixture;
/** Callbridge as deployed against the real Gong: only https://*.gong.io is trusted. */
let strict: GongAppConfig;

beforeAll(async () => {
  fixture = await startGongOAuthFixture({ calls: 0 });
  strict = { ...fixture.config, allowedApiBaseUrls: [] };
});
afterAll(() => fixture?.stop());

function spyOnLog() {
  return vi.spyOn(logger, "error").mockImplementation(() => undefined);
}

describe("a token response naming an API host outside *.gong.io", () => {
  it("fails the connect with a clear reason, stores nothing and logs the host", async () => {
    const { database, organizationId, adminId } = fixture;
    const log = spyOnLog();
    const authorizeUrl = await startGongOAuth(database.db, strict, { organizationId, userId: adminId, gongAccountEmail: null });
    const callback = await answerGongConsent(authorizeUrl);
    const input = { state: callback.searchParams.get("state")!, code: callback.searchParams.get("code")!, sessionUserId: adminId };
    const error = await completeGongOAuth(database.db, strict, input).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "untrusted_api_host", message: expect.stringContaining(fixture.simulator.url) });
    expect(OAUTH_FAILURE_MESSAGES.untrusted_api_host).toMatch(/outside gong\.io.*stored nothing/);
    expect(await database.db.selectFrom("gong_connections").select("id").execute()).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ apiBaseUrl: fixture.simulator.url }), expect.stringContaining("untrusted API host"));
    log.mockRestore();
  });

  it("fails a refresh, keeping the stored host and tokens", async () => {
    const { database } = fixture;
    const { connection } = await fixture.connect();
    await database.db.updateTable("gong_connections").set({ access_token_expires_at: sql<Date>`now() - interval '1 minute'` }).where("id", "=", connection.id).execute();
    const before = await getGongConnection(database.db, connection.id);
    const log = spyOnLog();
    await expect(getAccessToken(database.db, strict, connection.id)).rejects.toBeInstanceOf(GongUntrustedApiHostError);
    const after = await getGongConnection(database.db, connection.id);
    expect(after).toMatchObject({ api_base_url: before!.api_base_url, access_token_encrypted: before!.access_token_encrypted });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ apiBaseUrl: fixture.simulator.url }), expect.stringContaining("untrusted API host"));
    log.mockRestore();
  });

  it("is accepted once the operator allows that origin", async () => {
    const { connection } = await fixture.connect();
    expect(connection).toMatchObject({ status: "connected", api_base_url: fixture.simulator.url });
  });
});

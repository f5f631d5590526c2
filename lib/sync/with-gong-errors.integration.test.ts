import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGongConnection } from "@/db/queries/gong-connections";
import { createGongContext } from "@/lib/gong-connection/create-gong-context";
import { getAccessToken } from "@/lib/gong-connection/get-access-token";
import { GongClientConfigError, GongNotFoundError, GongSchemaError, GongUpstreamError, listWorkspaces } from "@/lib/gong/client";
import { type GongOAuthFixture, startGongOAuthFixture } from "@/test-support/gong-oauth-fixture";
import { withGongErrors } from "./with-gong-errors";

let fixture: GongOAuthFixture;

beforeAll(async () => {
  fixture = await startGongOAuthFixture({ calls: 5 });
});
afterAll(() => fixture?.stop());

describe("a token Gong refuses", () => {
  it("leaves a connection reconnected meanwhile alone, and the work runs again with the new token", async () => {
    const { db } = fixture.database;
    const { connection } = await fixture.connect();
    const oldToken = (await getAccessToken(db, fixture.config, connection.id)).accessToken;
    // Gong no longer takes the token the work started with; the admin reconnected while it was in flight.
    const config = {
      ...fixture.config,
      fetch: (async (input, init) => {
        const authorization = new Headers(init?.headers).get("authorization");
        if (authorization === `Bearer ${oldToken}`) return Response.json({ requestId: "test-old-token", errors: ["Unauthorized"] }, { status: 401 });
        return fetch(input, init);
      }) satisfies typeof fetch,
    };
    let attempts = 0;
    const workspaces = await withGongErrors(db, connection.id, async () => {
      attempts += 1;
      const context = await createGongContext(db, config, connection.id);
      if (attempts === 1) expect((await fixture.connect()).connection.id).toBe(connection.id);
      return listWorkspaces(context);
    });
    expect(workspaces.length).toBeGreaterThan(0);
    expect(attempts).toBe(2);
    expect((await getGongConnection(db, connection.id))?.status).toBe("connected");
  });

  it("while it is still the stored one marks the connection as needing re-authorization and stops for good", async () => {
    const { db } = fixture.database;
    const { connection } = await fixture.connect();
    // The admin removed the app in Gong: every token Gong issued stops working.
    await fetch(`${fixture.simulator.url}/__sim/revoke`, { method: "POST" });
    const work = withGongErrors(db, connection.id, async () => listWorkspaces(await createGongContext(db, fixture.config, connection.id)));
    await expect(work).rejects.toBeInstanceOf(NonRetriableError);
    const stored = await getGongConnection(db, connection.id);
    expect(stored?.status).toBe("needs_reauth");
    expect(stored?.last_token_error).toMatch(/Gong denied access/);
  });
});

describe("errors the same request would meet again", () => {
  it.each([
    ["a readable answer of the wrong shape", new GongSchemaError("Gong's response did not match the expected shape: calls: expected array")],
    ["a call Gong does not have", new GongNotFoundError("Gong: Call ID 7782342274025937895 was not found")],
    ["the app's own credentials refused", new GongClientConfigError("check GONG_CLIENT_ID and GONG_CLIENT_SECRET")],
  ])("are not retried: %s", async (_name, error) => {
    const { connection } = await fixture.connect();
    let attempts = 0;
    const work = withGongErrors(fixture.database.db, connection.id, async () => {
      attempts += 1;
      throw error;
    });
    await expect(work).rejects.toBeInstanceOf(NonRetriableError);
    expect(attempts).toBe(1);
    expect((await getGongConnection(fixture.database.db, connection.id))?.status).toBe("connected");
  });

  it("while a temporary one is left to Inngest's retries", async () => {
    const { connection } = await fixture.connect();
    const error = new GongUpstreamError("Gong failed: Internal server error occurred");
    await expect(withGongErrors(fixture.database.db, connection.id, async () => Promise.reject(error))).rejects.toBe(error);
  });
});

import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export type OAuthStateSettings = { sync_on_connect?: boolean; include_speaker_labels?: boolean };

export type OAuthState = {
  organization_id: string;
  user_id: string | null;
  gong_account_email: string | null;
  settings: OAuthStateSettings;
  expired: boolean;
};

export async function createOAuthState(
  db: Kysely<Database>,
  input: { stateHash: string; organizationId: string; userId: string | null; gongAccountEmail: string | null; settings: OAuthStateSettings; ttlSeconds: number },
): Promise<void> {
  await db.deleteFrom("gong_oauth_states").where("expires_at", "<", sql<Date>`now() - interval '1 day'`).execute();
  await db
    .insertInto("gong_oauth_states")
    .values({
      state_hash: input.stateHash,
      organization_id: input.organizationId,
      user_id: input.userId,
      gong_account_email: input.gongAccountEmail,
      settings: JSON.stringify(input.settings),
      expires_at: sql<Date>`now() + make_interval(secs => ${input.ttlSeconds})`,
    })
    .execute();
}

/** Deletes and returns the state in one statement, so a state can be used once even under races. */
export async function consumeOAuthState(db: Kysely<Database>, stateHash: string): Promise<OAuthState | undefined> {
  const row = await db
    .deleteFrom("gong_oauth_states")
    .where("state_hash", "=", stateHash)
    .returning(["organization_id", "user_id", "gong_account_email", "settings", sql<boolean>`expires_at < now()`.as("expired")])
    .executeTakeFirst();
  return row ? { ...row, settings: (row.settings ?? {}) as OAuthStateSettings } : undefined;
}

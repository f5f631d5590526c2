import { type FakeLlmServer, FAKE_LLM_API_KEY, startFakeLlmServer } from "./fake-llm-server";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "./migrated-database";

export type LlmFunctionEnv = { database: MigratedTestDatabase; llm: FakeLlmServer; stop(): Promise<void> };

/**
 * A fresh database and the fake LLM endpoint, with the environment the app's `db` and LLM settings read on their
 * first use pointed at them: for tests that run the app's Inngest functions in process. `stop()` also closes `db`.
 */
export async function startLlmFunctionEnv(): Promise<LlmFunctionEnv> {
  const [database, llm] = await Promise.all([createMigratedTestDatabase(), startFakeLlmServer()]);
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  Object.assign(process.env, { LLM_BASE_URL: llm.baseUrl, LLM_API_KEY: FAKE_LLM_API_KEY, LLM_MODEL: "gpt-test" });
  const stop = async () => {
    const { db } = await import("@/db");
    await db.destroy();
    await llm.close();
    await database.drop();
  };
  return { database, llm, stop };
}

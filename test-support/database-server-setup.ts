import { startDatabaseServerForRun } from "./database-server";

/**
 * Global setup of vitest and Playwright: without DATABASE_URL, one embedded PostgreSQL for the whole run, on which
 * each test file creates its own database as it does on DATABASE_URL's server. Returns the teardown.
 */
export default async function startRunDatabaseServer(): Promise<() => Promise<void>> {
  const server = await startDatabaseServerForRun({ throwaway: true });
  return server.stop;
}

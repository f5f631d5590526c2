import type pg from "pg";
import { findConfiguredAppUrl } from "./app-url.js";
import { syncApp } from "./sync-app.js";

export type AppWatcher = { syncAll(): Promise<void>; markUnreachable(callUrl: string): void; stop(): void };

/**
 * Keeps each configured app synced: in-band sync at start, and again every interval, so an app that was
 * down, restarted or redeployed with other functions is picked up again.
 */
export function watchApps(pool: pg.Pool, appUrls: string[], signingKey: string | undefined, intervalMs: number): AppWatcher {
  // Fingerprint of the last configs stored per app; an unchanged answer is not written again.
  const fingerprints = new Map<string, string>();
  const failing = new Set<string>();

  const syncOne = async (url: string) => {
    try {
      const result = await syncApp(pool, url, signingKey, fingerprints.get(url));
      fingerprints.set(url, result.fingerprint);
      if (result.changed || failing.has(url)) {
        console.log(`[inngest-executor] synced ${url}: ${result.registered.length} functions, ${result.errors.length} rejected`);
      }
      failing.delete(url);
    } catch (error) {
      fingerprints.delete(url);
      if (!failing.has(url)) console.warn(`[inngest-executor] sync of ${url} failed: ${error instanceof Error ? error.message : error}`);
      failing.add(url);
    }
  };

  // A signed in-band sync doubles as the liveness probe: an app that restarted (or changed) is re-synced.
  const check = async () => {
    for (const url of appUrls) await syncOne(url);
  };

  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    check().finally(() => (checking = false));
  }, intervalMs);
  timer.unref();

  return {
    syncAll: async () => {
      checking = true;
      try {
        await Promise.all(appUrls.map(syncOne));
      } finally {
        checking = false;
      }
    },
    markUnreachable(callUrl) {
      const url = findConfiguredAppUrl(appUrls, callUrl);
      if (url) fingerprints.delete(url);
    },
    stop: () => clearInterval(timer),
  };
}


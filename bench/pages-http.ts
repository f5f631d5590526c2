import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { type ManagedProcess, freePort, startProcess, waitForHttp } from "../scripts/child-processes.js";

export type BenchApp = { url: string; stop(): Promise<void> };

/** The production build served as `npm start` serves it (the app server) on the benchmark's database, or null when there is no build. */
export async function startBenchApp(root: string, databaseUrl: string): Promise<BenchApp | null> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return null;
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const app: ManagedProcess = startProcess("app", process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/app-server.ts")], {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      APP_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
      // The pages read; nothing here sends an Inngest event, so nothing needs to listen on this port.
      INNGEST_BASE_URL: "http://127.0.0.1:9",
      INNGEST_SIGNING_KEY: `signkey-bench-${randomBytes(32).toString("hex")}`,
      INNGEST_EVENT_KEY: "bench",
    },
    quiet: true,
  });
  try {
    await waitForHttp(`${url}/api/health`);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return { url, stop: () => app.stop() };
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in through Auth.js' credentials endpoint, as the sign-in form does, and returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/calls` }),
  });
  const cookies = [...jar, ...cookiesOf(response)];
  if (!cookies.some((cookie) => cookie.startsWith("authjs.session-token="))) throw new Error(`could not sign in as ${email}`);
  return cookies.join("; ");
}

/** Milliseconds until the whole page has arrived (the server renders and streams it before the body ends). */
export async function timePage(url: string, cookie: string, expect: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200 || !body.includes(expect)) throw new Error(`${url} answered ${response.status} without "${expect}"`);
  return elapsed;
}

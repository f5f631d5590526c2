import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** The Chromium the end-to-end tests run in (undefined: Playwright's own), or why there is none. */
export type ChromiumChoice = { found: true; executablePath: string | undefined } | { found: false; problem: string };

/** Where Debian, Ubuntu, Fedora and macOS put Chromium and Chrome. */
const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

/** The one named by CHROMIUM_PATH or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, else the system's, else Playwright's own. */
export function findChromium(env: Record<string, string | undefined> = process.env): ChromiumChoice {
  const variable = env.CHROMIUM_PATH ? "CHROMIUM_PATH" : env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ? "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH" : null;
  if (variable) {
    const chosen = env[variable]!;
    if (existsSync(chosen)) return { found: true, executablePath: chosen };
    return { found: false, problem: `${variable} is ${chosen}, which does not exist: point it at a Chromium or Chrome, or unset it and run \`npx playwright install chromium\`.` };
  }
  const system = SYSTEM_BROWSERS.find((candidate) => existsSync(candidate));
  if (system) return { found: true, executablePath: system };
  if (existsSync(chromium.executablePath())) return { found: true, executablePath: undefined };
  return { found: false, problem: "No Chromium for the end-to-end tests: install one with `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome." };
}

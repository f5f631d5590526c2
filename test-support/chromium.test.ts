import { describe, expect, it } from "vitest";
import { findChromium } from "./chromium";

describe("the Chromium the end-to-end tests run in", () => {
  it("is the one CHROMIUM_PATH or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH names, before any other", () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({ found: true, executablePath: process.execPath });
    expect(findChromium({ PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: process.execPath })).toEqual({ found: true, executablePath: process.execPath });
  });

  it("is none when the variable names a file that is not there, saying which and how to get one", () => {
    const choice = findChromium({ CHROMIUM_PATH: "/nowhere/chromium" });
    expect(choice).toEqual({ found: false, problem: expect.stringContaining("CHROMIUM_PATH is /nowhere/chromium, which does not exist") });
    expect(choice.found ? "" : choice.problem).toContain("`npx playwright install chromium`");
  });
});

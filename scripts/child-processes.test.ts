import { createServer } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { freePortBlock, startProcess } from "./child-processes";

describe("startProcess", () => {
  it("keeps a quiet child's last 40 lines, to say why it stopped", async () => {
    const script = "for (let i = 1; i <= 50; i++) console.log('line ' + i); console.error('the end'); process.exit(3)";
    let exited: (code: number | null) => void = () => undefined;
    const exitCode = new Promise<number | null>((resolve) => (exited = resolve));
    const child = startProcess("printer", process.execPath, ["-e", script], { env: process.env, quiet: true, onExit: exited });
    expect(await exitCode).toBe(3);
    const lines = child.lastOutput();
    expect(lines).toHaveLength(40);
    expect(lines).toContain("line 50");
    expect(lines).toContain("the end");
    expect(lines).not.toContain("line 10");
  });
});

describe("freePortBlock", () => {
  afterEach(() => vi.restoreAllMocks());

  /** What Math.random must return for freePortBlock(count) to try `first` (the middle of its slot). */
  const toTry = (first: number, count: number) => (first - 20_000 + 0.5) / (32_768 - 20_000 - count);

  async function listenOn(port: number) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, resolve));
    return { close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it("passes over a block in which somebody listens, below the ports taken for outgoing connections", async () => {
    const first = await freePortBlock(4);
    const taken = await listenOn(first + 2);
    try {
      const random = vi.spyOn(Math, "random").mockReturnValueOnce(toTry(first, 4));
      const chosen = await freePortBlock(4);
      expect(random).toHaveBeenCalledTimes(2);
      expect(chosen).not.toBe(first);
      expect(chosen).toBeGreaterThanOrEqual(20_000);
      expect(chosen + 3).toBeLessThan(32_768);
      expect(first + 2 >= chosen && first + 2 < chosen + 4).toBe(false);
    } finally {
      await taken.close();
    }
  });

  it("says so when it finds no free block", async () => {
    const first = await freePortBlock(2);
    const taken = await listenOn(first + 1);
    try {
      vi.spyOn(Math, "random").mockReturnValue(toTry(first, 2));
      await expect(freePortBlock(2, 3)).rejects.toThrow("no 2 consecutive free ports between 20000 and 32768");
    } finally {
      await taken.close();
    }
  });
});

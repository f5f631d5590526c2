import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linkSharedLibraries } from "./binaries";

const packageDir = mkdtempSync(path.join(os.tmpdir(), "callbridge-pg-package-"));
afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

describe("the links of PostgreSQL's libraries, made where npm did not run the package's install script", () => {
  it("makes each link pg-symlinks.json lists, relative to its folder, and leaves them be on the next start", () => {
    mkdirSync(path.join(packageDir, "native", "lib"), { recursive: true });
    writeFileSync(path.join(packageDir, "native", "lib", "libpq.so.5.18"), "the library");
    writeFileSync(
      path.join(packageDir, "native", "pg-symlinks.json"),
      JSON.stringify([
        { source: "native/lib/libpq.so.5.18", target: "native/lib/libpq.so.5" },
        { source: "native/lib/libpq.so.5.18", target: "native/lib/libpq.so" },
      ]),
    );
    linkSharedLibraries(packageDir);
    linkSharedLibraries(packageDir);
    for (const name of ["libpq.so.5", "libpq.so"]) {
      expect(readlinkSync(path.join(packageDir, "native", "lib", name))).toBe("libpq.so.5.18");
      expect(readFileSync(path.join(packageDir, "native", "lib", name), "utf8")).toBe("the library");
    }
  });
});

import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A new temporary folder for an embedded server's data. As root the server runs as the user postgres, who must be
 * able to enter it (mkdtemp makes it 700).
 */
export function makeTemporaryDataFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(folder, 0o755);
  return folder;
}

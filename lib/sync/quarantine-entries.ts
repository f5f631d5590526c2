import type { QuarantineEntry } from "@/db/queries/quarantined-gong-records";
import type { QuarantineSource } from "@/db/schema";
import type { RejectedRecord } from "@/lib/gong/parse-records";
import { logger } from "@/lib/observability/logger";

/**
 * Records Gong sent that failed validation, as quarantine rows. One whose id could not be read either can be
 * neither listed by call nor asked for again: it is logged (where it failed and the type found, never the value)
 * and only counted.
 */
export function toQuarantineEntries(rejected: RejectedRecord[], source: QuarantineSource, connectionId: string): QuarantineEntry[] {
  return rejected.flatMap((record) => {
    if (record.gongId === null) {
      logger.error({ connectionId, source, fieldPath: record.path, valueType: record.valueType }, "a Gong record without a readable id failed validation; skipped");
      return [];
    }
    return [{ gongId: record.gongId, source, fieldPath: record.path, valueType: record.valueType }];
  });
}

import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";

const isGongId = (value: string) => /^\d{1,20}$/.test(value);

export type FoundCall = { id: string | null; gong_id: string };

/**
 * Maps ids given to the API (Gong ids or our uuids) to the organization's synced calls, in order. Any id that is
 * not one of this organization's calls is a 404 naming it, whether it belongs to nobody or to another
 * organization, or is private (participants only; an API key is none). With `includeDeleted`, Gong ids of calls deleted here also count (id null), so they can be resynced.
 */
export async function findOrganizationCalls(
  db: Kysely<Database>,
  organizationId: string,
  ids: string[],
  options: { includeDeleted?: boolean } = {},
): Promise<FoundCall[]> {
  const gongIds = ids.filter(isGongId);
  const uuids = ids.filter((id) => !isGongId(id));
  const rows = await db
    .selectFrom("calls")
    .select(["id", "gong_id"])
    .where("organization_id", "=", organizationId)
    .where("is_private", "=", false)
    .where((eb) => eb.or([...(gongIds.length ? [eb("gong_id", "in", gongIds)] : []), ...(uuids.length ? [eb("id", "in", uuids)] : [])]))
    .execute();
  const deleted =
    options.includeDeleted && gongIds.length
      ? await db.selectFrom("deleted_calls").select("gong_id").where("organization_id", "=", organizationId).where("gong_id", "in", gongIds).execute()
      : [];
  const found: FoundCall[] = [];
  const missing: string[] = [];
  for (const given of ids) {
    const row = rows.find((call) => call.id === given || call.gong_id === given);
    if (row) found.push(row);
    else if (deleted.some((call) => call.gong_id === given)) found.push({ id: null, gong_id: given });
    else missing.push(given);
  }
  if (missing.length > 0) {
    const named = missing.slice(0, 10).map((id) => `"${id}"`).join(", ");
    throw new AppError("not_found", `No call with id ${named}${missing.length > 10 ? ` and ${missing.length - 10} more` : ""} in this organization.`);
  }
  return found;
}

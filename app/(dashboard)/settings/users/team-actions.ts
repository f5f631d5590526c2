"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { setManagersSeeTeamSetting } from "@/lib/users/set-managers-see-team";

export type TeamSettingState = { status: "idle" } | { status: "saved"; enabled: boolean };

/** Saves "Managers see their team's calls" (a checkbox: absent means off). */
export async function saveManagersSeeTeam(_previous: TeamSettingState, formData: FormData): Promise<TeamSettingState> {
  const admin = await requireAdminOrForbidden();
  const enabled = formData.get("managersSeeTeam") === "on";
  await setManagersSeeTeamSetting(db, { organizationId: admin.organizationId, actorUserId: admin.id, enabled });
  revalidatePath("/settings/users");
  return { status: "saved", enabled };
}

import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Database, Role } from "@/db/schema";
import { type GongTeam, NO_TEAM, getGongTeam } from "./gong-user-team";

/**
 * Who is looking at calls, resolved once per request: their organization, role and linked Gong identity.
 * Every call read goes through `whereVisibleTo`, so the access rules live in this one file.
 */
export type CallViewer = {
  userId: string;
  organizationId: string;
  role: Role;
  /** Gong's id of the linked Gong user, or null when the app user is not linked. */
  gongUserId: string | null;
  /** Lower-cased email and aliases of the linked Gong user; parties are also matched by these. */
  emails: string[];
  /** Who reports to the linked Gong user in Gong, at any depth (none when the organization turned this off). */
  team: GongTeam;
};

export async function getCallViewer(
  db: Kysely<Database>,
  user: { id: string; organizationId: string; role: Role },
): Promise<CallViewer> {
  const linked = await db
    .selectFrom("user_gong_links")
    .innerJoin("gong_users", "gong_users.id", "user_gong_links.gong_user_id")
    .select(["gong_users.gong_id", "gong_users.email", "gong_users.email_aliases"])
    .where("user_gong_links.user_id", "=", user.id)
    .where("gong_users.organization_id", "=", user.organizationId)
    .executeTakeFirst();
  const emails = linked ? [linked.email, ...linked.email_aliases].filter((email): email is string => !!email) : [];
  // Admins see every non-private call already, and a team adds no private ones: only reps need their team.
  const team = linked && user.role !== "admin" ? await getGongTeam(db, user.organizationId, linked.gong_id) : NO_TEAM;
  return {
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    gongUserId: linked?.gong_id ?? null,
    emails: [...new Set(emails.map((email) => email.trim().toLowerCase()))],
    team,
  };
}

/** A party of the call is one of these Gong users, by Gong id or by one of their emails. */
function hasPartyAmong(eb: ExpressionBuilder<Database, "calls">, gongUserIds: string[], emails: string[]) {
  return eb.exists(
    eb
      .selectFrom("call_parties")
      .select(sql`1`.as("one"))
      .whereRef("call_parties.call_id", "=", "calls.id")
      .where((party) =>
        party.or([
          party("call_parties.user_gong_id", "in", gongUserIds),
          ...(emails.length > 0 ? [party(sql`lower(call_parties.email)`, "in", emails)] : []),
        ]),
      ),
  );
}

/**
 * A call of someone on the viewer's team: one of them is its primary user or a party. Never a private call.
 * A team can hold most of an organization's calls, so its party check probes each call the list walks (through
 * call_parties' call_id index) rather than letting PostgreSQL hash every party row of the team first, which it
 * prefers for an EXISTS under OR and which reads all of call_parties for a large team: `OFFSET 0` is PostgreSQL's
 * documented fence against that rewrite. The primary user, checked first, settles most calls without a probe.
 */
function isTeamCall(eb: ExpressionBuilder<Database, "calls">, team: GongTeam) {
  const party = eb.exists(
    eb
      .selectFrom("call_parties")
      .select(sql`1`.as("one"))
      .whereRef("call_parties.call_id", "=", "calls.id")
      .where((row) =>
        row.or([
          row("call_parties.user_gong_id", "in", team.gongIds),
          ...(team.emails.length > 0 ? [row(sql`lower(call_parties.email)`, "in", team.emails)] : []),
        ]),
      )
      .offset(0),
  );
  return eb.and([eb("calls.is_private", "=", false), eb.or([eb("calls.primary_user_gong_id", "in", team.gongIds), party])]);
}

/** The calls list's "My team" filter: calls of the viewer's reports (what else they see is left to whereVisibleTo). */
export function whereTeamCall(viewer: CallViewer) {
  return (eb: ExpressionBuilder<Database, "calls">) => (viewer.team.gongIds.length > 0 ? isTeamCall(eb, viewer.team) : sql<boolean>`false`);
}

/**
 * The calls a viewer may see. Same organization always, then:
 *
 * | call                               | its parties | its primary user | other reps | admins |
 * |------------------------------------|-------------|------------------|------------|--------|
 * | not private                        | yes         | yes              | no         | yes    |
 * | private, with parties              | yes         | yes              | no         | no     |
 * | private, no parties (imported)     | —           | yes              | no         | yes    |
 *
 * A rep linked to a Gong manager also sees the calls of everyone reporting to them (at any depth) as those reps see
 * their own, except private ones: a manager sees a private call only as its party or primary user. Off when the
 * organization turns "Managers see their team's calls" off; admins are unaffected (they see more already).
 *
 * A private call with no parties at all would otherwise be visible to nobody; its organization's admins stand
 * in for the participants it does not list. Callers turn "not visible" into 404 so a call's existence is never
 * revealed.
 */
export function whereVisibleTo(viewer: CallViewer) {
  return (eb: ExpressionBuilder<Database, "calls">) => {
    const sameOrganization = eb("calls.organization_id", "=", viewer.organizationId);
    const own = viewer.gongUserId ? [hasPartyAmong(eb, [viewer.gongUserId], viewer.emails), eb("calls.primary_user_gong_id", "=", viewer.gongUserId)] : [];
    if (viewer.role === "admin") {
      const withoutParties = eb.not(eb.exists(eb.selectFrom("call_parties").select(sql`1`.as("one")).whereRef("call_parties.call_id", "=", "calls.id")));
      return eb.and([sameOrganization, eb.or([eb("calls.is_private", "=", false), withoutParties, ...own])]);
    }
    const team = viewer.team.gongIds.length > 0 ? [isTeamCall(eb, viewer.team)] : [];
    if (own.length === 0) return sql<boolean>`false`;
    return eb.and([sameOrganization, eb.or([...own, ...team])]);
  };
}

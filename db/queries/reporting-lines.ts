/** One Gong user's place in Gong's reporting lines. */
export type ReportingLine = { managerGongId: string | null; teamSize: number };

/**
 * For each Gong user (by Gong id): their manager, if that manager is a Gong user of the organization, and how many
 * people report to them at any depth. Walks each tree once per user with a visited set, so cycles and self-references
 * in Gong's data count nobody twice and never count the manager as their own report; the same rule as getGongTeam.
 */
export function computeReportingLines(users: { gongId: string; managerGongId: string | null }[]): Map<string, ReportingLine> {
  const known = new Set(users.map((user) => user.gongId));
  const reports = new Map<string, string[]>();
  for (const user of users) {
    if (!user.managerGongId || !known.has(user.managerGongId)) continue;
    reports.set(user.managerGongId, [...(reports.get(user.managerGongId) ?? []), user.gongId]);
  }
  const lines = new Map<string, ReportingLine>();
  for (const user of users) {
    const seen = new Set<string>([user.gongId]);
    const queue = [...(reports.get(user.gongId) ?? [])];
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(reports.get(next) ?? []));
    }
    const managerGongId = user.managerGongId && known.has(user.managerGongId) && user.managerGongId !== user.gongId ? user.managerGongId : null;
    lines.set(user.gongId, { managerGongId, teamSize: seen.size - 1 });
  }
  return lines;
}

import { Cron } from "croner";

/** The next slot of an Inngest cron string strictly after `after`: in UTC, as on Inngest, unless it starts `TZ=Zone`. */
export function getNextCronTime(schedule: string, after: Date): Date | undefined {
  return toCron(schedule).nextRun(after) ?? undefined;
}

/** Whether croner understands the schedule; checked at sync so a bad cron fails loudly. */
export function isValidCron(schedule: string): boolean {
  try {
    toCron(schedule);
    return true;
  } catch {
    return false;
  }
}

function toCron(schedule: string): Cron {
  const match = schedule.trim().match(/^(?:CRON_)?TZ=(\S+)\s+(.+)$/);
  const pattern = match?.[2] ?? schedule.trim();
  // Never the host's zone: the same schedule fires at the same instants wherever the executor runs.
  return new Cron(pattern, { paused: true, timezone: match?.[1] ?? "Etc/UTC" });
}

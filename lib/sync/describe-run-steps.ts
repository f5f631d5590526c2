import type { SyncRunProgressRow } from "@/db/queries/sync-run-progress";

/**
 * A sync run's steps for its detail page, from the units of work it recorded (sync_run_progress): the Gong users,
 * each workspace window with its pages and their transcripts, calls fetched by id, and late-transcript checks.
 * The unit keys are the ones the sync functions write; a key this does not know becomes a step of its own.
 */

export type RunStepState = "done" | "active" | "stopped";

export type RunStep = {
  id: string;
  label: string;
  state: RunStepState;
  pages: number;
  calls: number;
  callsTotal: number | null;
  /** Stored by this step; transcripts still pending are counted for the whole run, as late checks resolve them. */
  transcripts: number;
  users: number;
  skippedDeleted: number;
  updatedAt: string;
};

type Placed = { id: string; label: (names: ReadonlyMap<string, string>) => string; finishes?: boolean };

const WINDOW = /^(all|\d+)-(?:(\d+)(-transcripts)?|(done))$/;

function place(key: string): Placed {
  if (/^users-\d+$/.test(key)) return { id: "users", label: () => "Gong users" };
  const window = WINDOW.exec(key);
  if (window) {
    const gongId = window[1]!;
    const label = (names: ReadonlyMap<string, string>) => (gongId === "all" ? "All calls" : `Workspace ${names.get(gongId) ?? gongId}`);
    return { id: `window-${gongId}`, label, finishes: window[4] === "done" };
  }
  if (key === "calls-by-id") return { id: key, label: () => "Chosen calls" };
  const call = /^call-(\d+)$/.exec(key);
  if (call) return { id: key, label: () => `Call ${call[1]}` };
  if (key.startsWith("late-")) return { id: "late", label: () => "Late transcripts" };
  return { id: `other-${key}`, label: () => key };
}

/** Steps in the order the run first touched them; `active` says whether the run is still going. */
export function describeRunSteps(units: SyncRunProgressRow[], options: { active: boolean; workspaceNames: ReadonlyMap<string, string> }): RunStep[] {
  const steps = new Map<string, RunStep & { finished: boolean }>();
  for (const unit of units) {
    const placed = place(unit.key);
    const updatedAt = unit.updated_at.toISOString();
    const step = steps.get(placed.id) ?? {
      id: placed.id, label: placed.label(options.workspaceNames), state: "active" as RunStepState, pages: 0, calls: 0, callsTotal: null,
      transcripts: 0, users: 0, skippedDeleted: 0, updatedAt, finished: false,
    };
    step.pages += unit.pages;
    step.calls += unit.calls;
    if (unit.calls_total !== null) step.callsTotal = (step.callsTotal ?? 0) + unit.calls_total;
    step.transcripts += unit.transcripts;
    step.users += unit.users;
    step.skippedDeleted += unit.skipped_deleted;
    step.finished ||= placed.finishes === true;
    if (updatedAt > step.updatedAt) step.updatedAt = updatedAt;
    steps.set(placed.id, step);
  }
  return [...steps.values()].map(({ finished, ...step }) => ({ ...step, state: stateOf(step.id, finished, options.active) }));
}

/** A workspace window records when it is done; users page until the run's end; other units are done once written. */
function stateOf(id: string, finished: boolean, active: boolean): RunStepState {
  if (id.startsWith("window-")) return finished ? "done" : active ? "active" : "stopped";
  return id === "users" && active ? "active" : "done";
}

import { describe, expect, it } from "vitest";
import type { SyncRunProgressRow } from "@/db/queries/sync-run-progress";
import { describeRunSteps } from "./describe-run-steps";

const unit = (key: string, counts: Partial<SyncRunProgressRow> = {}, at = "2026-12-01T10:00:00Z"): SyncRunProgressRow => ({
  key, pages: 0, calls: 0, calls_total: null, transcripts: 0, transcripts_pending: 0, users: 0, skipped_deleted: 0, workspaces_done: 0, updated_at: new Date(at), ...counts,
});
const names = new Map([["111", "Sales"]]);

describe("a sync run's steps", () => {
  it("groups a workspace window's pages and their transcripts, done once the window records it", () => {
    const units = [
      unit("users-1", { users: 100 }),
      unit("users-2", { users: 12 }),
      unit("111-1", { pages: 1, calls: 100, calls_total: 150, transcripts_pending: 100 }),
      unit("111-1-transcripts", { transcripts: 98, transcripts_pending: -98 }),
      unit("111-2", { pages: 1, calls: 50 }, "2026-12-01T10:00:05Z"),
      unit("111-done", { workspaces_done: 1 }, "2026-12-01T10:00:06Z"),
      unit("all-1", { pages: 1, calls: 3 }),
    ];
    expect(describeRunSteps(units, { active: false, workspaceNames: names })).toEqual([
      expect.objectContaining({ id: "users", label: "Gong users", users: 112, state: "done" }),
      expect.objectContaining({ id: "window-111", label: "Workspace Sales", pages: 2, calls: 150, callsTotal: 150, transcripts: 98, state: "done", updatedAt: "2026-12-01T10:00:06.000Z" }),
      expect.objectContaining({ id: "window-all", label: "All calls", calls: 3, state: "stopped" }),
    ]);
  });

  it("shows a window without its done mark as in progress while the run goes on, and unknown keys as their own steps", () => {
    const steps = describeRunSteps([unit("222-1", { pages: 1 }), unit("call-98765", { calls: 1, transcripts: 1 }), unit("late-abc-1", { transcripts: 2 }), unit("mystery")], {
      active: true,
      workspaceNames: names,
    });
    expect(steps.map((step) => [step.label, step.state])).toEqual([
      ["Workspace 222", "active"],
      ["Call 98765", "done"],
      ["Late transcripts", "done"],
      ["mystery", "done"],
    ]);
  });
});

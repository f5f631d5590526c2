"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { type TeamSettingState, saveManagersSeeTeam } from "./team-actions";

/** An explicit Save: access changes for every manager at once, so a stray click must not do it. */
export function TeamSettingForm({ enabled }: { enabled: boolean }) {
  const [state, action, pending] = useActionState<TeamSettingState, FormData>(saveManagersSeeTeam, { status: "idle" });
  return (
    <form action={action} className="space-y-3">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="managersSeeTeam" defaultChecked={enabled} className="mt-0.5 size-4" />
        <span>
          <span className="font-medium">Managers see their team&apos;s calls</span>
          <span className="block text-muted-foreground">
            A rep linked to a Gong user who has reports in Gong sees their reports&apos; calls, at any depth, except private calls they
            were not on. Off: everyone who is not an admin sees only their own calls.
          </span>
        </span>
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {state.status === "saved" ? (
          <p role="status" className="text-sm text-muted-foreground">
            Saved: managers {state.enabled ? "now see" : "no longer see"} their team&apos;s calls.
          </p>
        ) : null}
      </div>
    </form>
  );
}

"use client";

import { useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/relative-time";
import { formatCount } from "@/lib/format";
import { syncRunKeys } from "@/lib/hooks/use-sync-runs";
import { type ActionResult, setIncludeNewWorkspaces, setWorkspaceEnabled, syncNow } from "./actions";

export type WorkspaceRow = { gongId: string; name: string; enabled: boolean; isNew: boolean; lastSyncedAt: string | null; callCount: number };

export function WorkspacesCard({ workspaces, includeNew }: { workspaces: WorkspaceRow[]; includeNew: boolean }) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(workspaces.filter((w) => w.enabled).map((w) => w.gongId)));
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const run = (action: () => Promise<ActionResult>) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      toast.success(result.message);
      // A run just queued shows in the runs table at once, and is then followed every 2 s.
      await queryClient.invalidateQueries({ queryKey: syncRunKeys.all });
    });
  const toggleChosen = (gongId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(gongId)) next.delete(gongId);
      else next.add(gongId);
      return next;
    });

  return (
    <div>
      <Table>
        <thead>
          <tr>
            <Th className="w-10">
              <span className="sr-only">Include in Sync now</span>
            </Th>
            <Th>Workspace</Th>
            <Th className="text-right">Calls</Th>
            <Th>Last synced</Th>
            <Th>Auto-sync</Th>
          </tr>
        </thead>
        <tbody>
          {workspaces.map((workspace) => (
            <tr key={workspace.gongId}>
              <Td>
                <input type="checkbox" aria-label={`Sync ${workspace.name} now`} checked={chosen.has(workspace.gongId)} onChange={() => toggleChosen(workspace.gongId)} className="size-4" />
              </Td>
              <Td>
                <span className="font-medium">{workspace.name}</span> {workspace.isNew ? <Badge tone="accent">new</Badge> : null}
              </Td>
              <Td className="text-right tabular-nums">{formatCount(workspace.callCount)}</Td>
              <Td className="text-muted-foreground">{workspace.lastSyncedAt ? <RelativeTime date={workspace.lastSyncedAt} /> : "never"}</Td>
              <Td>
                <label className="inline-flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={workspace.enabled}
                    disabled={pending}
                    onChange={(event) => run(() => setWorkspaceEnabled({ workspaceGongId: workspace.gongId, enabled: event.target.checked }))}
                  />
                  {workspace.enabled ? "Enabled" : "Skipped"}
                </label>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="flex flex-wrap items-end gap-3 border-t border-border px-5 py-4">
        <div className="space-y-1.5">
          <Label htmlFor="sync-from">From</Label>
          <Input id="sync-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} className="w-40" />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="sync-to">Through</Label>
          <Input id="sync-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} className="w-40" />
        </div>
        <Button disabled={pending || chosen.size === 0} onClick={() => run(() => syncNow({ workspaceGongIds: [...chosen], from: from || undefined, to: to || undefined }))}>
          <RefreshCw aria-hidden />
          Sync now
        </Button>
        <p className="text-xs text-muted-foreground">Leave the dates empty to sync everything Gong has for the chosen workspaces.</p>
      </div>
      <label className="flex items-center gap-2 border-t border-border px-5 py-3 text-sm">
        <input type="checkbox" className="size-4" defaultChecked={includeNew} disabled={pending} onChange={(event) => run(() => setIncludeNewWorkspaces(event.target.checked))} />
        Include new Gong workspaces in scheduled syncs automatically
      </label>
    </div>
  );
}

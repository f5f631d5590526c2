"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { saveGongSettings } from "./actions";

type Settings = { sync_on_connect: boolean; include_speaker_labels: boolean; auto_sync_interval_hours: 6 | 12 | 24 | null };

export function SettingsForm({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await saveGongSettings(settings);
      if (result.ok) toast.success(result.message ?? "Saved.");
      else toast.error(result.error);
    });
  return (
    <form action={save} className="space-y-4">
      <Toggle
        id="sync-on-connect"
        label="Sync on connect"
        hint="Import users, workspaces and calls as soon as Gong is connected."
        checked={settings.sync_on_connect}
        onChange={(value) => setSettings({ ...settings, sync_on_connect: value })}
      />
      <Toggle
        id="speaker-labels"
        label="Include speaker labels"
        hint="Show each transcript sentence with the speaker's name and side instead of an anonymous id."
        checked={settings.include_speaker_labels}
        onChange={(value) => setSettings({ ...settings, include_speaker_labels: value })}
      />
      <div className="space-y-1.5">
        <Label htmlFor="auto-sync">Auto-sync</Label>
        <Select
          id="auto-sync"
          value={settings.auto_sync_interval_hours ?? "off"}
          onChange={(event) => {
            const value = event.target.value;
            setSettings({ ...settings, auto_sync_interval_hours: value === "off" ? null : (Number(value) as 6 | 12 | 24) });
          }}
        >
          <option value="off">Off</option>
          <option value="6">Every 6 hours</option>
          <option value="12">Every 12 hours</option>
          <option value="24">Every 24 hours</option>
        </Select>
        <p className="text-xs text-muted-foreground">Re-reads the last 7 days each time, so late transcripts and edits are caught.</p>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}

function Toggle({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <div className="flex items-start gap-3">
      <input id={id} type="checkbox" className="mt-1 size-4 accent-(--accent)" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <div>
        <Label htmlFor={id}>{label}</Label>
        <p className="text-xs text-muted-foreground">{hint}</p>
      </div>
    </div>
  );
}

import { Label, Select } from "@/components/ui/input";

/** Calls where a tracker (a keyword group from Settings → Trackers) was heard; part of the list's GET form. */
export function TrackerFilter({ trackers, value }: { trackers: { id: string; name: string }[]; value: string | undefined }) {
  if (trackers.length === 0) return null;
  return (
    <div className="space-y-1">
      <Label htmlFor="calls-tracker" className="text-xs text-muted-foreground">
        Tracker
      </Label>
      <Select id="calls-tracker" name="tracker" defaultValue={value ?? ""} className="w-full">
        <option value="">Any tracker</option>
        {trackers.map((tracker) => (
          <option key={tracker.id} value={tracker.id}>
            Mentions {tracker.name}
          </option>
        ))}
      </Select>
    </div>
  );
}

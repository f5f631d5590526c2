import { cn } from "@/lib/utils";

export function ProgressBar({ value, max, label, tone = "accent" }: { value: number; max: number; label: string; tone?: "accent" | "warning" | "danger" }) {
  const percent = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} className="h-2 w-full overflow-hidden rounded-full bg-muted">
      <div
        className={cn("h-full rounded-full transition-[width]", { accent: "bg-accent", warning: "bg-warning", danger: "bg-danger" }[tone])}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}

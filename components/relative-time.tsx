import { formatExactTime, formatRelativeTime } from "@/lib/format";

export function RelativeTime({ date }: { date: Date | string }) {
  const value = new Date(date);
  return (
    <time dateTime={value.toISOString()} title={formatExactTime(value)} suppressHydrationWarning>
      {formatRelativeTime(value)}
    </time>
  );
}

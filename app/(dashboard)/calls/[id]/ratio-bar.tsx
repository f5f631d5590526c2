/** A share as a bar (SVG, so its width needs no inline style). */
export function RatioBar({ ratio, fillClass }: { ratio: number; fillClass: string }) {
  return (
    <svg className="block h-2 w-full overflow-hidden rounded-full" aria-hidden>
      <rect width="100%" height="100%" className="fill-muted" />
      <rect width={`${Math.round(Math.min(1, Math.max(0, ratio)) * 1000) / 10}%`} height="100%" className={fillClass} />
    </svg>
  );
}

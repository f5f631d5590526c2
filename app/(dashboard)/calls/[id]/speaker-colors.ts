// Written out whole so Tailwind generates them; the colours are globals.css --speaker-0 … --speaker-7.
const FILL = ["fill-speaker-0", "fill-speaker-1", "fill-speaker-2", "fill-speaker-3", "fill-speaker-4", "fill-speaker-5", "fill-speaker-6", "fill-speaker-7"];

/** The SVG fill class of a speaker's colour slot (SpeakerLabel.color). */
export function speakerFill(color: number | undefined): string {
  return color === undefined ? "fill-muted-foreground" : (FILL[color % FILL.length] ?? "fill-muted-foreground");
}

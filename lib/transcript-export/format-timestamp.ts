/** 83_456 → "00:01:23.456", the WebVTT timestamp with hours always present. */
export function formatVttTimestamp(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}`;
}

/** 83_456 → "00:01:23", for the plain-text export. */
export function formatClockTime(ms: number): string {
  return formatVttTimestamp(ms).slice(0, 8);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

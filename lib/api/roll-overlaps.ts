/** How long an API key's old secret keeps working after a roll, as the admin may choose it; 0 stops it at once. */
export const ROLL_OVERLAPS = [
  { seconds: 0, label: "Stop it now" },
  { seconds: 3_600, label: "1 hour" },
  { seconds: 86_400, label: "24 hours" },
  { seconds: 7 * 86_400, label: "7 days" },
] as const;

export type RollOverlapSeconds = (typeof ROLL_OVERLAPS)[number]["seconds"];

export const ROLL_OVERLAPS_SECONDS = ROLL_OVERLAPS.map((overlap) => overlap.seconds);

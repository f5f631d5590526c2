/** Map key for a speaker; null speaker ids share one bucket that cannot collide with a real id. */
export function toSpeakerKey(speakerId: string | null): string {
  return speakerId ?? "\u0000unattributed";
}

/** Scopes the simulator knows, with the plain-language line the consent page shows for each. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  "api:calls:read:basic": "See the list of calls and each call's basic details (title, time, duration, owner).",
  "api:calls:read:extensive": "See call details: participants, topics, trackers and talk statistics.",
  "api:calls:read:media-url": "Get temporary links to call recordings (audio and video).",
  "api:calls:read:transcript": "Read call transcripts.",
  "api:calls:create": "Upload calls and recordings.",
  "api:users:read": "See the users in your Gong company and their email addresses.",
  "api:workspaces:read": "See your workspaces.",
  "api:library:read": "See public library folders and the calls in them.",
  "api:settings:trackers:read": "See your tracker settings.",
  "api:stats:interaction": "See interaction statistics.",
};

export function isKnownScope(scope: string): boolean {
  return scope in SCOPE_DESCRIPTIONS || /^api:[a-z0-9:-]+$/.test(scope);
}

export function describeScope(scope: string): string {
  return SCOPE_DESCRIPTIONS[scope] ?? "Access this part of your Gong data.";
}

import "server-only";

export type GongScopeInfo = {
  scope: string;
  label: string;
  enables: string;
  withoutIt: string;
};

/** Scopes Callbridge asks for, in the order the connection page lists them (API.md §1.4). */
export const REQUIRED_GONG_SCOPES: readonly GongScopeInfo[] = [
  {
    scope: "api:calls:read:basic",
    label: "Call list",
    enables: "Lists calls and reads their basic details (title, time, duration, owner).",
    withoutIt: "Without api:calls:read:basic calls cannot be listed or looked up.",
  },
  {
    scope: "api:calls:read:extensive",
    label: "Call details",
    enables: "Reads participants, topics, trackers, briefs, highlights and talk statistics.",
    withoutIt: "Without api:calls:read:extensive calls sync without participants, speaker names or insights.",
  },
  {
    scope: "api:calls:read:transcript",
    label: "Transcripts",
    enables: "Reads call transcripts sentence by sentence.",
    withoutIt: "Without api:calls:read:transcript no transcripts are synced or searchable.",
  },
  {
    scope: "api:calls:read:media-url",
    label: "Recordings",
    enables: "Fetches short-lived audio and video links for playback.",
    withoutIt: "Without api:calls:read:media-url recordings cannot be played.",
  },
  {
    scope: "api:users:read",
    label: "Users",
    enables: "Reads Gong users so reps can be linked to their own calls by email.",
    withoutIt: "Without api:users:read reps cannot be linked to Gong users and see no calls.",
  },
  {
    scope: "api:workspaces:read",
    label: "Workspaces",
    enables: "Lists workspaces so you can choose which ones to sync.",
    withoutIt: "Without api:workspaces:read syncs cannot be limited to chosen workspaces.",
  },
  {
    scope: "api:library:read",
    label: "Library",
    enables: "Reads public call library folders and the calls saved in them.",
    withoutIt: "Without api:library:read library folders are not shown.",
  },
];

export const REQUIRED_GONG_SCOPE_NAMES: readonly string[] = REQUIRED_GONG_SCOPES.map((info) => info.scope);

/** Required scopes absent from `grantedScopes`, in display order. */
export function listMissingScopes(grantedScopes: readonly string[]): GongScopeInfo[] {
  const granted = new Set(grantedScopes);
  return REQUIRED_GONG_SCOPES.filter((info) => !granted.has(info.scope));
}

import "server-only";

/** The Gong API client in one import: stateless operations that take a `GongContext` first. */
export { getCall } from "./get-call";
export { getLibraryFolderContent } from "./get-library-folder-content";
export { getUser } from "./get-user";
export type { GongContext } from "./http";
export { iterateCallTranscripts, listCallTranscripts, MAX_TRANSCRIPT_CALL_IDS } from "./list-call-transcripts";
export type { ListCallTranscriptsInput } from "./list-call-transcripts";
export { iterateCalls, listCalls } from "./list-calls";
export type { ListCallsInput } from "./list-calls";
export { iterateExtensiveCalls, listExtensiveCalls } from "./list-extensive-calls";
export type { ExtensiveCallsFilter, ListExtensiveCallsInput } from "./list-extensive-calls";
export { listLibraryFolders } from "./list-library-folders";
export { iterateUsers, listUsers } from "./list-users";
export { listWorkspaces } from "./list-workspaces";
export type { GongPage } from "./pagination";
export type { ContentSelectorOptions } from "./content-selector";
export * from "./errors";

import { defineRoute } from "../http/router";
import { getCall, listCalls } from "./calls";
import { listCallsExtensive } from "./calls-extensive";
import { listTranscripts } from "./calls-transcript";
import { getLibraryFolderContent, listLibraryFolders } from "./library";
import type { ApiHandler } from "./types";
import { getUser, listUsers, listUsersExtensive } from "./users";
import { listWorkspaces } from "./workspaces";

// Literal paths come before their {id} siblings so "/v2/calls/extensive" never reads as a call id.
export const API_ROUTES = [
  defineRoute<ApiHandler>("GET", "/v2/calls", listCalls),
  defineRoute<ApiHandler>("POST", "/v2/calls/extensive", listCallsExtensive),
  defineRoute<ApiHandler>("POST", "/v2/calls/transcript", listTranscripts),
  defineRoute<ApiHandler>("GET", "/v2/calls/{id}", getCall),
  defineRoute<ApiHandler>("GET", "/v2/users", listUsers),
  defineRoute<ApiHandler>("POST", "/v2/users/extensive", listUsersExtensive),
  defineRoute<ApiHandler>("GET", "/v2/users/{id}", getUser),
  defineRoute<ApiHandler>("GET", "/v2/workspaces", listWorkspaces),
  defineRoute<ApiHandler>("GET", "/v2/library/folders", listLibraryFolders),
  defineRoute<ApiHandler>("GET", "/v2/library/folder-content", getLibraryFolderContent),
];

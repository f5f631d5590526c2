import { requireScope } from "./auth";
import type { ApiHandler } from "./types";

/** GET /v2/workspaces – no paging, no `records`. */
export const listWorkspaces: ApiHandler = ({ state, caller }) => {
  requireScope(caller, "api:workspaces:read", 403);
  return { body: { workspaces: state.dataset.company.workspaces.map(({ id, name, description }) => ({ id, name, description })) } };
};

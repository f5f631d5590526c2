import "server-only";
import { type GongContext, requestGong } from "./http";
import { type Workspace, workspacesResponseSchema } from "./schemas/workspaces";

/** `GET /v2/workspaces` (scope `api:workspaces:read`): one unpaginated list. */
export async function listWorkspaces(ctx: GongContext): Promise<Workspace[]> {
  const response = await requestGong(ctx, {
    method: "GET",
    endpoint: "/v2/workspaces",
    path: "/v2/workspaces",
    schema: workspacesResponseSchema,
  });
  return response.workspaces;
}

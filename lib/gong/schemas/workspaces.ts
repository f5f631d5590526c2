import "server-only";
import { z } from "zod";
import { gongIdSchema, list, nullable, recordsSchema } from "./common";

export const workspaceSchema = z.looseObject({
  id: gongIdSchema,
  name: nullable(z.string()),
  description: nullable(z.string()),
});
export type Workspace = z.infer<typeof workspaceSchema>;

/** The spec has no `records` here; tolerate it anyway. */
export const workspacesResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  records: nullable(recordsSchema),
  workspaces: list(workspaceSchema),
});
export type WorkspacesResponse = z.infer<typeof workspacesResponseSchema>;

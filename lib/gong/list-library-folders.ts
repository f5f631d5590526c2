import "server-only";
import { type GongContext, requestGong } from "./http";
import { emptyPage, iteratePages, toPage } from "./pagination";
import { type LibraryFolder, libraryFoldersResponseSchema } from "./schemas/library";

/**
 * `GET /v2/library/folders` (scope `api:library:read`): public folders only. The spec has no pagination here,
 * but one recorded response carried `records`, so a cursor is followed if Gong ever sends one.
 */
export async function listLibraryFolders(ctx: GongContext, input: { workspaceId?: string } = {}): Promise<LibraryFolder[]> {
  const folders: LibraryFolder[] = [];
  const pages = iteratePages(async (cursor) => {
    const response = await requestGong(ctx, {
      method: "GET",
      endpoint: "/v2/library/folders",
      path: "/v2/library/folders",
      query: { workspaceId: input.workspaceId, cursor },
      schema: libraryFoldersResponseSchema,
      // "No folders found" for a workspace without public folders; other 404s stay errors.
      emptyOn404: true,
    });
    return response ? toPage(response.folders, response.records) : emptyPage<LibraryFolder>();
  });
  for await (const page of pages) folders.push(...page.items);
  return folders;
}

import "server-only";
import { GongNotFoundError } from "./errors";
import { type GongContext, requestGong } from "./http";
import { type LibraryFolderContentResponse, libraryFolderContentResponseSchema } from "./schemas/library";

/** `GET /v2/library/folder-content` (scope `api:library:read`); undefined when the folder is unknown. */
export async function getLibraryFolderContent(
  ctx: GongContext,
  folderId: string,
): Promise<LibraryFolderContentResponse | undefined> {
  try {
    return await requestGong(ctx, {
      method: "GET",
      endpoint: "/v2/library/folder-content",
      path: "/v2/library/folder-content",
      query: { folderId },
      schema: libraryFolderContentResponseSchema,
    });
  } catch (error) {
    if (error instanceof GongNotFoundError) return undefined;
    throw error;
  }
}

import "server-only";
import { z } from "zod";
import { gongDateTimeSchema, gongIdSchema, list, nullable, recordsSchema } from "./common";

export const libraryFolderSchema = z.looseObject({
  id: gongIdSchema,
  name: nullable(z.string()),
  parentFolderId: nullable(gongIdSchema),
  createdBy: nullable(gongIdSchema),
  updated: nullable(gongDateTimeSchema),
});
export type LibraryFolder = z.infer<typeof libraryFolderSchema>;

/** One recorded response has `records`, another with the same requestId does not (Nango fixtures). */
export const libraryFoldersResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  records: nullable(recordsSchema),
  folders: list(libraryFolderSchema),
});
export type LibraryFoldersResponse = z.infer<typeof libraryFoldersResponseSchema>;

export const libraryCallSchema = z.looseObject({
  id: gongIdSchema,
  title: nullable(z.string()),
  note: nullable(z.string()),
  addedBy: nullable(gongIdSchema),
  created: nullable(gongDateTimeSchema),
  url: nullable(z.string()),
  snippet: nullable(z.looseObject({ fromSec: nullable(z.number()), toSec: nullable(z.number()) })),
});
export type LibraryCall = z.infer<typeof libraryCallSchema>;

export const libraryFolderContentResponseSchema = z.looseObject({
  requestId: nullable(z.string()),
  id: nullable(gongIdSchema),
  name: nullable(z.string()),
  createdBy: nullable(gongIdSchema),
  updated: nullable(gongDateTimeSchema),
  calls: list(libraryCallSchema),
});
export type LibraryFolderContentResponse = z.infer<typeof libraryFolderContentResponseSchema>;

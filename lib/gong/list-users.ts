import "server-only";
import { type GongContext, requestGong } from "./http";
import { type GongPage, iteratePages, toPage } from "./pagination";
import { type GongUser, listUsersResponseSchema } from "./schemas/users";

export type ListUsersInput = {
  /** Avatars are synthetic Gong-staff users; Gong excludes them by default. */
  includeAvatars?: boolean;
};

/** One page of `GET /v2/users` (scope `api:users:read`). */
export async function listUsers(
  ctx: GongContext,
  input: ListUsersInput & { cursor?: string } = {},
): Promise<GongPage<GongUser>> {
  const response = await requestGong(ctx, {
    method: "GET",
    endpoint: "/v2/users",
    path: "/v2/users",
    query: {
      cursor: input.cursor,
      includeAvatars: input.includeAvatars === undefined ? undefined : String(input.includeAvatars),
    },
    schema: listUsersResponseSchema,
  });
  return toPage(response.users, response.records);
}

/** Every page of `GET /v2/users`, starting at `cursor` when given. */
export function iterateUsers(ctx: GongContext, input: ListUsersInput = {}, cursor?: string) {
  return iteratePages((next) => listUsers(ctx, { ...input, cursor: next }), cursor);
}

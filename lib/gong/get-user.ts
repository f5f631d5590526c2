import "server-only";
import { GongNotFoundError } from "./errors";
import { type GongContext, requestGong } from "./http";
import { type GongUser, getUserResponseSchema } from "./schemas/users";

/** `GET /v2/users/{id}` (scope `api:users:read`); undefined when Gong says "User not found". */
export async function getUser(ctx: GongContext, userId: string): Promise<GongUser | undefined> {
  try {
    const response = await requestGong(ctx, {
      method: "GET",
      endpoint: "/v2/users/{id}",
      path: `/v2/users/${encodeURIComponent(userId)}`,
      schema: getUserResponseSchema,
    });
    return response.user;
  } catch (error) {
    if (error instanceof GongNotFoundError) return undefined;
    throw error;
  }
}

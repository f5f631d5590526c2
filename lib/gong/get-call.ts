import "server-only";
import { GongNotFoundError } from "./errors";
import { type GongContext, requestGong } from "./http";
import { type CallBasicData, getCallResponseSchema } from "./schemas/calls";

/** `GET /v2/calls/{id}` (scope `api:calls:read:basic`); undefined when Gong says "Call ID … was not found". */
export async function getCall(ctx: GongContext, callId: string): Promise<CallBasicData | undefined> {
  try {
    const response = await requestGong(ctx, {
      method: "GET",
      endpoint: "/v2/calls/{id}",
      path: `/v2/calls/${encodeURIComponent(callId)}`,
      schema: getCallResponseSchema,
    });
    return response.call;
  } catch (error) {
    if (error instanceof GongNotFoundError) return undefined;
    throw error;
  }
}

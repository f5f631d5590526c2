import "server-only";
import { z } from "zod";
import { nullable } from "./common";

/** https://app.gong.io/oauth2/generate-customer-token; not part of Gong's OpenAPI spec (API.md §1.3). */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: nullable(z.string().min(1)),
  scope: nullable(z.string()),
  token_type: nullable(z.string()),
  expires_in: nullable(z.coerce.number().positive()),
  api_base_url_for_customer: nullable(z.string()),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** RFC 6749 §5.2 error body; Gong's exact texts are unconfirmed, so everything is optional. */
export const tokenErrorResponseSchema = z.looseObject({
  error: nullable(z.string()),
  error_description: nullable(z.string()),
  message: nullable(z.string()),
  errors: nullable(z.array(z.unknown())),
});

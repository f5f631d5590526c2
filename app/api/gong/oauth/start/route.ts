// GET /api/gong/oauth/start?email= – admins only: issue a single-use state and redirect to Gong's consent page.
import { z } from "zod";
import { db } from "@/db";
import { requireAdminOrThrow } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/errors";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { startGongOAuth } from "@/lib/gong-connection/start-gong-oauth";

const querySchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.union([z.literal(""), z.email("Enter the Gong account email as an email address.")]))
    .optional(),
});

export async function GET(request: Request) {
  try {
    const admin = await requireAdminOrThrow();
    const { email } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const authorizeUrl = await startGongOAuth(db, getGongAppConfig(), {
      organizationId: admin.organizationId,
      userId: admin.id,
      gongAccountEmail: email || null,
    });
    return Response.redirect(authorizeUrl, 303);
  } catch (error) {
    return toErrorResponse(error);
  }
}

// POST /api/gong/oauth/start (form: email) – admins only, from Callbridge's own page: issue a single-use state and
// redirect to Gong's consent page. GET starts nothing (a link from anywhere could send an admin here): it shows the page.
import { z } from "zod";
import { db } from "@/db";
import { requireAdminOrThrow } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { toErrorResponse } from "@/lib/errors";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { startGongOAuth } from "@/lib/gong-connection/start-gong-oauth";
import { requireSameOriginRequest } from "@/lib/http/require-same-origin";

const formSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.union([z.literal(""), z.email("Enter the Gong account email as an email address.")]))
    .optional(),
});

export async function POST(request: Request) {
  try {
    requireSameOriginRequest(request, getEnv().APP_URL);
    const admin = await requireAdminOrThrow();
    const form = await request.formData().catch(() => new FormData());
    const { email } = formSchema.parse({ email: form.get("email") ?? undefined });
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

export function GET() {
  return Response.redirect(new URL("/settings/gong", getEnv().APP_URL), 303);
}

// ANY /api/v1/<unknown> – a JSON 404 in the API's error shape, instead of the app's HTML not-found page.
import { AppError, toErrorResponse } from "@/lib/errors";

function answerUnknownEndpoint(request: Request): Response {
  const { pathname } = new URL(request.url);
  return toErrorResponse(new AppError("not_found", `No endpoint ${request.method} ${pathname}. The endpoints are listed at /api/v1/openapi.json.`));
}

export const GET = answerUnknownEndpoint;
export const POST = answerUnknownEndpoint;
export const PUT = answerUnknownEndpoint;
export const PATCH = answerUnknownEndpoint;
export const DELETE = answerUnknownEndpoint;

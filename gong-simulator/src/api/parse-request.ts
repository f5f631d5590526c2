import type { z } from "zod";
import { HttpError } from "../http/respond";

/** Validates a /v2 body; Gong answers malformed requests with 400 and a plain-string error. */
export function parseGongRequest<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "body";
  throw new HttpError(400, `Malformed request: ${where}: ${issue?.message ?? "invalid"}`);
}

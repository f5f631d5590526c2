import type { RunError } from "../runs/types.js";
import type { CallResult } from "./call-app.js";

/** The JSON in a response body; a body that is not JSON is kept as text. */
export function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The run error for a failed request: the SDK's serialised error when there is one, else the status and body. */
export function toRunError(result: CallResult): RunError {
  if (result.kind === "unreachable") return { name: "Error", message: `app unreachable: ${result.message}` };
  const body = parseJson(result.body);
  if (body && typeof body === "object" && "message" in body) {
    const record = body as Record<string, unknown>;
    return { ...record, name: String(record.name ?? "Error"), message: String(record.message), status: result.status };
  }
  return { name: "Error", message: `HTTP ${result.status}: ${result.body.slice(0, 500)}`, status: result.status };
}

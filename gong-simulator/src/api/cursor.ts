import { createHash, createHmac } from "node:crypto";
import { HttpError } from "../http/respond";
import type { SimulatorState } from "../state";
import { safeEqual } from "./auth";
import type { Selection } from "./selection";

/** What a cursor remembers: the last record index served, the next page number and the total. */
export interface CursorPosition { after: number; page: number; total: number }

interface CursorPayload extends CursorPosition { endpoint: string; inputs: string; exp: number }

const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Fingerprint of every request input except the cursor: Gong requires them unchanged between pages. */
export function fingerprintInputs(inputs: unknown): string {
  return createHash("sha256").update(stableJson(inputs)).digest("base64url").slice(0, 22);
}

function sign(state: SimulatorState, body: string): string {
  return createHmac("sha256", state.secret).update(`${HEADER}.${body}`).digest("base64url");
}

/** Opaque, signed and expiring, shaped like the HS256 JWTs Gong hands out. */
export function createCursor(state: SimulatorState, endpoint: string, inputs: string, position: CursorPosition, nowMs = Date.now()): string {
  const payload: CursorPayload = { ...position, endpoint, inputs, exp: Math.floor(nowMs / 1000) + state.config.cursorTtlSeconds };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${HEADER}.${body}.${sign(state, body)}`;
}

export function readCursor(state: SimulatorState, cursor: string, endpoint: string, inputs: string, nowMs = Date.now()): CursorPosition {
  const [header, body, signature] = cursor.split(".");
  if (header !== HEADER || !body || !signature || !safeEqual(signature, sign(state, body))) throw new HttpError(400, "Invalid cursor");
  const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as CursorPayload;
  if (payload.exp * 1000 <= nowMs) throw new HttpError(400, "Cursor has expired, please restart the pagination");
  if (payload.endpoint !== endpoint || payload.inputs !== inputs) {
    throw new HttpError(400, "Cursor does not match the request: all other request inputs must remain the same");
  }
  return { after: payload.after, page: payload.page, total: payload.total };
}

export interface Page<T> { items: T[]; records: { totalRecords: number; currentPageSize: number; currentPageNumber: number; cursor?: string } }

export const PAGE_SIZE = 100;

/**
 * One page of a selection, resuming after the cursor's last index so records that appear between pages
 * never shift or repeat what was served. The total is counted once, on the first page, and rides in the cursor.
 */
export function paginate(state: SimulatorState, selection: Selection, request: { endpoint: string; inputs: string; cursor?: string | null }): Page<number> {
  const position = request.cursor ? readCursor(state, request.cursor, request.endpoint, request.inputs) : { after: -1, page: 0, total: selection.count() };
  const fetched = selection.after(position.after, PAGE_SIZE + 1);
  const items = fetched.slice(0, PAGE_SIZE);
  const last = items.at(-1);
  const records: Page<number>["records"] = { totalRecords: position.total, currentPageSize: items.length, currentPageNumber: position.page };
  if (fetched.length > PAGE_SIZE && last !== undefined) {
    records.cursor = createCursor(state, request.endpoint, request.inputs, { after: last, page: position.page + 1, total: position.total });
  }
  return { items, records };
}

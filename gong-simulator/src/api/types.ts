import type { IncomingMessage } from "node:http";
import type { SimulatorState } from "../state";
import type { Caller } from "./auth";

export interface ApiContext {
  state: SimulatorState;
  request: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  caller: Caller;
  /** The route template, e.g. "POST /v2/calls/extensive"; also the cursor's endpoint binding. */
  endpoint: string;
}

/** Handlers answer with a body; the /v2 gate adds `requestId` and the headers. */
export type ApiHandler = (context: ApiContext) => Promise<ApiResult> | ApiResult;
export interface ApiResult { status?: number; body: Record<string, unknown> }

import { z } from "zod";

export const inngestEventSchema = z
  .object({
    name: z.string().min(1),
    data: z.record(z.string(), z.unknown()).nullish(),
    id: z.string().optional(),
    ts: z.number().optional(),
    v: z.string().optional(),
    user: z.unknown().optional(),
  })
  .passthrough();

export type IncomingEvent = z.infer<typeof inngestEventSchema>;
export type InngestEvent = { name: string; data: Record<string, unknown>; id: string; ts: number; [key: string]: unknown };

/** A registered function; its requests go to `appUrl`, the app URL it was synced from, whatever URL its config names. */
export type StoredFunction = { id: string; appUrl: string; config: import("../sync/function-config.js").FunctionConfig };

export type RunError = { name: string; message: string; stack?: string; [key: string]: unknown };

/**
 * One op of a 206 answer or of a checkpoint, as the SDK sends it (its `OutgoingOp`, of which the SDK exports the
 * type but no schema); `op` stays a string so an op this executor does not know is reported, not dropped.
 */
export const opSchema = z
  .object({
    id: z.string(),
    op: z.string(),
    name: z.string().optional(),
    displayName: z.string().optional(),
    opts: z.record(z.string(), z.unknown()).nullish(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
  })
  .passthrough();

export type Op = z.infer<typeof opSchema>;

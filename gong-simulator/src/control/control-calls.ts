import { z } from "zod";
import { findUserByEmail } from "../data/company";
import { countAllCalls, getDurationSeconds, type ExtraCall } from "../data/dataset";
import { formatGongDate } from "../data/dates";
import { decodeId, encodeId } from "../data/ids";
import { HttpError } from "../http/respond";
import type { SimulatorState } from "../state";
import { fireRulesForCall } from "../webhooks/deliver";

export const createCallSchema = z.object({
  workspaceId: z.string().optional(),
  title: z.string().min(1).optional(),
  primaryUserEmail: z.string().email().optional(),
  participants: z.array(z.union([z.string().email().transform((emailAddress) => ({ emailAddress })), z.object({ emailAddress: z.string().email(), name: z.string().optional(), title: z.string().optional() })])).optional(),
  transcriptDelaySeconds: z.number().min(0).optional(),
}).default({});

/** POST /__sim/calls – a call that just ended: appended after the seeded ones, then every enabled rule fires. */
export function createCall(state: SimulatorState, input: z.infer<typeof createCallSchema>, nowMs = Date.now()) {
  const { dataset } = state;
  const workspaceIndex = input.workspaceId === undefined ? undefined : dataset.company.workspaces.findIndex((workspace) => workspace.id === input.workspaceId);
  if (workspaceIndex === -1) throw new HttpError(400, `Unknown workspaceId ${input.workspaceId}`);
  const primaryUser = input.primaryUserEmail === undefined ? undefined : findUserByEmail(dataset.company, input.primaryUserEmail);
  if (input.primaryUserEmail !== undefined && !primaryUser) throw new HttpError(400, `No user with email ${input.primaryUserEmail}`);
  const index = dataset.callCount + dataset.extraCalls.length;
  const delaySeconds = input.transcriptDelaySeconds ?? state.faults.transcriptDelaySeconds;
  const extra: ExtraCall = {
    index,
    startedMs: nowMs - getDurationSeconds(dataset, index) * 1000,
    transcriptReadyMs: nowMs + delaySeconds * 1000,
    workspaceIndex: workspaceIndex ?? primaryUser?.workspaceIndex,
    primaryUserIndex: primaryUser?.index,
    title: input.title,
    participants: input.participants,
  };
  dataset.extraCalls.push(extra);
  const copies = state.faults.webhookCopies;
  const deliveries = fireRulesForCall(state, index);
  // The webhookCopies fault: Gong delivers at least once, so the same "new call" can arrive again.
  for (let copy = 1; copy < copies; copy++) state.stats.faultsInjected.webhookCopies += fireRulesForCall(state, index).length;
  return {
    id: encodeId("call", dataset.seed, index),
    started: formatGongDate(extra.startedMs, 0, "millis"),
    transcriptReadyAt: new Date(extra.transcriptReadyMs).toISOString(),
    rulesFired: deliveries.length,
  };
}

/** POST /__sim/calls/{id}/redeliver – Gong delivers a call's webhook again (a replay), to every enabled rule. */
export function redeliverCall(state: SimulatorState, callId: string) {
  const index = decodeId("call", state.dataset.seed, callId);
  if (index === undefined || index < 0 || index >= countAllCalls(state.dataset)) throw new HttpError(404, `No call ${callId}`);
  state.stats.faultsInjected.webhookCopies += fireRulesForCall(state, index).length;
  return { id: callId, rulesFired: state.rules.size };
}

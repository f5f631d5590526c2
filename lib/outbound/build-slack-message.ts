import type { OutboundEventBody } from "./event-types";

type CallData = {
  title: string;
  duration_seconds: number | null;
  participants: { name: string | null; email: string | null; affiliation: string }[];
  links: { call: string };
  insights?: { summary: string | null; next_steps: string[]; trackers: { name: string; count: number }[] };
};

const MAX_SECTION_CHARS = 2900;
const clip = (text: string) => (text.length > MAX_SECTION_CHARS ? `${text.slice(0, MAX_SECTION_CHARS - 1)}…` : text);
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function formatDuration(seconds: number | null): string {
  if (seconds === null) return "unknown length";
  const minutes = Math.round(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

/** One Slack incoming-webhook message (Block Kit) for a call with its insights. */
export function buildSlackMessage(body: OutboundEventBody): Record<string, unknown> {
  const call = body.data as unknown as CallData;
  const who = call.participants.map((party) => party.name ?? party.email ?? "Unknown").slice(0, 10);
  const more = call.participants.length - who.length;
  const whoText = `${who.map(escape).join(", ")}${more > 0 ? ` and ${more} more` : ""}` || "No participants recorded";
  const nextSteps = call.insights?.next_steps ?? [];
  const trackers = (call.insights?.trackers ?? []).map((tracker) => `${tracker.name} (${tracker.count})`);
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: clip(call.title || "Untitled call").slice(0, 150), emoji: false } },
    { type: "context", elements: [{ type: "mrkdwn", text: `${whoText} · ${formatDuration(call.duration_seconds)}` }] },
  ];
  if (call.insights?.summary) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`*Summary*\n${escape(call.insights.summary)}`) } });
  if (nextSteps.length > 0) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`*Next steps*\n${nextSteps.slice(0, 8).map((step) => `• ${escape(step)}`).join("\n")}`) } });
  }
  if (trackers.length > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`*Trackers*\n${escape(trackers.join(", "))}`) } });
  blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open call" }, url: call.links.call }] });
  return { text: `New call: ${escape(call.title || "Untitled call")}`, blocks };
}

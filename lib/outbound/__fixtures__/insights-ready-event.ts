import type { OutboundEventBody } from "../event-types";

/** A call.insights_ready body as the fan-out builds it, for the Slack message's snapshot. */
export const insightsReadyEvent: OutboundEventBody = {
  type: "call.insights_ready",
  version: 1,
  timestamp: "2026-12-01T10:45:00.000Z",
  data: {
    call_id: "6f1c2b1e-9a55-4e0b-8a4f-2c1d3e4f5a6b",
    gong_id: "7782342274025937895",
    customer_id: null,
    title: "Discovery <Globex> & pricing",
    started_at: "2026-12-01T10:00:00.000Z",
    duration_seconds: 2730,
    workspace_gong_id: "2281",
    participants: [
      { name: "Alice Rep", email: "alice@acme.test", affiliation: "Internal" },
      { name: null, email: "bob@globex.test", affiliation: "External" },
      { name: null, email: null, affiliation: "Unknown" },
    ],
    transcript_status: "ready",
    links: { call: "https://callbridge.example.com/calls/6f1c2b1e-9a55-4e0b-8a4f-2c1d3e4f5a6b", file: "https://callbridge.example.com/api/v1/files/6f1c2b1e-9a55-4e0b-8a4f-2c1d3e4f5a6b" },
    insights: {
      summary: "Globex wants to replace spreadsheets for call reviews by Q1; budget approved, security review pending.",
      next_steps: ["Send the security questionnaire by Friday", "Book a pricing call with their CFO"],
      trackers: [
        { tracker_id: "0b7e6c1a-3f2d-4c5b-9a8e-1d2c3b4a5f6e", name: "Pricing", count: 4 },
        { tracker_id: "1c8f7d2b-4e3a-4d6c-8b9f-2e3d4c5b6a7f", name: "Competitors", count: 1 },
      ],
    },
  },
};

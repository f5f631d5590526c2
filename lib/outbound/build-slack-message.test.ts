import { describe, expect, it } from "vitest";
import { insightsReadyEvent } from "./__fixtures__/insights-ready-event";
import { buildSlackMessage } from "./build-slack-message";

describe("the Slack message for a call with insights", () => {
  it("renders title, who, duration, summary, next steps, trackers and a button to the call as Block Kit", () => {
    expect(buildSlackMessage(insightsReadyEvent)).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "emoji": false,
              "text": "Discovery <Globex> & pricing",
              "type": "plain_text",
            },
            "type": "header",
          },
          {
            "elements": [
              {
                "text": "Alice Rep, bob@globex.test, Unknown · 46 min",
                "type": "mrkdwn",
              },
            ],
            "type": "context",
          },
          {
            "text": {
              "text": "*Summary*
      Globex wants to replace spreadsheets for call reviews by Q1; budget approved, security review pending.",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "*Next steps*
      • Send the security questionnaire by Friday
      • Book a pricing call with their CFO",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "text": {
              "text": "*Trackers*
      Pricing (4), Competitors (1)",
              "type": "mrkdwn",
            },
            "type": "section",
          },
          {
            "elements": [
              {
                "text": {
                  "text": "Open call",
                  "type": "plain_text",
                },
                "type": "button",
                "url": "https://callbridge.example.com/calls/6f1c2b1e-9a55-4e0b-8a4f-2c1d3e4f5a6b",
              },
            ],
            "type": "actions",
          },
        ],
        "text": "New call: Discovery &lt;Globex&gt; &amp; pricing",
      }
    `);
  });

  it("leaves out the sections a call has nothing for, and keeps long text within Slack's limits", () => {
    const data = { ...insightsReadyEvent.data, title: "", participants: [], insights: { summary: "x".repeat(5000), next_steps: [], trackers: [] } };
    const message = buildSlackMessage({ ...insightsReadyEvent, data }) as { blocks: { type: string; text?: { text: string } }[] };
    expect(message.blocks.map((block) => block.type)).toEqual(["header", "context", "section", "actions"]);
    expect(message.blocks[0]?.text?.text).toBe("Untitled call");
    expect(message.blocks[2]?.text?.text.length).toBeLessThanOrEqual(3000);
  });
});

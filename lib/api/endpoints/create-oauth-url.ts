import { z } from "zod";
import { startGongOAuth } from "@/lib/gong-connection/start-gong-oauth";
import { defineApiEndpoint } from "../api-endpoint";

export const createOAuthUrlEndpoint = defineApiEndpoint({
  method: "POST",
  path: "/integrations/oauth_url",
  operationId: "createOAuthUrl",
  summary: "Get a Gong connect URL",
  description:
    "Returns Gong's authorize URL for the organization. Send a Gong technical administrator to it: once they approve, the organization is connected, the settings given here are applied, and the first sync starts when sync_files_on_connection is true. The URL is a bearer link: whoever opens it first, within 10 minutes, connects this organization to the Gong account they approve with, without signing in to Callbridge; it works once. Send it only to the Gong administrator, over a private channel, and keep it out of logs.",
  access: "organization",
  input: z.strictObject({
    gong_account_email: z.email().max(254).describe("The Gong account that will approve; shown on the connection page."),
    sync_files_on_connection: z.boolean().optional().describe("Sync calls as soon as Gong is connected (default true)."),
    file_sync_config: z
      .strictObject({
        include_speaker_labels: z.boolean().optional().describe("Return speaker names and affiliations with transcripts (default true)."),
      })
      .optional(),
  }),
  response: z.object({ oauth_url: z.url().describe("Gong's authorize URL, carrying a single-use state: a bearer link, valid 10 minutes.") }),
  run: async (ctx, input) => {
    const settings: { sync_on_connect?: boolean; include_speaker_labels?: boolean } = {};
    if (input.sync_files_on_connection !== undefined) settings.sync_on_connect = input.sync_files_on_connection;
    if (input.file_sync_config?.include_speaker_labels !== undefined) settings.include_speaker_labels = input.file_sync_config.include_speaker_labels;
    const oauthUrl = await startGongOAuth(ctx.db, ctx.getGongConfig(), {
      organizationId: ctx.organizationId,
      userId: null,
      gongAccountEmail: input.gong_account_email.toLowerCase(),
      settings,
    });
    return { oauth_url: oauthUrl };
  },
});

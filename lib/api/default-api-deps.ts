import "server-only";
import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { getEnv } from "@/lib/env";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import type { ApiDeps } from "./api-endpoint";

/** The production wiring of the API: the app database, the Inngest client and the environment's limits. */
export function getDefaultApiDeps(): ApiDeps {
  return {
    db,
    sendEvent: (event) => inngest.send(event),
    getGongConfig: getGongAppConfig,
    rateLimitPerMinute: getEnv().API_RATE_LIMIT_PER_MINUTE,
  };
}

import { Inngest } from "inngest";
import { logger } from "@/lib/observability/logger";
import { LogContextMiddleware } from "./log-context-middleware";
import { TracingMiddleware } from "./tracing-middleware";

// The SDK reads INNGEST_BASE_URL, INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY and INNGEST_DEV itself. `npm run demo`
// points them at the embedded executor; set them to Inngest Cloud or a self-hosted `inngest start` instead.
export const inngest = new Inngest({ id: "callbridge", logger, middleware: [LogContextMiddleware, TracingMiddleware] });

// GET/POST/PUT /api/inngest – Inngest's serve endpoint (introspection, function calls, sync), signature-checked.
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";

export const { GET, POST, PUT } = serve({ client: inngest, functions });

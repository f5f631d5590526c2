import type { Metadata } from "next";
import Link from "next/link";
import { BookOpen, History } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { listOrganizationApiKeys } from "@/db/queries/api-keys";
import { listAuditEvents } from "@/db/queries/audit-events";
import { getOrganization } from "@/db/queries/organizations";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { CreateKeyForm } from "./create-key-form";
import { KeyTable, isLiveApiKey } from "./key-table";

export const metadata: Metadata = { title: "API" };

const ACTIONS: Record<string, string> = { "api_key.created": "created the key", "api_key.revoked": "revoked the key", "api_key.rolled": "rolled the key" };

export default async function ApiSettingsPage() {
  const admin = await requireAdminOrForbidden();
  const [keys, organization, events] = await Promise.all([
    listOrganizationApiKeys(db, admin.organizationId),
    getOrganization(db, admin.organizationId),
    listAuditEvents(db, admin.organizationId, { actionPrefix: "api_key.", limit: 20 }),
  ]);
  const env = getEnv();
  const baseUrl = new URL("/api/v1", env.APP_URL).toString();
  return (
    <>
      <PageHeader
        title="API"
        description="Drive the Gong connector from code: list what Gong has, sync, resync, delete and read calls."
        action={
          <Link href="/settings/api/reference" className={buttonVariants({ variant: "secondary" })}>
            <BookOpen aria-hidden />
            API reference
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Connection details" />
          <CardBody>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="text-muted-foreground">Base URL</dt>
              <dd>
                <code className="break-all font-mono">{baseUrl}</code>
              </dd>
              <dt className="text-muted-foreground">Customer id</dt>
              <dd>
                {organization?.external_id ? (
                  <code className="font-mono">{organization.external_id}</code>
                ) : (
                  <span className="text-muted-foreground">Not set. Only platform integrations need it.</span>
                )}
              </dd>
              <dt className="text-muted-foreground">Rate limit</dt>
              <dd>{env.API_RATE_LIMIT_PER_MINUTE} requests a minute per key; more get 429 with Retry-After.</dd>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="API keys" description="Keys act on this organization only. Each is shown once, when you create or roll it." />
          <CardBody>
            <CreateKeyForm liveKeyIds={keys.filter((key) => isLiveApiKey(key)).map((key) => key.id)} />
          </CardBody>
          <KeyTable keys={keys} />
        </Card>
        <Card>
          <CardHeader title="Activity" description="Keys created, rolled and revoked." />
          {events.length === 0 ? (
            <EmptyState icon={History} title="No key has been created yet" />
          ) : (
            <ul className="divide-y divide-border">
              {events.map((event) => (
                <li key={event.id} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-2.5 text-sm">
                  <span>
                    <span className="font-medium">{event.actor_name ?? "Someone"}</span> {ACTIONS[event.action] ?? event.action}{" "}
                    <span className="font-medium">“{keyName(event.details)}”</span>
                  </span>
                  <span className="text-xs text-muted-foreground">
                    <RelativeTime date={event.created_at} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

function keyName(details: unknown): string {
  return typeof details === "object" && details && "name" in details && typeof details.name === "string" ? details.name : "a key";
}

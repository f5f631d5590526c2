import type { Metadata } from "next";
import Link from "next/link";
import { Unplug } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { getWebhookSetup } from "@/lib/webhooks/get-webhook-setup";
import { AuthMethodSwitch } from "./auth-method-switch";
import { RecentDeliveries } from "./recent-deliveries";
import { SetupSteps } from "./setup-steps";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage() {
  const admin = await requireAdminOrForbidden();
  const setup = await getWebhookSetup(db, admin.organizationId, {
    appUrl: getEnv().APP_URL,
    getEncryptionKey: () => getGongAppConfig().encryptionKey,
  });
  const header = <PageHeader title="Webhook" description="Gong’s “New call” automation rule sends new calls here within seconds." />;
  if (!setup) {
    return (
      <>
        {header}
        <Card>
          <EmptyState icon={Unplug} title="Gong isn’t connected">
            <p>The webhook belongs to a Gong connection. Connect Gong first, then come back to set up the rule.</p>
            <Link href="/settings/gong" className={buttonVariants({ variant: "primary", size: "sm", className: "mt-3" })}>
              Connect Gong
            </Link>
          </EmptyState>
        </Card>
      </>
    );
  }
  const ready = setup.auth === "jwt" ? setup.publicKey !== null : setup.urlWithKey !== null;
  return (
    <>
      {header}
      <div className="space-y-6">
        {setup.status === "needs_reauth" ? (
          <p role="status" className="rounded-md bg-warning/12 px-4 py-3 text-sm text-warning">
            Deliveries still arrive, but Callbridge can’t fetch calls from Gong until you{" "}
            <Link href="/settings/gong" className="font-medium underline underline-offset-4">
              reconnect Gong
            </Link>
            .
          </p>
        ) : null}
        <Card>
          <CardHeader
            title="Set up the rule in Gong"
            description="About five minutes, once. Keep this page open: the test delivery shows up below."
            action={ready ? <Badge tone="success">Ready for deliveries</Badge> : <Badge tone="warning">Waiting for setup</Badge>}
          />
          <CardBody className="space-y-6">
            <AuthMethodSwitch auth={setup.auth} />
            <SetupSteps setup={setup} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Recent deliveries" description="Updates live. Rejected deliveries show why; their content is never stored." />
          <RecentDeliveries />
        </Card>
      </div>
    </>
  );
}

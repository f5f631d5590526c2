import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight, Unplug } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db";
import { getLastVerifiedDeliveryAt } from "@/db/queries/webhook-deliveries";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { getWebhookSetup } from "@/lib/webhooks/get-webhook-setup";
import { AuthMethodSwitch } from "./auth-method-switch";
import { RecentDeliveries } from "./recent-deliveries";
import { SetupSteps } from "./setup-steps";
import { WebhookHealth } from "./webhook-health";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage() {
  const admin = await requireAdminOrForbidden();
  const [setup, lastVerifiedAt] = await Promise.all([
    getWebhookSetup(db, admin.organizationId, { appUrl: getEnv().APP_URL, getEncryptionKey: () => getGongAppConfig().encryptionKey }),
    getLastVerifiedDeliveryAt(db, admin.organizationId),
  ]);
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
  // Once Gong's rule has delivered, the setup is done: it folds away and the page is about the deliveries.
  const settled = ready && lastVerifiedAt !== null;
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
          <CardBody>
            <WebhookHealth ready={ready} />
          </CardBody>
        </Card>
        <Card>
          <details open={!settled} className="group">
            <summary className="grid cursor-pointer list-none grid-cols-[auto_1fr] gap-x-2 px-5 py-4 [&::-webkit-details-marker]:hidden">
              <ChevronRight className="mt-0.5 size-4 text-muted-foreground transition-transform group-open:rotate-90" aria-hidden />
              <h2 className="text-sm font-semibold">Set up the rule in Gong</h2>
              <span className="col-start-2 mt-0.5 text-sm text-muted-foreground">
                {settled
                  ? "Done: the rule delivers. Open to see the URL, change the authentication method or the key."
                  : "About five minutes, once. Keep this page open: the test delivery shows up below."}
              </span>
            </summary>
            <CardBody className="space-y-6 border-t border-border">
              <AuthMethodSwitch key={setup.auth} auth={setup.auth} lastVerifiedAt={lastVerifiedAt?.toISOString() ?? null} />
              <SetupSteps setup={setup} />
            </CardBody>
          </details>
        </Card>
        <Card>
          <CardHeader title="Recent deliveries" description="Updates live. Open one to see what was checked; its content is never stored." />
          <RecentDeliveries />
        </Card>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";
import { SessionsCard } from "./sessions-card";

export const metadata: Metadata = { title: "Choose a password" };

export default async function ChangePasswordPage() {
  const user = await requireUserOrRedirect({ allowPendingPasswordChange: true });
  const pending = user.passwordChangeRequired;
  return (
    <>
      <PageHeader title="Choose a password" />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title={pending ? "Replace your one-time password" : "Change your password"}
            description={`At least 12 characters. You'll use it with your email to sign in.${pending ? "" : " Your sessions in other browsers end."}`}
          />
          <CardBody>
            <ChangePasswordForm askCurrentPassword={!pending} />
          </CardBody>
        </Card>
        {pending ? null : <SessionsCard />}
      </div>
    </>
  );
}

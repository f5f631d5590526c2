import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Choose a password" };

export default async function ChangePasswordPage() {
  const user = await requireUserOrRedirect({ allowPendingPasswordChange: true });
  return (
    <>
      <PageHeader title="Choose a password" />
      <Card>
        <CardHeader
          title={user.passwordChangeRequired ? "Replace your one-time password" : "Change your password"}
          description="At least 12 characters. You'll use it with your email to sign in."
        />
        <CardBody>
          <ChangePasswordForm />
        </CardBody>
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { ChangePasswordForm } from "./password/change-password-form";
import { SessionsCard } from "./password/sessions-card";
import { NameForm } from "./name-form";

export const metadata: Metadata = { title: "Your account" };

/** Everyone's own page: name, password (the current one is asked for) and signing out everywhere. */
export default async function AccountPage() {
  const user = await requireUserOrRedirect();
  return (
    <>
      <PageHeader title="Your account" description={`${user.email} · ${user.role === "admin" ? "Admin" : "Rep"}`} />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Profile" description="How you appear to others in Callbridge." />
          <CardBody>
            <NameForm name={user.name} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Password" description="At least 12 characters. Your sessions in other browsers end; this one carries on." />
          <CardBody>
            <ChangePasswordForm askCurrentPassword />
          </CardBody>
        </Card>
        <SessionsCard />
      </div>
    </>
  );
}

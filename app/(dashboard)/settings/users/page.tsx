import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/relative-time";
import { db } from "@/db";
import { getCallsListContext } from "@/db/queries/calls-list-context";
import { getOrganization } from "@/db/queries/organizations";
import { listUserGongDirectory } from "@/db/queries/user-gong-link-admin";
import { listUsers } from "@/db/queries/users";
import { formatCount } from "@/lib/format";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { AddUserForm } from "./add-user-form";
import { EndSessionsButton } from "./end-sessions-button";
import { GongLinksCards } from "./gong-links-card";
import { PersonActions } from "./person-actions";
import { TeamSettingForm } from "./team-setting-form";

export const metadata: Metadata = { title: "Users & links" };

export default async function UsersPage() {
  const admin = await requireAdminOrForbidden();
  const [users, directory, context, organization] = await Promise.all([
    listUsers(db, admin.organizationId),
    listUserGongDirectory(db, admin.organizationId),
    getCallsListContext(db, admin.organizationId),
    getOrganization(db, admin.organizationId),
  ]);
  const managersSeeTeam = organization?.managers_see_team ?? true;
  return (
    <>
      <PageHeader
        title="Users & links"
        description="Who can sign in to Callbridge, and which Gong user each person is. Gong users appear here once Gong is connected."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Add a user" description="Reps see only their own calls; admins manage the connection and settings." />
          <CardBody>
            <AddUserForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="App users" description={`${formatCount(users.length)} in your organization`} />
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Role</Th>
                <Th>Status</Th>
                <Th>Added</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <Td className="font-medium">
                    {user.name}
                    {user.id === admin.id ? <span className="ml-1.5 text-xs font-normal text-muted-foreground">(you)</span> : null}
                  </Td>
                  <Td className="text-muted-foreground">{user.email}</Td>
                  <Td>
                    <Badge tone={user.role === "admin" ? "accent" : "neutral"}>{user.role === "admin" ? "Admin" : "Rep"}</Badge>
                  </Td>
                  <Td>{user.deactivated_at ? <Badge tone="warning">Deactivated</Badge> : <span className="text-muted-foreground">Active</span>}</Td>
                  <Td className="text-muted-foreground">
                    <RelativeTime date={user.created_at} />
                  </Td>
                  <Td className="text-right">
                    {user.id === admin.id ? (
                      <Link href="/account" className="text-sm text-accent underline-offset-4 hover:underline">
                        Your account
                      </Link>
                    ) : (
                      <div className="flex items-center justify-end gap-1">
                        {user.deactivated_at ? null : <EndSessionsButton userId={user.id} name={user.name} />}
                        <PersonActions person={{ id: user.id, name: user.name, email: user.email, role: user.role, deactivated: user.deactivated_at !== null }} />
                      </div>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Managers" description="Gong's reporting lines (each Gong user's manager) decide who sees a team. They update with every users sync." />
          <CardBody>
            <TeamSettingForm enabled={managersSeeTeam} />
          </CardBody>
        </Card>
        <GongLinksCards directory={directory} hasConnection={context.hasConnection} managersSeeTeam={managersSeeTeam} />
      </div>
    </>
  );
}

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { DirectoryGongUser, UserGongDirectory } from "@/db/queries/user-gong-link-admin";
import { InviteButton, LinkForm, UnlinkButton } from "./gong-links";

function Row({ children }: { children: React.ReactNode }) {
  return <li className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">{children}</li>;
}

function Person({ name, detail, badge }: { name: string; detail: React.ReactNode; badge?: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <p className="font-medium">
        {name} {badge}
      </p>
      <p className="text-xs text-muted-foreground">{detail}</p>
    </div>
  );
}

/** Where the Gong user sits in Gong's reporting lines: "Reports to Ann · Team of 4". */
function reportingLine(gongUser: DirectoryGongUser): string {
  const parts = [gongUser.managerName ? `Reports to ${gongUser.managerName}` : null, gongUser.teamSize > 0 ? `Team of ${gongUser.teamSize}` : null];
  return parts.filter(Boolean).join(" · ");
}

function withLine(detail: string, gongUser: DirectoryGongUser): string {
  const line = reportingLine(gongUser);
  return line ? `${detail} · ${line}` : detail;
}

function Empty({ children }: { children: React.ReactNode }) {
  return <li className="px-5 py-3 text-sm text-muted-foreground">{children}</li>;
}

/** Linked people, app users without a Gong account, and Gong users without an app account. */
export function GongLinksCards({ directory, hasConnection, managersSeeTeam }: { directory: UserGongDirectory; hasConnection: boolean; managersSeeTeam: boolean }) {
  const options = directory.gongOnly.map(({ id, name, email }) => ({ id, name, email }));
  return (
    <>
      <Card>
        <CardHeader title="Linked to Gong" description={`${directory.linked.length} app users matched to their Gong user. Reps see the calls of their Gong user${managersSeeTeam ? " and of anyone who reports to them in Gong" : ""}.`} />
        <ul className="divide-y divide-border" aria-label="Linked users">
          {directory.linked.map(({ user, gongUser, source }) => (
            <Row key={user.id}>
              <Person
                name={user.name}
                detail={withLine(`Gong: ${gongUser.name}${gongUser.email ? ` · ${gongUser.email}` : ""}`, gongUser)}
                badge={
                  <>
                    <Badge tone={source === "manual" ? "accent" : "neutral"}>{source === "manual" ? "Linked by an admin" : "Matched by email"}</Badge>{" "}
                    {managersSeeTeam && user.role === "rep" && gongUser.teamSize > 0 ? <Badge tone="success">Sees {gongUser.name}&apos;s team</Badge> : null}
                  </>
                }
              />
              <UnlinkButton userId={user.id} name={user.name} gongUserName={gongUser.name} />
            </Row>
          ))}
          {directory.linked.length === 0 ? <Empty>{hasConnection ? "Nobody is linked yet. Link app users below." : "Connect Gong to match app users to Gong users by email."}</Empty> : null}
        </ul>
      </Card>
      <Card>
        <CardHeader title="App users without a Gong user" description="They see no calls until linked." />
        <ul className="divide-y divide-border" aria-label="App users without a Gong user">
          {directory.appOnly.map(({ user, unlinkedByAdmin }) => (
            <Row key={user.id}>
              <Person name={user.name} detail={user.role === "admin" ? "Admin" : "Rep"} badge={unlinkedByAdmin ? <Badge>Unlinked by an admin</Badge> : null} />
              <LinkForm userId={user.id} name={user.name} options={options} />
            </Row>
          ))}
          {directory.appOnly.length === 0 ? <Empty>Every app user is linked.</Empty> : null}
        </ul>
      </Card>
      <Card>
        <CardHeader title="Gong users without an app account" description="Invite them as reps, or link them to an existing app user above." />
        <ul className="divide-y divide-border" aria-label="Gong users without an app account">
          {directory.gongOnly.map((gongUser) => (
            <Row key={gongUser.id}>
              <Person name={gongUser.name} detail={withLine(gongUser.email ?? "No email", gongUser)} badge={gongUser.active ? null : <Badge>Inactive in Gong</Badge>} />
              <InviteButton gongUserId={gongUser.id} name={gongUser.name} hasEmail={!!gongUser.email} />
            </Row>
          ))}
          {directory.gongOnly.length === 0 ? <Empty>{hasConnection ? "Every Gong user has an app account." : "Gong users appear here once Gong is connected and synced."}</Empty> : null}
        </ul>
      </Card>
    </>
  );
}

import { GongConnectionBanner } from "@/components/shell/gong-connection-banner";
import { Sidebar } from "@/components/shell/sidebar";
import { db } from "@/db";
import { getGongConnectionStatus } from "@/db/queries/gong-connections";
import { SignOutButton } from "./sign-out-button";
import { requireUserOrRedirect } from "@/lib/auth/session";

// Shell only: it reads the user to draw the navigation, and the connection's status for the banner while Gong is
// unreachable; each page makes its own access decision.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUserOrRedirect({ allowPendingPasswordChange: true });
  const status = await getGongConnectionStatus(db, user.organizationId);
  return (
    <div className="md:flex">
      <Sidebar user={{ name: user.name, email: user.email, role: user.role }} signOut={<SignOutButton />} />
      <main className="min-w-0 flex-1 px-4 py-6 md:px-10 md:py-8">
        <div className="mx-auto max-w-6xl">
          {status === "revoked" || status === "needs_reauth" ? <GongConnectionBanner status={status} role={user.role} /> : null}
          {children}
        </div>
      </main>
    </div>
  );
}

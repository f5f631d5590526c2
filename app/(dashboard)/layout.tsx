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
      <a
        href="#main-content"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow-md"
      >
        Skip to main content
      </a>
      <Sidebar user={{ name: user.name, email: user.email, role: user.role }} signOut={<SignOutButton />} />
      <main id="main-content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-10 md:py-8">
        <div className="mx-auto max-w-6xl">
          {status === "revoked" || status === "needs_reauth" ? <GongConnectionBanner status={status} role={user.role} /> : null}
          {children}
        </div>
      </main>
    </div>
  );
}

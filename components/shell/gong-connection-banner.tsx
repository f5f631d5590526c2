"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { TriangleAlert } from "lucide-react";

type Props = { status: "needs_reauth" | "revoked"; role: "admin" | "rep" };

const MESSAGES = {
  revoked: {
    admin: "Gong is disconnected: no calls are synced, and the webhook refuses Gong's deliveries.",
    rep: "Gong is disconnected, so new calls don't appear here until an admin reconnects it.",
  },
  needs_reauth: {
    admin: "Gong needs re-authorization: syncing is paused, and new calls announced by the webhook wait.",
    rep: "Syncing from Gong is paused until an admin reconnects it; new calls appear after that.",
  },
} as const;

/** Shown on every page while Gong can't be reached, except the connection page, which says it in full. */
export function GongConnectionBanner({ status, role }: Props) {
  const pathname = usePathname();
  if (pathname === "/settings/gong") return null;
  return (
    <div role="status" className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-warning/40 bg-warning/12 px-4 py-3 text-sm">
      <TriangleAlert className="size-4 shrink-0 text-warning" aria-hidden />
      <p className="min-w-0 flex-1 basis-60">{MESSAGES[status][role]}</p>
      {role === "admin" ? (
        <Link href="/settings/gong" className="font-medium underline underline-offset-4">
          Reconnect Gong
        </Link>
      ) : null}
    </div>
  );
}

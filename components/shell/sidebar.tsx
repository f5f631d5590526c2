"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Activity, Braces, ChartLine, Link2, Menu, Phone, PlugZap, Send, Tags, Users, Webhook, X } from "lucide-react";
import { cn } from "@/lib/utils";
import { ADMIN_NAV, MAIN_NAV, type NavItem } from "./nav-items";

const ICONS = { calls: Phone, trends: ChartLine, gong: PlugZap, webhook: Webhook, users: Users, sync: Activity, api: Braces, trackers: Tags, outbound: Send } as const;

type SidebarProps = { user: { name: string; email: string; role: "admin" | "rep" }; signOut: React.ReactNode };

export function Sidebar({ user, signOut }: SidebarProps) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const toggle = useRef<HTMLButtonElement>(null);

  // The phone menu closes on Escape, giving focus back to its button.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <div className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-border bg-background/90 px-4 backdrop-blur md:hidden">
        <Brand />
        <button
          ref={toggle}
          type="button"
          className="rounded-md p-2 hover:bg-muted"
          aria-label={open ? "Close menu" : "Open menu"}
          aria-expanded={open}
          aria-controls="sidebar"
          onClick={() => setOpen((value) => !value)}
        >
          {open ? <X className="size-5" /> : <Menu className="size-5" />}
        </button>
      </div>
      <aside
        id="sidebar"
        className={cn(
          "fixed inset-y-0 left-0 z-40 flex w-64 flex-col border-r border-border bg-card transition-transform md:sticky md:top-0 md:h-dvh md:translate-x-0",
          // Closed, the phone menu is out of the tab order too, not just off screen.
          open ? "translate-x-0" : "-translate-x-full max-md:invisible",
        )}
      >
        <div className="hidden h-14 items-center px-5 md:flex">
          <Brand />
        </div>
        <nav aria-label="Main" className="flex-1 space-y-6 overflow-y-auto px-3 py-4 md:py-2" onClick={() => setOpen(false)}>
          <NavGroup items={MAIN_NAV} pathname={pathname} />
          {user.role === "admin" ? <NavGroup title="Settings" items={ADMIN_NAV} pathname={pathname} /> : null}
        </nav>
        <div className="border-t border-border p-3">
          <Link
            href="/account"
            aria-current={pathname === "/account" ? "page" : undefined}
            onClick={() => setOpen(false)}
            className={cn("mb-2 block rounded-md px-2 py-1.5 hover:bg-muted", pathname === "/account" && "bg-muted")}
          >
            <span className="sr-only">Your account: </span>
            <span className="block truncate text-sm font-medium">{user.name}</span>
            <span className="block truncate text-xs text-muted-foreground">
              {user.email} · {user.role === "admin" ? "Admin" : "Rep"}
            </span>
          </Link>
          {signOut}
        </div>
      </aside>
      {open ? <div className="fixed inset-0 z-30 bg-black/30 md:hidden" aria-hidden onClick={() => setOpen(false)} /> : null}
    </>
  );
}

function Brand() {
  return (
    <Link href="/calls" className="flex items-center gap-2 font-semibold tracking-tight">
      <Link2 className="size-5 text-accent" aria-hidden />
      Callbridge
    </Link>
  );
}

function NavGroup({ title, items, pathname }: { title?: string; items: NavItem[]; pathname: string }) {
  return (
    <div>
      {title ? <p className="mb-1 px-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">{title}</p> : null}
      <ul className="space-y-0.5">
        {items.map((item) => {
          const Icon = ICONS[item.icon];
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm",
                  active ? "bg-muted font-medium text-foreground" : "text-muted-foreground hover:bg-muted hover:text-foreground",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

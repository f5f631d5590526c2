export type NavItem = { href: string; label: string; icon: "calls" | "trends" | "gong" | "webhook" | "users" | "sync" | "api" | "trackers" | "outbound" };

export const MAIN_NAV: NavItem[] = [
  { href: "/calls", label: "Calls", icon: "calls" },
  { href: "/trends", label: "Trends", icon: "trends" },
];

export const ADMIN_NAV: NavItem[] = [
  { href: "/settings/gong", label: "Gong connection", icon: "gong" },
  { href: "/settings/webhook", label: "Webhook", icon: "webhook" },
  { href: "/settings/users", label: "Users & links", icon: "users" },
  { href: "/settings/trackers", label: "Trackers", icon: "trackers" },
  { href: "/settings/sync", label: "Sync activity", icon: "sync" },
  { href: "/settings/api", label: "API", icon: "api" },
  { href: "/settings/outbound", label: "Outbound", icon: "outbound" },
];

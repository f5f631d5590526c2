import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/db";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { getSyncRunDetail } from "@/lib/sync/get-sync-run-detail";
import { RunDetail } from "./run-detail";

export const metadata: Metadata = { title: "Sync run" };

export default async function SyncRunPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminOrForbidden();
  const id = z.uuid().safeParse((await params).id);
  const detail = id.success ? await getSyncRunDetail(db, admin.organizationId, id.data) : undefined;
  if (!detail) notFound();
  return <RunDetail initial={detail} />;
}

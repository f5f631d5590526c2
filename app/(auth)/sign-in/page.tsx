import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { isDemoMode } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const DEMO_SIGN_INS = [
  { email: "admin@acme.test", role: "admin" },
  { email: "rep1@acme.test", role: "rep" },
];

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (await getSessionUser()) redirect("/calls");
  const { next } = await searchParams;
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG needs no optimisation */}
          <img src="/icon.svg" alt="" width={40} height={40} className="mx-auto mb-3" />
          <h1 className="text-xl font-semibold tracking-tight">Sign in to Callbridge</h1>
          <p className="mt-1 text-sm text-muted-foreground">Your Gong calls, transcripts and insights.</p>
        </div>
        <div className="rounded-lg border border-border bg-card p-6 shadow-xs">
          <SignInForm next={next} />
        </div>
        {isDemoMode() ? (
          <p className="mt-4 text-center text-xs text-muted-foreground">
            Demo: {DEMO_SIGN_INS.map((entry) => `${entry.email} (${entry.role})`).join(", ")} · password{" "}
            <code className="font-mono">demo-password</code>
          </p>
        ) : null}
      </div>
    </main>
  );
}

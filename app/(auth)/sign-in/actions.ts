"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";

export type SignInState = { error?: string; email?: string };

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password."),
  next: z.string().optional(),
});

const RATE_LIMITED: Record<string, string> = {
  email: "Too many failed sign-ins for this email. Try again in {wait}, or from a browser you have signed in with before.",
  address: "Too many failed sign-ins from your network. Try again in {wait}, or from a browser you have signed in with before.",
  shared: "Too many failed sign-ins on Callbridge just now. Try again in {wait}, or from a browser you have signed in with before.",
  device: "Too many failed sign-ins in this browser. Try again in {wait}.",
};

function rateLimitedMessage(code: string): string {
  const [, scope = "", minutes = "15"] = code.split(":");
  const wait = `${minutes} minute${minutes === "1" ? "" : "s"}`;
  return (RATE_LIMITED[scope] ?? "Too many failed sign-in attempts. Try again in {wait}.").replace("{wait}", wait);
}

function safeRedirectTarget(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/calls";
}

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) return { error: parsed.error.issues[0]?.message, email };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeRedirectTarget(parsed.data.next),
    });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code.startsWith("rate_limited:")) return { error: rateLimitedMessage(error.code), email };
    if (error instanceof AuthError) return { error: "That email and password don't match an account.", email };
    throw error;
  }
}

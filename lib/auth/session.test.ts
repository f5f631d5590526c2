import { beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "@/db/schema";

// The session cookie and the users table are the two inputs; everything after them is the code under test.
const inputs = vi.hoisted(() => ({ sessionUserId: null as string | null, sessionVersion: 0, user: undefined as User | undefined }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (inputs.sessionUserId ? { user: { id: inputs.sessionUserId, sessionVersion: inputs.sessionVersion } } : null),
}));
vi.mock("@/db", () => ({ db: {} }));
vi.mock("@/db/queries/users", () => ({ getUser: async (_db: unknown, id: string) => (inputs.user?.id === id ? inputs.user : undefined) }));

const { requireAdminOrThrow, requireUserOrRedirect, requireUserOrThrow } = await import("./session");

function signIn(overrides: Partial<User>) {
  inputs.user = {
    id: "8a6b0c2e-0000-4000-8000-000000000001",
    organization_id: "8a6b0c2e-0000-4000-8000-0000000000aa",
    email: "rep@acme.test",
    name: "Rep",
    role: "rep",
    password_hash: "x",
    password_change_required: false,
    session_version: 0,
    deactivated_at: null,
    created_at: new Date(),
    updated_at: new Date(),
    ...overrides,
  };
  inputs.sessionUserId = inputs.user.id;
  inputs.sessionVersion = inputs.user.session_version;
}

async function redirectTarget(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

beforeEach(() => {
  inputs.sessionUserId = null;
  inputs.user = undefined;
});

describe("route handlers and pages share one gate", () => {
  it("let a signed-in user with their own password through", async () => {
    signIn({ role: "admin" });
    expect((await requireUserOrThrow()).email).toBe("rep@acme.test");
    expect((await requireAdminOrThrow()).role).toBe("admin");
    expect(await redirectTarget(() => requireUserOrRedirect())).toBeUndefined();
  });

  it("refuse anyone signed out: 401 for routes, the sign-in page for pages", async () => {
    await expect(requireUserOrThrow()).rejects.toMatchObject({ code: "unauthorized" });
    expect(await redirectTarget(() => requireUserOrRedirect())).toBe("/sign-in");
  });

  it("refuse a session issued before the user's sessions were ended", async () => {
    signIn({ role: "admin", session_version: 3 });
    inputs.sessionVersion = 2;
    await expect(requireUserOrThrow()).rejects.toMatchObject({ code: "unauthorized" });
    expect(await redirectTarget(() => requireUserOrRedirect())).toBe("/sign-in");
  });

  it("refuse a deactivated user even with a session of the current version", async () => {
    signIn({ role: "admin", deactivated_at: new Date() });
    await expect(requireUserOrThrow()).rejects.toMatchObject({ code: "unauthorized" });
    expect(await redirectTarget(() => requireUserOrRedirect())).toBe("/sign-in");
  });

  it("refuse a user still on a one-time password: 403 for routes, the password page for pages", async () => {
    signIn({ role: "admin", password_change_required: true });
    await expect(requireUserOrThrow()).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/new password/) });
    await expect(requireAdminOrThrow()).rejects.toMatchObject({ code: "forbidden" });
    expect(await redirectTarget(() => requireUserOrRedirect())).toBe("/account/password");
    expect(await redirectTarget(() => requireUserOrRedirect({ allowPendingPasswordChange: true }))).toBeUndefined();
  });

  it("keep recordings from a user still on a one-time password", async () => {
    signIn({ password_change_required: true });
    const { GET } = await import("@/app/api/calls/[id]/media/route");
    const response = await GET(new Request("http://callbridge.test/api/calls/x/media?format=json"), { params: Promise.resolve({ id: "x" }) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
  });
});

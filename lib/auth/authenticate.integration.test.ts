import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrganization } from "@/db/queries/organizations";
import { createUser, setUserDeactivated } from "@/db/queries/users";
import { logger } from "@/lib/observability/logger";
import { processMetrics } from "@/lib/observability/process-metrics";
import { createMigratedTestDatabase, type MigratedTestDatabase } from "@/test-support/migrated-database";
import { type AuthenticationResult, authenticateWithPassword } from "./authenticate";
import type { ClientAddress } from "./client-address";
import { hashPassword } from "./password";
import { SIGN_IN_MAX_FAILURES, SIGN_IN_MAX_FAILURES_ON_KNOWN_DEVICE, SIGN_IN_MAX_SHARED_FAILURES, SIGN_IN_WINDOW_MINUTES } from "./sign-in-limits";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const ip = (address: string): ClientAddress => ({ key: `ip:${address}`, shared: false });
const lockouts = async (scope: string) => (await processMetrics.signInLockouts.get()).values.find((sample) => sample.labels.scope === scope)?.value ?? 0;
const evaluated = (results: AuthenticationResult[]) => results.filter((result) => !result.ok && result.reason === "invalid_credentials").length;

describe("authenticateWithPassword", () => {
  let database: MigratedTestDatabase;
  let acmeId: string;
  let globexId: string;
  const signIn = (email: string, password: string, client: ClientAddress, deviceToken?: string) =>
    authenticateWithPassword(database.db, { email, password, client, deviceToken, secret: SECRET });
  const addUser = async (organizationId: string, email: string, password: string) =>
    createUser(database.db, { organization_id: organizationId, email, name: email, role: "rep", password_hash: await hashPassword(password) });
  const counted = async (key: string) =>
    (await database.db.selectFrom("sign_in_attempts").select("counted_at").where("key", "=", key).executeTakeFirst())?.counted_at.length ?? 0;

  beforeAll(async () => {
    database = await createMigratedTestDatabase();
    acmeId = (await createOrganization(database.db, { name: "Acme" })).id;
    globexId = (await createOrganization(database.db, { name: "Globex" })).id;
    await createUser(database.db, { organization_id: acmeId, email: "Pat@Example.test", name: "Pat", role: "rep", password_hash: await hashPassword("right-password") });
    await createUser(database.db, {
      organization_id: globexId,
      email: "pat@example.test",
      name: "Pat at Globex",
      role: "admin",
      password_hash: await hashPassword("globex-password"),
    });
  });
  /** `count` attempts against `key`, all counted `minutesAgo` minutes ago. */
  const countedBefore = (key: string, count: number, minutesAgo: number) =>
    sql`insert into sign_in_attempts (key, counted_at)
        values (${key}, array_fill(now() - make_interval(mins => ${minutesAgo}), array[${count}::int]))`.execute(database.db);
  afterAll(() => database.drop());
  afterEach(() => vi.restoreAllMocks());

  it("signs in case-insensitively and picks the organization whose password matches", async () => {
    const acme = await signIn(" PAT@example.test ", "right-password", ip("10.0.0.1"));
    expect(acme.ok && acme.user.name).toBe("Pat");
    const globex = await signIn("pat@example.test", "globex-password", ip("10.0.0.1"));
    expect(globex.ok && globex.user.name).toBe("Pat at Globex");
  });

  it("rejects a wrong password and an unknown email the same way", async () => {
    expect(await signIn("pat@example.test", "nope", ip("10.0.0.2"))).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await signIn("who@example.test", "nope", ip("10.0.0.2"))).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("clears only the failures of the account signed in to, not those of another organization's account with the email", async () => {
    const acmeDana = await addUser(acmeId, "dana@example.test", "dana-acme");
    const globexDana = await addUser(globexId, "dana@example.test", "dana-globex");
    await signIn("dana@example.test", "guess", ip("10.0.1.1"));
    await signIn("dana@example.test", "guess", ip("10.0.1.2"));
    expect(await counted(`user:${globexDana.id}`)).toBe(2);
    expect((await signIn("dana@example.test", "dana-acme", ip("10.0.1.3"))).ok).toBe(true);
    // Acme's Dana is the older account, tried first: Globex's was not guessed at, so nothing more counts against it.
    expect(await counted(`user:${globexDana.id}`)).toBe(2);
    expect(await counted(`user:${acmeDana.id}`)).toBe(0);
    expect(await counted("ip:10.0.1.3")).toBe(0);
    // Signing in to Globex's Dana checked Acme's password first and failed: that check stays counted.
    expect((await signIn("dana@example.test", "dana-globex", ip("10.0.1.4"))).ok).toBe(true);
    expect(await counted(`user:${acmeDana.id}`)).toBe(1);
    expect(await counted(`user:${globexDana.id}`)).toBe(0);
  });

  it("blocks an account after too many failures, even with the right password", async () => {
    await addUser(acmeId, "max@example.test", "max-password");
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) await signIn("max@example.test", "guess", ip(`10.1.0.${attempt}`));
    const blocked = await signIn("max@example.test", "max-password", ip("10.2.0.1"));
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited", scope: "email" });
    expect(blocked.ok === false && blocked.reason === "rate_limited" && blocked.retryAfterMinutes).toBeGreaterThanOrEqual(1);
  });

  it("evaluates no more guesses than the limit when they arrive all at once (each is counted before its hash)", async () => {
    await addUser(acmeId, "race@example.test", "race-password");
    const results = await Promise.all(Array.from({ length: 60 }, (_, attempt) => signIn("race@example.test", `guess-${attempt}`, ip(`10.3.${attempt}.1`))));
    expect(evaluated(results)).toBe(SIGN_IN_MAX_FAILURES);
    expect(results.filter((result) => !result.ok && result.reason === "rate_limited")).toHaveLength(60 - SIGN_IN_MAX_FAILURES);
    expect(await signIn("race@example.test", "race-password", ip("10.4.0.1"))).toMatchObject({ ok: false, reason: "rate_limited" });
    // The refused attempts gave back what they had counted against their addresses.
    expect(await counted("ip:10.3.59.1")).toBeLessThanOrEqual(1);
  });

  it("blocks a client address that tries many emails", async () => {
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) await signIn(`spray${attempt}@example.test`, "guess", ip("10.9.9.9"));
    expect(await signIn("someone@example.test", "x", ip("10.9.9.9"))).toMatchObject({ ok: false, reason: "rate_limited", scope: "address" });
    expect((await signIn("pat@example.test", "right-password", ip("10.9.9.10"))).ok).toBe(true);
  });

  it("lets a browser that signed in before past failures others caused, with a larger allowance, not an unlimited one", async () => {
    await addUser(acmeId, "boss@example.test", "boss-password");
    const laptop = await signIn("boss@example.test", "boss-password", ip("10.5.0.1"));
    const phone = await signIn("boss@example.test", "boss-password", ip("10.5.0.2"));
    if (!laptop.ok || !phone.ok) throw new Error("the boss could not sign in");
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES + 3; attempt++) await signIn("boss@example.test", "guess", ip(`10.6.0.${attempt}`));
    expect(await signIn("boss@example.test", "boss-password", ip("10.7.0.1"))).toMatchObject({ ok: false, reason: "rate_limited", scope: "email" });
    // Someone holding the laptop's cookie (stolen) is limited on that device, and the account's limit still holds:
    // with the failures others caused, theirs fill the allowance known devices have, so even the phone is refused.
    const stolen: AuthenticationResult[] = [];
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES + 1; attempt++) stolen.push(await signIn("boss@example.test", "guess", ip(`10.8.0.${attempt}`), laptop.deviceToken));
    expect(evaluated(stolen)).toBe(SIGN_IN_MAX_FAILURES_ON_KNOWN_DEVICE - SIGN_IN_MAX_FAILURES);
    expect(stolen.at(-1)).toMatchObject({ ok: false, reason: "rate_limited", scope: "device" });
    expect(await signIn("boss@example.test", "boss-password", ip("10.7.0.1"), phone.deviceToken)).toMatchObject({ ok: false, reason: "rate_limited", scope: "email" });
  });

  it("lets the owner's own browser in while others have locked the account", async () => {
    await addUser(acmeId, "owner@example.test", "owner-password");
    const own = await signIn("owner@example.test", "owner-password", ip("10.10.0.1"));
    if (!own.ok) throw new Error("the owner could not sign in");
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) await signIn("owner@example.test", "guess", ip(`10.11.0.${attempt}`));
    expect(await signIn("owner@example.test", "owner-password", ip("10.10.0.1"))).toMatchObject({ ok: false, reason: "rate_limited", scope: "email" });
    const again = await signIn("owner@example.test", "owner-password", ip("10.10.0.1"), own.deviceToken);
    expect(again.ok).toBe(true);
    // The device id carries over: the new cookie names the same browser.
    expect(again.ok && again.deviceToken.split(".")[0]).toBe(own.deviceToken.split(".")[0]);
  });

  it("limits guesses at another organization's account through one's own copy of its email and a device cookie", async () => {
    const initech = await createOrganization(database.db, { name: "Initech" });
    const victim = await addUser(initech.id, "ceo@initech.test", "victim-secret");
    // An admin of Acme adds a user with the victim's email, signs in to it and keeps the device cookie.
    await addUser(acmeId, "ceo@initech.test", "attacker-own");
    const first = await signIn("ceo@initech.test", "attacker-own", ip("203.0.113.1"));
    if (!first.ok) throw new Error("the attacker could not sign in to their copy");
    let deviceToken = first.deviceToken;
    const guesses: AuthenticationResult[] = [];
    for (let round = 0; round < SIGN_IN_MAX_FAILURES + 1; round++) {
      // A fresh address for every guess: only the victim's account limit is left to stop them.
      guesses.push(await signIn("ceo@initech.test", `guess-${round}`, ip(`203.0.114.${round}`), deviceToken));
      const own = await signIn("ceo@initech.test", "attacker-own", ip(`203.0.115.${round}`), deviceToken);
      if (own.ok) deviceToken = own.deviceToken;
    }
    // Their first sign-in, before the cookie, checked the victim's password too (the older account goes first).
    expect(evaluated(guesses)).toBe(SIGN_IN_MAX_FAILURES - 1);
    expect(guesses.at(-1)).toMatchObject({ ok: false, reason: "rate_limited", scope: "email" });
    expect(await counted(`user:${victim.id}`)).toBe(SIGN_IN_MAX_FAILURES);
  });

  it("never lets attempts made while locked extend the lockout", async () => {
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) await signIn("locked@example.test", "guess", ip(`10.12.0.${attempt}`));
    const before = await counted("email:locked@example.test");
    for (let attempt = 0; attempt < 5; attempt++) {
      const blocked = await signIn("locked@example.test", "guess", ip("10.13.0.1"));
      expect(blocked.ok === false && blocked.reason === "rate_limited" && blocked.retryAfterMinutes).toBeLessThanOrEqual(SIGN_IN_WINDOW_MINUTES);
    }
    expect(await counted("email:locked@example.test")).toBe(before);
    expect(await counted("ip:10.13.0.1")).toBe(0);
  });

  it("counts every client against one shared bucket when no address can be told, with a limit to match", async () => {
    const shared = { key: "shared", shared: true };
    await addUser(acmeId, "sam@example.test", "sam-password");
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) await signIn(`typo${attempt}@example.test`, "guess", shared);
    expect((await signIn("sam@example.test", "sam-password", shared)).ok).toBe(true);
    const full = Array.from({ length: SIGN_IN_MAX_SHARED_FAILURES }, () => new Date());
    await database.db.updateTable("sign_in_attempts").set({ counted_at: full }).where("key", "=", "shared").execute();
    expect(await signIn("next@example.test", "guess", shared)).toMatchObject({ ok: false, reason: "rate_limited", scope: "shared" });
  });

  it("counts an email no account has under its trimmed, lowercased spelling, so every spelling shares one limit", async () => {
    await signIn(" Nobody@Example.TEST ", "guess", ip("10.14.0.1"));
    await signIn("NOBODY@example.test", "guess", ip("10.14.0.2"));
    expect(await counted("email:nobody@example.test")).toBe(2);
  });

  it("refuses a deactivated account its right password, trying it as an email no account has", async () => {
    const gone = await addUser(acmeId, "gone@example.test", "gone-password");
    await setUserDeactivated(database.db, gone.id, true);
    expect(await signIn("gone@example.test", "gone-password", ip("10.15.0.1"))).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await counted("email:gone@example.test")).toBe(1);
    expect(await counted(`user:${gone.id}`)).toBe(0);
  });

  it("clears the device's failures as well as the account's when its owner signs in from it", async () => {
    const kai = await addUser(acmeId, "kai@example.test", "kai-password");
    const first = await signIn("kai@example.test", "kai-password", ip("10.16.0.1"));
    if (!first.ok) throw new Error("Kai could not sign in");
    for (let attempt = 0; attempt < 3; attempt++) await signIn("kai@example.test", "guess", ip("10.16.0.2"), first.deviceToken);
    const device = `device:${first.deviceToken.split(".")[0]}`;
    expect([await counted(device), await counted(`user:${kai.id}`)]).toEqual([3, 3]);
    expect((await signIn("kai@example.test", "kai-password", ip("10.16.0.3"), first.deviceToken)).ok).toBe(true);
    expect([await counted(device), await counted(`user:${kai.id}`)]).toEqual([0, 0]);
  });

  it("says which limit holds longest when several are hit, in the answer, the log and the lockout metric", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    // The address's limit was reached a minute ago and holds 14 more minutes; the email's, 10 minutes ago, 5 more.
    await countedBefore("email:late@example.test", SIGN_IN_MAX_FAILURES, 10);
    await countedBefore("ip:10.17.0.1", SIGN_IN_MAX_FAILURES, 1);
    const [address, email] = [await lockouts("address"), await lockouts("email")];
    expect(await signIn("late@example.test", "guess", ip("10.17.0.1"))).toEqual({ ok: false, reason: "rate_limited", scope: "address", retryAfterMinutes: 14 });
    expect(warn.mock.calls).toEqual([[{ reason: "rate_limited", scope: "address", retryAfterMinutes: 14 }, "sign-in refused: too many failed attempts"]]);
    expect([await lockouts("address"), await lockouts("email")]).toEqual([address + 1, email]);
    // And the other way round: the email's limit holds longer.
    await countedBefore("email:early@example.test", SIGN_IN_MAX_FAILURES, 2);
    await countedBefore("ip:10.17.0.2", SIGN_IN_MAX_FAILURES, 12);
    expect(await signIn("early@example.test", "guess", ip("10.17.0.2"))).toEqual({ ok: false, reason: "rate_limited", scope: "email", retryAfterMinutes: 13 });
    expect([await lockouts("address"), await lockouts("email")]).toEqual([address + 1, email + 1]);
  });

  it("names the account's limit when the account and the address were locked by the same failures", async () => {
    for (let attempt = 0; attempt < SIGN_IN_MAX_FAILURES; attempt++) await signIn("tie@example.test", "guess", ip("10.18.0.1"));
    expect(await signIn("tie@example.test", "guess", ip("10.18.0.1"))).toEqual({ ok: false, reason: "rate_limited", scope: "email", retryAfterMinutes: 15 });
  });

  it("logs who signed in and whether from a known browser, and a failure without the email", async () => {
    const info = vi.spyOn(logger, "info").mockImplementation(() => undefined);
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const lee = await addUser(acmeId, "lee@example.test", "lee-password");
    const first = await signIn("lee@example.test", "lee-password", ip("10.19.0.1"));
    if (!first.ok) throw new Error("Lee could not sign in");
    await signIn("lee@example.test", "lee-password", ip("10.19.0.1"), first.deviceToken);
    const succeeded = { userId: lee.id, organizationId: acmeId };
    expect(info.mock.calls).toEqual([
      [{ ...succeeded, knownDevice: false }, "sign-in succeeded"],
      [{ ...succeeded, knownDevice: true }, "sign-in succeeded"],
    ]);
    await signIn("lee@example.test", "guess", ip("10.19.0.2"));
    await signIn("nobody-here@example.test", "guess", ip("10.19.0.3"));
    expect(warn.mock.calls).toEqual([
      [{ reason: "invalid_credentials", accounts: 1, client: "ip:10.19.0.2" }, "sign-in failed"],
      [{ reason: "invalid_credentials", accounts: 0, client: "ip:10.19.0.3" }, "sign-in failed"],
    ]);
  });
});

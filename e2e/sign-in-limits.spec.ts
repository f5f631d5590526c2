import { expect, test } from "@playwright/test";
import { hashPassword } from "../lib/auth/password";
import { seedOrganization, seedUser } from "../test-support/seed-calls";
import { e2eDb } from "./fixtures/db";
import { type SignInOutcome, canConnect, createHttpClient, signInOverHttp } from "./fixtures/http-sign-in";

// Attacks on the sign-in limits over plain HTTP, from scripts as an attacker would send them. Each test leaves no
// counted attempt behind, as the specs after it sign in from these same loopback addresses.
const suffix = Date.now().toString(36);
const LIMIT = 10;
let organizationId: string;
let passwordHash: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  organizationId = await seedOrganization(e2eDb(), `Limits ${suffix}`);
  passwordHash = await hashPassword("the-right-password");
});

test.afterEach(async () => {
  await e2eDb().deleteFrom("sign_in_attempts").execute();
});

const addUser = (email: string, hash = passwordHash, organization = organizationId) =>
  seedUser(e2eDb(), { organizationId: organization, email, name: email, role: "rep", passwordHash: hash });
const evaluated = (outcomes: SignInOutcome[]) => outcomes.filter((outcome) => outcome === "invalid").length;

test("parallel guesses against one account are evaluated no more often than the limit", async () => {
  const email = `race-${suffix}@limits.test`;
  await addUser(email);
  const outcomes = await Promise.all(Array.from({ length: 3 * LIMIT }, (_, guess) => signInOverHttp(createHttpClient(), email, `guess-${guess}`)));
  expect(evaluated(outcomes)).toBeLessThanOrEqual(LIMIT);
  expect(outcomes.filter((outcome) => outcome.startsWith("rate_limited:"))).toHaveLength(3 * LIMIT - evaluated(outcomes));
});

test("an admin's copy of another organization's email and its device cookie are no way to guess that account's password", async () => {
  const email = `ceo-${suffix}@initech.test`;
  const victimId = await addUser(email, await hashPassword("the-victims-password"), await seedOrganization(e2eDb(), `Initech ${suffix}`));
  // The attacker, an admin of this organization, adds a user with the victim's email and signs in to it once.
  await addUser(email);
  const attacker = createHttpClient();
  expect(await signInOverHttp(attacker, email, "the-right-password")).toBe("signed-in");
  expect(attacker.cookies.has("callbridge.device")).toBe(true);
  const guesses: SignInOutcome[] = [];
  for (let round = 0; round < LIMIT + 2; round++) {
    guesses.push(await signInOverHttp(attacker, email, `guess-${round}`));
    await signInOverHttp(attacker, email, "the-right-password");
  }
  expect(evaluated(guesses)).toBeLessThanOrEqual(LIMIT);
  expect(guesses.at(-1)).toMatch(/^rate_limited:email:/);
  const victim = await e2eDb().selectFrom("sign_in_attempts").select("counted_at").where("key", "=", `user:${victimId}`).executeTakeFirst();
  expect(victim?.counted_at).toHaveLength(LIMIT);
});

test("failures are counted per TCP client, whatever forwarding headers it writes, so one client cannot lock out another", async () => {
  const email = `colleague-${suffix}@limits.test`;
  await addUser(email);
  const noisy = createHttpClient("127.0.0.1");
  for (let attempt = 0; attempt < LIMIT; attempt++) {
    const spoofed = { "x-forwarded-for": `203.0.113.${attempt}`, "x-real-ip": `203.0.113.${attempt}`, "x-callbridge-socket-address": `198.51.100.${attempt}` };
    expect(await signInOverHttp(noisy, `nobody-${attempt}-${suffix}@limits.test`, "guess", spoofed)).toBe("invalid");
  }
  expect(await signInOverHttp(noisy, email, "the-right-password")).toMatch(/^rate_limited:address:/);
  // Another machine: IPv6 loopback, or (without IPv6) another IPv4 loopback address.
  const other = (await canConnect("::1")) ? createHttpClient("::1") : createHttpClient("127.0.0.1", "127.0.0.2");
  expect(await signInOverHttp(other, email, "the-right-password")).toBe("signed-in");
  const keys = await e2eDb().selectFrom("sign_in_attempts").select("key").where("key", "like", "ip:%").execute();
  expect(keys.map((row) => row.key)).not.toContainEqual(expect.stringMatching(/203\.0\.113|198\.51\.100/));
});

import { getOrCreateOrganization, setOrganizationExternalId } from "../db/queries/organizations";
import { upsertSeedUser } from "../db/queries/users";
import { hashPassword } from "../lib/auth/password";
import { createScriptDb } from "./script-db";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_CUSTOMER_ID = "acme";

export const DEMO_USERS = [
  { email: "admin@acme.test", name: "Ada Admin", role: "admin" },
  { email: "rep1@acme.test", name: "Riley Rep", role: "rep" },
  { email: "rep2@acme.test", name: "Sam Seller", role: "rep" },
  { email: "rep3@acme.test", name: "Taylor Trade", role: "rep" },
] as const;

/** Organization "Acme" and its demo users; running it again changes nothing. */
export async function seedDemo(databaseUrl: string): Promise<{ organizationId: string }> {
  const db = createScriptDb(databaseUrl);
  try {
    const organization = await getOrCreateOrganization(db, "Acme");
    // The customer_id a platform API key names Acme by.
    if (organization.external_id !== DEMO_CUSTOMER_ID) await setOrganizationExternalId(db, organization.id, DEMO_CUSTOMER_ID);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const user of DEMO_USERS) {
      await upsertSeedUser(db, { ...user, organization_id: organization.id, password_hash: passwordHash });
    }
    return { organizationId: organization.id };
  } finally {
    await db.destroy();
  }
}

import { parseArgs } from "node:util";
import { z } from "zod";
import { getOrCreateOrganization, setOrganizationExternalId } from "../db/queries/organizations";
import { createUserWithOneTimePassword } from "../lib/users/create-user-with-one-time-password";
import { createScriptDb } from "./script-db";

const argsSchema = z.object({
  email: z.email("--email must be an email address"),
  organization: z.string().trim().min(1, "--organization is required"),
  name: z.string().trim().min(1).optional(),
  "customer-id": z
    .string()
    .trim()
    .regex(/^[\w.-]{1,200}$/, "--customer-id may hold letters, digits, _ . and - only")
    .optional(),
});

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, organization: { type: "string" }, name: { type: "string" }, "customer-id": { type: "string" } },
  });
  const parsed = argsSchema.safeParse(values);
  const databaseUrl = process.env.DATABASE_URL;
  if (!parsed.success || !databaseUrl) {
    console.error(parsed.success ? "DATABASE_URL is not set." : parsed.error.issues.map((issue) => issue.message).join("\n"));
    console.error('usage: DATABASE_URL=… npm run create-admin -- --email you@company.com --organization "Company" [--name "Your Name"] [--customer-id acme]');
    process.exit(2);
  }
  const db = createScriptDb(databaseUrl);
  try {
    const organization = await getOrCreateOrganization(db, parsed.data.organization);
    const customerId = parsed.data["customer-id"];
    if (customerId) {
      await setOrganizationExternalId(db, organization.id, customerId);
      console.log(`"${organization.name}" has customer_id "${customerId}" for platform API keys.`);
    }
    const { user, oneTimePassword } = await createUserWithOneTimePassword(db, {
      organizationId: organization.id,
      actorUserId: null,
      email: parsed.data.email,
      name: parsed.data.name ?? parsed.data.email.split("@")[0] ?? "Admin",
      role: "admin",
    });
    console.log(`Created admin ${user.email} in "${organization.name}".`);
    console.log(`One-time password (shown once; you'll choose your own at first sign-in): ${oneTimePassword}`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

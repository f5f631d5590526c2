import { parseArgs } from "node:util";
import { z } from "zod";
import { runInTransaction } from "../db/queries/run-in-transaction";
import { getOrCreateOrganization, setOrganizationExternalId } from "../db/queries/organizations";
import { createUserWithOneTimePassword } from "../lib/users/create-user-with-one-time-password";
import { createScriptDb } from "./script-db";

const USAGE = 'usage: DATABASE_URL=… npm run create-admin -- --email you@company.com --organization "Company" [--name "Your Name"] [--customer-id acme]';

const required = (flag: string, otherwise: string) => (issue: { input: unknown }) => (issue.input === undefined ? `${flag} is required` : otherwise);

const argsSchema = z.object({
  email: z.email({ error: required("--email", "--email must be an email address") }),
  organization: z.string({ error: required("--organization", "--organization must be text") }).trim().min(1, "--organization may not be empty"),
  name: z.string().trim().min(1, "--name may not be empty").optional(),
  "customer-id": z
    .string()
    .trim()
    .regex(/^[\w.-]{1,200}$/, "--customer-id may hold letters, digits, _ . and - only")
    .optional(),
});

type Args = z.infer<typeof argsSchema>;

/** The arguments, or every problem with them (an unknown option or a flag without its value included). */
function readArgs(): { ok: true; args: Args } | { ok: false; problems: string[] } {
  try {
    const { values } = parseArgs({
      options: { email: { type: "string" }, organization: { type: "string" }, name: { type: "string" }, "customer-id": { type: "string" } },
    });
    const parsed = argsSchema.safeParse(values);
    return parsed.success ? { ok: true, args: parsed.data } : { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

async function main() {
  const read = readArgs();
  const databaseUrl = process.env.DATABASE_URL;
  if (!read.ok || !databaseUrl) {
    console.error(read.ok ? "DATABASE_URL is not set." : read.problems.join("\n"));
    console.error(USAGE);
    process.exit(2);
  }
  const { args } = read;
  const db = createScriptDb(databaseUrl);
  try {
    // One transaction: a refused admin (the email is taken) leaves no new organization or changed customer_id behind.
    const { organization, user, oneTimePassword } = await runInTransaction(db, async (trx) => {
      const organization = await getOrCreateOrganization(trx, args.organization);
      if (args["customer-id"]) await setOrganizationExternalId(trx, organization.id, args["customer-id"]);
      const created = await createUserWithOneTimePassword(trx, {
        organizationId: organization.id,
        actorUserId: null,
        email: args.email,
        name: args.name ?? args.email.split("@")[0] ?? "Admin",
        role: "admin",
      });
      return { organization, ...created };
    });
    if (args["customer-id"]) console.log(`"${organization.name}" has customer_id "${args["customer-id"]}" for platform API keys.`);
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

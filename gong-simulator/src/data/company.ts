import { encodeId } from "./ids";
import { OFFSETS_MINUTES } from "./dates";
import { createRandom } from "./prng";

export interface Workspace { id: string; name: string; description: string }

export interface CompanyUser {
  index: number;
  id: string;
  emailAddress: string;
  emailAliases: string[];
  firstName: string;
  lastName: string;
  title: string | null;
  phoneNumber: string | null;
  workspaceIndex: number;
  managerIndex: number | null;
  createdMs: number;
  active: boolean;
  /** Reps and managers own calls; the admin and inactive users do not. */
  ownsCalls: boolean;
  offsetMinutes: number;
}

export interface Company { name: string; domain: string; seed: number; workspaces: Workspace[]; users: CompanyUser[] }

const WORKSPACE_NAMES = ["Sales", "Customer Success", "Partnerships", "EMEA Sales", "Renewals"];

const NAMED_USERS: Array<[string, string, string, string | null, number]> = [
  ["admin", "Ada", "Admin", "Revenue Operations Lead", 0],
  ["rep1", "Ravi", "Shah", "Account Executive", 0],
  ["rep2", "Maya", "Chen", "Account Executive", 0],
  ["rep3", "Tom", "Becker", "Senior Account Executive", 0],
  ["sam.ortiz", "Sam", "Ortiz", "Sales Manager", 0],
  ["lena.vogel", "Lena", "Vogel", "Solutions Engineer", 0],
  ["jordan.lee", "Jordan", "Lee", "Customer Success Manager", 1],
  ["priya.nair", "Priya", "Nair", "Customer Success Manager", 1],
  ["kofi.mensah", "Kofi", "Mensah", "Head of Customer Success", 1],
  ["emma.rossi", "Emma", "Rossi", "Sales Development Rep", 0],
  ["noah.kim", "Noah", "Kim", null, 0],
  ["olga.petrova", "Olga", "Petrova", "Account Executive", 0],
];
const FIRST = ["Alex", "Jamie", "Chris", "Dana", "Morgan", "Taylor", "Casey", "Robin", "Avery", "Quinn"];
const LAST = ["Garcia", "Novak", "Silva", "Okafor", "Larsen", "Moreau", "Tanaka", "Dubois", "Kowalski", "Haddad"];

/** The simulated customer's Gong company: workspaces and users, fully determined by the seed. */
export function createCompany(input: { seed: number; name: string; workspaces: number; users: number; nowMs: number }): Company {
  const domain = `${input.name.toLowerCase().replace(/[^a-z0-9]+/g, "")}.test`;
  const workspaces = Array.from({ length: input.workspaces }, (_, i) => ({
    id: encodeId("workspace", input.seed, i),
    name: WORKSPACE_NAMES[i] ?? `Workspace ${i + 1}`,
    description: i === 0 ? "The built-in workspace" : `${WORKSPACE_NAMES[i] ?? `Workspace ${i + 1}`} team calls`,
  }));
  const users = Array.from({ length: input.users }, (_, i) => createUser(input.seed, i, domain, input.workspaces, input.nowMs));
  for (const user of users) if (user.managerIndex !== null && user.managerIndex >= users.length) user.managerIndex = null;
  return { name: input.name, domain, seed: input.seed, workspaces, users };
}

function createUser(seed: number, index: number, domain: string, workspaceCount: number, nowMs: number): CompanyUser {
  const random = createRandom(seed, "user", index);
  const named = NAMED_USERS[index];
  const [local, firstName, lastName, title, workspace] = named ?? [
    `user${index + 1}`, random.pick(FIRST), random.pick(LAST), random.pick(["Account Executive", "Sales Development Rep"]), index % workspaceCount,
  ];
  const aliases = index === 1 ? [`r.one@${domain.replace(".test", "-alias.test")}`] : index === 6 ? [`jordan@${domain.replace(".test", "-alias.test")}`] : [];
  const inactive = index === 10;
  return {
    index,
    id: encodeId("user", seed, index),
    emailAddress: `${local}@${domain}`,
    emailAliases: aliases,
    firstName,
    lastName,
    title,
    phoneNumber: random.chance(0.5) ? `+1 415-555-${String(random.int(0, 9999)).padStart(4, "0")}` : null,
    workspaceIndex: Math.min(workspace, workspaceCount - 1),
    managerIndex: index === 0 || index === 4 || index === 8 ? null : workspace === 1 ? 8 : 4,
    createdMs: nowMs - random.int(40, 900) * 86_400_000 - random.int(0, 86_399_999),
    active: !inactive,
    ownsCalls: index !== 0 && !inactive,
    offsetMinutes: random.pick(OFFSETS_MINUTES),
  };
}

const ownersCache = new WeakMap<Company, Map<number, CompanyUser[]>>();

/** Users who may be a call's primary user in a workspace (falls back to anyone who owns calls). Memoized. */
export function listCallOwners(company: Company, workspaceIndex: number): CompanyUser[] {
  const byWorkspace = ownersCache.get(company) ?? new Map<number, CompanyUser[]>();
  ownersCache.set(company, byWorkspace);
  const cached = byWorkspace.get(workspaceIndex);
  if (cached) return cached;
  const inWorkspace = company.users.filter((user) => user.ownsCalls && user.workspaceIndex === workspaceIndex);
  const owners = inWorkspace.length > 0 ? inWorkspace : company.users.filter((user) => user.ownsCalls);
  byWorkspace.set(workspaceIndex, owners);
  return owners;
}

export function findUserByEmail(company: Company, email: string): CompanyUser | undefined {
  const wanted = email.toLowerCase();
  return company.users.find((user) => user.emailAddress === wanted || user.emailAliases.includes(wanted));
}

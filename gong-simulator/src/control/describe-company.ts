import type { SimulatorState } from "../state";

/** What tests and the demo need to know about the seeded company. */
export function describeCompany(state: SimulatorState) {
  const { dataset } = state;
  return {
    name: dataset.company.name,
    seed: dataset.seed,
    apiBaseUrl: state.origin,
    workspaces: dataset.company.workspaces,
    users: dataset.company.users.map((user) => ({
      id: user.id, emailAddress: user.emailAddress, emailAliases: user.emailAliases, name: `${user.firstName} ${user.lastName}`,
      title: user.title, active: user.active, workspaceId: dataset.company.workspaces[user.workspaceIndex]?.id ?? null,
    })),
    calls: { seeded: dataset.callCount, created: dataset.extraCalls.length, from: new Date(dataset.fromMs).toISOString(), to: new Date(dataset.toMs).toISOString() },
    oauthApps: state.config.oauthApps.map(({ clientId, name, redirectUris }) => ({ clientId, name, redirectUris })),
    consentMode: state.consentMode,
  };
}

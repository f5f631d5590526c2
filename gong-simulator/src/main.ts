import { readConfigFromEnv } from "./config";
import { startSimulator } from "./index";

const config = readConfigFromEnv();
const simulator = await startSimulator(config);
const company = simulator.state.dataset.company;
console.log(`Gong simulator listening on ${simulator.url}`);
console.log(`  company ${company.name}: ${company.workspaces.length} workspaces, ${company.users.length} users, ${simulator.state.dataset.callCount} calls (seed ${config.seed})`);
console.log(`  OAuth apps: ${config.oauthApps.map((app) => app.clientId).join(", ")}; control API at ${simulator.url}/__sim`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void simulator.close().finally(() => process.exit(0));
  });
}

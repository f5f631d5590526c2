import { register } from "node:module";

// App modules are guarded by `server-only`, which throws outside Next's server build; benchmarks run them
// directly, as vitest does, so the guard resolves to an empty module here. Import this before any app module.
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

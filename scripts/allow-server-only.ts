import { register } from "node:module";

// App modules are guarded by `server-only`, which keeps them out of browser bundles and throws when loaded outside
// Next's server build. Node processes that load them directly (the app server's webhook path, the benchmarks) have
// no browser side, so here the guard resolves to an empty module. Import this before any app module.
const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

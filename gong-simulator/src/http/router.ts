export interface Route<H> { method: string; template: string; pattern: RegExp; keys: string[]; handler: H }

/** A route for "METHOD /path/{param}"; params match one path segment. */
export function defineRoute<H>(method: string, template: string, handler: H): Route<H> {
  const keys: string[] = [];
  const source = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, key: string) => {
    keys.push(key);
    return "([^/]+)";
  });
  return { method, template, pattern: new RegExp(`^${source}/?$`), keys, handler };
}

export type RouteMatch<H> =
  | { kind: "found"; route: Route<H>; params: Record<string, string> }
  | { kind: "method-not-allowed" }
  | { kind: "not-found" };

export function matchRoute<H>(routes: readonly Route<H>[], method: string, pathname: string): RouteMatch<H> {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match || (pathMatched && route.keys.length > 0)) continue;
    pathMatched = true;
    if (route.method !== method && !(route.method === "GET" && method === "HEAD")) continue;
    const params = Object.fromEntries(route.keys.map((key, i) => [key, decodeURIComponent(match[i + 1] ?? "")]));
    return { kind: "found", route, params };
  }
  return { kind: pathMatched ? "method-not-allowed" : "not-found" };
}

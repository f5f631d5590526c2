/** A serve URL without query, fragment or trailing slash, so the same endpoint compares equal however it is written. */
export function normalizeAppUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}

/** The configured app URL that `url` names, if any: the only URLs the executor registers functions under. */
export function findConfiguredAppUrl(configured: readonly string[], url: string): string | undefined {
  const wanted = normalizeAppUrl(url);
  return configured.find((candidate) => normalizeAppUrl(candidate) === wanted);
}

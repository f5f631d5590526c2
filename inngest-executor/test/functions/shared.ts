export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `data.tag` a test puts on its events, so each test finds its own runs. */
export const tagOf = (event: { data: unknown }) => String((event.data as { tag?: unknown }).tag ?? "");

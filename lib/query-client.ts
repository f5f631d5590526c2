import { QueryClient, isServer } from "@tanstack/react-query";

function createQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } });
}

let browserQueryClient: QueryClient | undefined;

/** One client per server request, one singleton in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return createQueryClient();
  return (browserQueryClient ??= createQueryClient());
}

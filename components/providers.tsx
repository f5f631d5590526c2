"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { Toaster } from "sonner";
import { z } from "zod";
import { getQueryClient } from "@/lib/query-client";

// Zod probes `new Function` on its first parse to compile faster parsers. The pages' Content-Security-Policy allows no
// eval, so in the browser the probe would only be refused (and reported as a violation): parse without it.
z.config({ jitless: true });

export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      {children}
      <Toaster richColors closeButton position="bottom-right" />
    </QueryClientProvider>
  );
}

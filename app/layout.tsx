import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { connection } from "next/server";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Callbridge", template: "%s · Callbridge" },
  description: "Gong integration console: connect Gong, sync calls and read transcripts.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, never at build time: its scripts need the nonce of the response's
  // Content-Security-Policy (proxy.ts), which Next adds only while rendering.
  await connection();
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

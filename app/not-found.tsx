import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="font-mono text-sm text-muted-foreground">404</p>
      <h1 className="text-xl font-semibold">Nothing here</h1>
      <p className="max-w-md text-sm text-muted-foreground">The page doesn&apos;t exist, or you don&apos;t have access to it.</p>
      <Button asChild variant="secondary" className="mt-2">
        <Link href="/calls">Go to calls</Link>
      </Button>
    </main>
  );
}

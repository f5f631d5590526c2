import Link from "next/link";
import { ShieldX } from "lucide-react";
import { Button } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <ShieldX className="size-10 text-muted-foreground" aria-hidden />
      <p className="font-mono text-sm text-muted-foreground">403</p>
      <h1 className="text-xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="max-w-md text-sm text-muted-foreground">
        Settings are for Callbridge admins. Ask an admin in your organization if you need something changed.
      </p>
      <Button asChild variant="secondary" className="mt-2">
        <Link href="/calls">Back to your calls</Link>
      </Button>
    </main>
  );
}

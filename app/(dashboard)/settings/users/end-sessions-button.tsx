"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { endUserSessionsAction } from "./actions";

export function EndSessionsButton({ userId, name }: { userId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const endSessions = () =>
    startTransition(async () => {
      const result = await endUserSessionsAction({ userId });
      if (result.ok) toast.success(`${result.name} is signed out everywhere.`);
      else toast.error(result.error);
    });
  return (
    <Button variant="ghost" size="sm" onClick={endSessions} disabled={pending} aria-label={`End ${name}'s sessions`}>
      {pending ? "Ending…" : "End sessions"}
    </Button>
  );
}

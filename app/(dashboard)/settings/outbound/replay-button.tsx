"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { replayDeliveryAction } from "./actions";

export function ReplayButton({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await replayDeliveryAction({ endpointId, deliveryId });
          if (result.ok) toast.success("Replay queued, with the same webhook-id.");
          else toast.error(result.error);
        })
      }
    >
      {pending ? "Replaying…" : "Replay"}
    </Button>
  );
}

"use client";

import { RefreshCw } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { regenerateUrlKeyAction } from "./actions";

export function RegenerateKeyDialog() {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          <RefreshCw aria-hidden />
          Regenerate key
        </Button>
      }
      title="Regenerate the URL key?"
      description="The current URL stops working at once: Gong's deliveries are rejected until you paste the new URL into the rule's Destination URL."
      confirmLabel="Regenerate key"
      pendingLabel="Regenerating…"
      onConfirm={async () => {
        const result = await regenerateUrlKeyAction();
        if (!result.ok) toast.error(result.error);
        else toast.success("New key created. Paste the new URL into your Gong rule.");
        return result.ok;
      }}
    />
  );
}

"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeApiKeyAction } from "./actions";

export function RevokeKeyDialog({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      }
      title={`Revoke “${name}”?`}
      description={`Requests with ${prefix}… are refused from now on. This cannot be undone.`}
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      onConfirm={async () => {
        const result = await revokeApiKeyAction({ id });
        if (!result.ok) toast.error(result.error);
        else toast.success(`Revoked “${name}”.`);
        return result.ok;
      }}
    />
  );
}

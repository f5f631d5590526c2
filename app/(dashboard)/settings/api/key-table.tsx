import { KeyRound } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiKeyListItem } from "@/db/queries/api-keys";
import { RevokeKeyDialog } from "./revoke-key-dialog";

export function KeyTable({ keys }: { keys: ApiKeyListItem[] }) {
  if (keys.length === 0) {
    return (
      <EmptyState icon={KeyRound} title="No API keys yet">
        Create a key above, then send it as <code className="font-mono">Authorization: Bearer …</code> to /api/v1.
      </EmptyState>
    );
  }
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th className="hidden sm:table-cell">Key</Th>
          <Th className="hidden sm:table-cell">Created</Th>
          <Th>Last used</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} className={key.revoked_at ? "text-muted-foreground" : undefined}>
            <Td>
              <span className="font-medium">{key.name}</span>
              <code className="block font-mono text-xs text-muted-foreground sm:hidden">{key.prefix}…</code>
            </Td>
            <Td className="hidden sm:table-cell">
              <code className="font-mono text-xs">{key.prefix}…</code>
            </Td>
            <Td className="hidden sm:table-cell">
              <RelativeTime date={key.created_at} />
              {key.created_by_name ? <span className="text-muted-foreground"> by {key.created_by_name}</span> : null}
            </Td>
            <Td>{key.last_used_at ? <RelativeTime date={key.last_used_at} /> : <span className="text-muted-foreground">Never</span>}</Td>
            <Td className="text-right">
              {key.revoked_at ? (
                <Badge tone="neutral" title={`Revoked ${new Date(key.revoked_at).toISOString()}`}>
                  Revoked
                </Badge>
              ) : (
                <RevokeKeyDialog id={key.id} name={key.name} prefix={key.prefix} />
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

import { KeyRound } from "lucide-react";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { ApiKeyListItem } from "@/db/queries/api-keys";
import { formatExactTime } from "@/lib/format";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";

export function isLiveApiKey(key: ApiKeyListItem, now = new Date()): boolean {
  return !key.revoked_at && (!key.expires_at || new Date(key.expires_at) > now);
}

const SOON_MS = 7 * 86_400_000;

export function KeyTable({ keys }: { keys: ApiKeyListItem[] }) {
  if (keys.length === 0) {
    return (
      <EmptyState icon={KeyRound} title="No API keys yet">
        Create a key above, then send it as <code className="font-mono">Authorization: Bearer …</code> to /api/v1.
      </EmptyState>
    );
  }
  const now = new Date();
  return (
    <Table>
      <thead>
        <tr>
          <Th>Name</Th>
          <Th className="hidden sm:table-cell">Key</Th>
          <Th className="hidden md:table-cell">Created</Th>
          <Th className="hidden sm:table-cell">Last used</Th>
          <Th>Expires</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const live = isLiveApiKey(key, now);
          return (
            <tr key={key.id} className={live ? undefined : "text-muted-foreground"}>
              <Td>
                <span className="font-medium">{key.name}</span>
                <code className="block font-mono text-xs text-muted-foreground sm:hidden">{key.prefix}…</code>
              </Td>
              <Td className="hidden sm:table-cell">
                <code className="font-mono text-xs">{key.prefix}…</code>
              </Td>
              <Td className="hidden md:table-cell">
                <RelativeTime date={key.created_at} />
                {key.created_by_name ? <span className="text-muted-foreground"> by {key.created_by_name}</span> : null}
              </Td>
              <Td className="hidden sm:table-cell">{key.last_used_at ? <RelativeTime date={key.last_used_at} /> : <span className="text-muted-foreground">Never</span>}</Td>
              <Td>
                <Expiry item={key} now={now} />
              </Td>
              <Td className="text-right">
                {live ? (
                  <div className="flex justify-end gap-1">
                    <RollKeyDialog id={key.id} name={key.name} prefix={key.prefix} />
                    <RevokeKeyDialog id={key.id} name={key.name} prefix={key.prefix} />
                  </div>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function Expiry({ item, now }: { item: ApiKeyListItem; now: Date }) {
  if (item.revoked_at) {
    return (
      <Badge tone="neutral" title={`Revoked ${formatExactTime(new Date(item.revoked_at))}`}>
        Revoked
      </Badge>
    );
  }
  if (!item.expires_at) return <span className="text-muted-foreground">Never</span>;
  const expiresAt = new Date(item.expires_at);
  if (expiresAt <= now) {
    return (
      <Badge tone="neutral" title={`Expired ${formatExactTime(expiresAt)}`}>
        Expired
      </Badge>
    );
  }
  return (
    <span className={expiresAt.getTime() - now.getTime() < SOON_MS ? "text-warning" : undefined}>
      <RelativeTime date={expiresAt} />
    </span>
  );
}

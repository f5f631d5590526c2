"use client";

import { useTransition } from "react";
import { RotateCw, ShieldCheck } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { RelativeTime } from "@/components/relative-time";
import { formatCount } from "@/lib/format";
import { retryQuarantinedCall } from "./quarantine-actions";

/** What the browser sees of a quarantined call: where it failed, never what Gong sent. */
export type QuarantinedCallRow = {
  gongId: string;
  source: "call" | "transcript";
  fieldPath: string;
  valueType: string;
  firstSeenAt: string;
  lastSeenAt: string;
};

export function QuarantinedCalls({ rows, total, canRetry }: { rows: QuarantinedCallRow[]; total: number; canRetry: boolean }) {
  const [pending, startTransition] = useTransition();
  if (rows.length === 0) {
    return (
      <EmptyState icon={ShieldCheck} title="Nothing quarantined">
        Every call Gong sent so far could be stored.
      </EmptyState>
    );
  }
  const retry = (gongId: string) =>
    startTransition(async () => {
      const result = await retryQuarantinedCall(gongId);
      if (result.ok) toast.success(result.message);
      else toast.error(result.error);
    });
  return (
    <div>
      <Table aria-busy={pending}>
        <thead>
          <tr>
            <Th>Gong call</Th>
            <Th>Failed in</Th>
            <Th>Field</Th>
            <Th>Found</Th>
            <Th>Last tried</Th>
            <Th>
              <span className="sr-only">Retry</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.gongId}>
              <Td className="font-mono text-xs">{row.gongId}</Td>
              <Td>
                <Badge tone={row.source === "call" ? "danger" : "warning"}>{row.source === "call" ? "Call" : "Transcript"}</Badge>
              </Td>
              <Td className="max-w-xs break-all font-mono text-xs">{row.fieldPath}</Td>
              <Td className="text-muted-foreground">{row.valueType}</Td>
              <Td className="text-muted-foreground">
                <RelativeTime date={row.lastSeenAt} />
                <span className="block text-xs">
                  since <RelativeTime date={row.firstSeenAt} />
                </span>
              </Td>
              <Td className="text-right">
                <Button variant="secondary" size="sm" disabled={pending || !canRetry} onClick={() => retry(row.gongId)} aria-label={`Retry call ${row.gongId}`}>
                  <RotateCw aria-hidden /> Retry
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {total > rows.length ? (
        <p className="border-t border-border px-5 py-3 text-xs text-muted-foreground">
          Showing the {formatCount(rows.length)} most recent of {formatCount(total)}; each sync retries up to 100 of them.
        </p>
      ) : null}
    </div>
  );
}

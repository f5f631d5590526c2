import { CircleCheck, CircleX } from "lucide-react";
import { Table, Td, Th } from "@/components/ui/table";
import { REQUIRED_GONG_SCOPES } from "@/lib/gong/scopes";

export function ScopeTable({ grantedScopes }: { grantedScopes: string[] }) {
  const granted = new Set(grantedScopes);
  return (
    <Table>
      <thead>
        <tr>
          <Th>Scope</Th>
          <Th>Status</Th>
          <Th>What it enables</Th>
        </tr>
      </thead>
      <tbody>
        {REQUIRED_GONG_SCOPES.map((info) => {
          const isGranted = granted.has(info.scope);
          return (
            <tr key={info.scope} aria-label={`${info.scope} ${isGranted ? "granted" : "missing"}`}>
              <Td>
                <p className="font-medium">{info.label}</p>
                <code className="break-all font-mono text-xs text-muted-foreground">{info.scope}</code>
              </Td>
              <Td>
                {isGranted ? (
                  <span className="inline-flex items-center gap-1 text-success">
                    <CircleCheck className="size-4 shrink-0" aria-hidden /> <span className="sr-only sm:not-sr-only">Granted</span>
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1 text-danger">
                    <CircleX className="size-4 shrink-0" aria-hidden /> <span className="sr-only sm:not-sr-only">Missing</span>
                  </span>
                )}
              </Td>
              <Td className={isGranted ? "text-muted-foreground" : "text-danger"}>{isGranted ? info.enables : info.withoutIt}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

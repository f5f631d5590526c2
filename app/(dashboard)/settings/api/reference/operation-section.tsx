import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import type { ReferenceOperation } from "@/lib/api/describe-api-reference";
import { FieldTable } from "./field-table";

export function OperationSection({ operation }: { operation: ReferenceOperation }) {
  return (
    <Card id={operation.id} aria-labelledby={`${operation.id}-title`} className="scroll-mt-6">
      <header className="space-y-1.5 border-b border-border px-5 py-4">
        <h3 id={`${operation.id}-title`} className="flex flex-wrap items-center gap-2 text-sm font-semibold">
          <Badge tone={operation.method === "GET" ? "accent" : "success"}>{operation.method}</Badge>
          <code className="break-all font-mono">{operation.path}</code>
        </h3>
        <p className="text-sm font-medium">{operation.summary}</p>
        <p className="text-sm text-muted-foreground">{operation.description}</p>
      </header>
      <CardBody className="space-y-5">
        <FieldTable caption="Parameters" fields={operation.parameters} location />
        <FieldTable caption="Request body (JSON)" fields={operation.body} />
        <FieldTable caption={`Response ${operation.successStatus}`} fields={operation.response} markRequired={false} />
        {operation.errors.length > 0 ? (
          <div className="space-y-1.5">
            <h4 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Errors</h4>
            <ul className="space-y-1 text-sm">
              {operation.errors.map((error) => (
                <li key={error.status}>
                  <code className="font-mono text-xs">{error.status}</code> <span className="text-muted-foreground">{error.description}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="space-y-1.5">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Example</h4>
          <pre className="overflow-x-auto rounded-md bg-muted p-3 font-mono text-xs leading-relaxed">{operation.curl}</pre>
        </div>
      </CardBody>
    </Card>
  );
}

import { Badge } from "@/components/ui/badge";
import type { ReferenceOperation } from "@/lib/api/describe-api-reference";
import { CodeSample } from "./code-sample";
import { FieldTable } from "./field-table";
import { MarkdownText } from "./markdown-text";

/** One endpoint, Stripe-style: what it does and takes on the left, a request to copy and its answer on the right. */
export function OperationSection({ operation }: { operation: ReferenceOperation }) {
  return (
    <section id={operation.id} aria-labelledby={`${operation.id}-title`} className="scroll-mt-6 border-t border-border pt-8">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,25rem)]">
        <div className="min-w-0 space-y-5">
          <header className="space-y-2">
            <h3 id={`${operation.id}-title`} className="text-base font-semibold">
              {operation.summary}
            </h3>
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={operation.method === "GET" ? "accent" : "success"}>{operation.method}</Badge>
              <code className="break-all font-mono text-sm">{operation.path}</code>
            </p>
            <MarkdownText text={operation.description} className="text-sm text-muted-foreground" />
          </header>
          <FieldTable caption="Parameters" fields={operation.parameters} location />
          <FieldTable caption="Request body (JSON)" fields={operation.body} />
          <FieldTable caption={`Response ${operation.successStatus}`} fields={operation.response} markRequired={false} />
          {operation.errors.length > 0 ? (
            <div className="space-y-1.5">
              <h4 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">Errors</h4>
              <ul className="space-y-1 text-sm">
                {operation.errors.map((error) => (
                  <li key={error.status}>
                    <code className="font-mono text-xs">{error.status}</code> <MarkdownText inline text={error.description} className="text-muted-foreground" />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        <div className="min-w-0 space-y-3 lg:sticky lg:top-6 lg:self-start">
          <CodeSample title="Request" code={operation.curl} copyLabel={`${operation.method} ${operation.path} request`} />
          {operation.exampleResponse ? (
            <CodeSample title={`Response ${operation.successStatus}`} code={operation.exampleResponse} copyLabel={`${operation.method} ${operation.path} response`} />
          ) : null}
        </div>
      </div>
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, FileJson } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { describeApiReference } from "@/lib/api/describe-api-reference";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { OperationSection } from "./operation-section";

export const metadata: Metadata = { title: "API reference" };

export default async function ApiReferencePage() {
  await requireAdminOrForbidden();
  const reference = describeApiReference();
  const tags = [...new Set(reference.operations.map((operation) => operation.tag))];
  return (
    <>
      <PageHeader
        title="API reference"
        description={reference.description}
        action={
          <div className="flex flex-wrap gap-2">
            <Link href="/settings/api" className={buttonVariants({ variant: "ghost" })}>
              <ArrowLeft aria-hidden />
              API keys
            </Link>
            <a href="/api/v1/openapi.json" className={buttonVariants({ variant: "secondary" })}>
              <FileJson aria-hidden />
              openapi.json
            </a>
          </div>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardBody className="space-y-3 text-sm">
            <p>
              Send a key as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. Organization keys act on their own
              organization. Platform keys act for the customer named by <code className="font-mono">customer_id</code> (in the JSON body or
              the query string). Every error has the body <code className="font-mono">{`{"error":{"code","message"}}`}</code>.
            </p>
            <nav aria-label="Endpoints">
              <ul className="grid gap-1 sm:grid-cols-2">
                {reference.operations.map((operation) => (
                  <li key={operation.id}>
                    <a href={`#${operation.id}`} className="flex gap-2 rounded px-1 py-0.5 hover:bg-muted">
                      <span className="w-10 shrink-0 font-mono text-xs leading-5 text-muted-foreground">{operation.method}</span>
                      <span className="min-w-0 break-all font-mono text-xs leading-5">{operation.path}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </CardBody>
        </Card>
        {tags.map((tag) => (
          <section key={tag} aria-label={tag} className="space-y-4">
            <h2 className="text-sm font-semibold text-muted-foreground">{tag}</h2>
            {reference.operations
              .filter((operation) => operation.tag === tag)
              .map((operation) => (
                <OperationSection key={operation.id} operation={operation} />
              ))}
          </section>
        ))}
      </div>
    </>
  );
}

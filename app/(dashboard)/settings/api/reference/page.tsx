import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft, FileJson } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { describeApiReference } from "@/lib/api/describe-api-reference";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { CodeSample } from "./code-sample";
import { MarkdownText } from "./markdown-text";
import { OperationSection } from "./operation-section";

export const metadata: Metadata = { title: "API reference" };

const ERROR_EXAMPLE = JSON.stringify({ error: { code: "not_found", message: "No call with that id in this organization." } }, null, 2);

export default async function ApiReferencePage() {
  await requireAdminOrForbidden();
  const origin = new URL(getEnv().APP_URL).origin;
  const reference = describeApiReference({ baseUrl: origin });
  const tags = [...new Set(reference.operations.map((operation) => operation.tag))];
  return (
    <>
      <PageHeader
        title="API reference"
        description={<MarkdownText inline text={reference.description} />}
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
      <div className="space-y-8">
        <section aria-labelledby="basics-title" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,25rem)]">
          <div className="min-w-0 space-y-4 text-sm">
            <h2 id="basics-title" className="text-base font-semibold">
              Basics
            </h2>
            <p>
              Every path below is relative to <code className="break-all rounded bg-muted px-1 font-mono text-[0.85em]">{origin}</code>. Send a key
              from the API page as <code className="rounded bg-muted px-1 font-mono text-[0.85em]">Authorization: Bearer &lt;key&gt;</code>; the
              examples read it from <code className="rounded bg-muted px-1 font-mono text-[0.85em]">$CALLBRIDGE_API_KEY</code>.
            </p>
            <p>
              Organization keys act on their own organization. Platform keys act for the customer named by{" "}
              <code className="rounded bg-muted px-1 font-mono text-[0.85em]">customer_id</code> (in the JSON body or the query string). Every error
              has the same body, shown on the right.
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
          </div>
          <div className="min-w-0 space-y-3">
            <CodeSample title="Your key, for the examples" code={"export CALLBRIDGE_API_KEY=cb_org_…"} copyLabel="export command" />
            <CodeSample title="Error body" code={ERROR_EXAMPLE} copyLabel="error body" />
          </div>
        </section>
        {tags.map((tag) => (
          <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-8">
            <h2 id={`tag-${tag}`} className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
              {tag}
            </h2>
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

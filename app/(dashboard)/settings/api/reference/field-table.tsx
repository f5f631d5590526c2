import { Table, Td, Th } from "@/components/ui/table";
import type { ReferenceField } from "@/lib/api/describe-api-reference";
import { MarkdownText } from "./markdown-text";

type FieldTableProps = { caption: string; fields: (ReferenceField & { in?: string })[]; location?: boolean; markRequired?: boolean };

export function FieldTable({ caption, fields, location, markRequired = true }: FieldTableProps) {
  if (fields.length === 0) return null;
  return (
    <div className="space-y-1.5">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{caption}</h4>
      <div className="rounded-md border border-border">
        <Table>
          <thead>
            <tr>
              <Th>Field</Th>
              <Th>Type</Th>
              <Th className="hidden md:table-cell">Description</Th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={`${field.in ?? ""}${field.name}`}>
                <Td className="align-top">
                  <code className="break-all font-mono text-xs">{field.name}</code>
                  {markRequired && field.required ? <span className="ml-1.5 text-xs text-danger">required</span> : null}
                  {location && field.in ? <span className="ml-1.5 text-xs text-muted-foreground">{field.in}</span> : null}
                  {field.description ? <MarkdownText inline text={field.description} className="mt-1 block text-xs text-muted-foreground md:hidden" /> : null}
                </Td>
                <Td className="align-top">
                  <code className="font-mono text-xs text-muted-foreground wrap-anywhere">{field.type}</code>
                </Td>
                <Td className="hidden align-top text-muted-foreground md:table-cell">{field.description ? <MarkdownText inline text={field.description} /> : null}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}

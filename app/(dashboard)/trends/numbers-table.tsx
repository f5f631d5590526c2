import { Td, Th } from "@/components/ui/table";

type Props = { caption: string; columns: string[]; rows: { key: string; header: string; cells: string[] }[] };

/** The numbers behind a chart, folded under it: the chart's table view for screen readers and keyboards. */
export function NumbersTable({ caption, columns, rows }: Props) {
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-muted-foreground hover:text-foreground">Show the numbers</summary>
      {/* Focusable, so a keyboard can scroll a wide table sideways inside its box. */}
      <div className="relative mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <Th key={column}>{column}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className="border-b border-border px-4 py-2 text-left font-normal">
                  {row.header}
                </th>
                {row.cells.map((cell, index) => (
                  <Td key={index} className="tabular-nums">
                    {cell}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

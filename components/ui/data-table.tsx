import { useId, type ReactNode } from "react";
import { cn } from "./cn";

export interface DataTableColumn<Row> {
  /** Unique within the table (React key of the header and cells). */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Extra classes for this column's body cells: wrapping, fonts, colours. */
  className?: string;
  align?: "left" | "right";
  /** The cell that names its row, read out with every other cell of the row: a `<th scope="row">`. */
  rowHeader?: boolean;
}

/** data-* attributes for a row (test ids, ids the journeys read back). */
export type DataTableRowAttributes = { [attribute: `data-${string}`]: string | number | undefined };

interface Props<Row> {
  /** Visually hidden; names the table and its scroll region for screen readers. */
  caption: string;
  columns: DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowAttributes?: (row: Row) => DataTableRowAttributes;
  /** Shown instead of the table when there are no rows; omitted where the page replaces the whole section. */
  empty?: ReactNode;
  testId?: string;
  /** compact: tighter cells aligned to the top, for logs whose cells wrap onto several lines. */
  density?: "regular" | "compact";
  /** A minimum width class (e.g. "min-w-[56rem]") for a table that should scroll rather than squeeze its columns. */
  minWidth?: string;
  /** Spacing of the frame in its parent (e.g. "mt-3"). */
  className?: string;
}

const CELL = { regular: "px-4 py-2", compact: "px-3 py-2 align-top" } as const;
const ALIGN = { left: "text-left", right: "text-right" } as const;

/**
 * The console's list table: a white frame that scrolls sideways on a narrow screen, with a header
 * row, dividers, a hidden caption and an empty state. The frame is a focusable, named region so
 * keyboard users can scroll it (a scrollable area needs a tab stop). No client JavaScript.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowAttributes, empty, testId, density = "regular", minWidth, className }: Props<Row>) {
  const captionId = useId();
  if (rows.length === 0) return empty ?? null;
  const cell = CELL[density];
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className={cn("relative overflow-x-auto rounded-lg border border-slate-200 bg-white", className)}>
      <table className={cn("w-full divide-y divide-slate-200 text-sm", minWidth)} data-testid={testId}>
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cn(cell, ALIGN[column.align ?? "left"], "font-semibold")}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowAttributes?.(row)}>
              {columns.map((column) => {
                const className = cn(cell, ALIGN[column.align ?? "left"], column.className);
                return column.rowHeader ? (
                  <th key={column.key} scope="row" className={cn(className, "font-medium")}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Key, ReactNode } from 'react'
import './DataTable.css'

export interface Column<Row> {
  /** The column head; a string is also the cell's `data-label` (the stacked layout on phones). */
  header: string
  /** Only for screen readers, e.g. the column of row buttons (its cells then get no data-label). */
  hideHeader?: boolean
  /** Classes of this column's cells; `headerClassName` those of its head. */
  className?: string
  headerClassName?: string
  cell: (row: Row) => ReactNode
}

interface Props<Row> {
  /** For screen readers; the section's visible title usually says the same. */
  caption: string
  /** Extra classes besides `table`, e.g. `members-table`. */
  className?: string
  rowKey: (row: Row) => Key
  /** The first column heads each row (`<th scope="row">`); `rowHeaderClassName` styles those cells. */
  rowHeader: Column<Row>
  columns: ReadonlyArray<Column<Row>>
  rows: ReadonlyArray<Row>
}

/**
 * The list table of the admin pages and the account's sessions: a visually hidden caption, column
 * heads, the first cell of a row as its header, and data-labels for the stacked layout on phones.
 */
export function DataTable<Row>({ caption, className, rowKey, rowHeader, columns, rows }: Props<Row>) {
  const all = [rowHeader, ...columns]
  return (
    // A wide table scrolls sideways: the scrolling box is a keyboard stop (arrow keys scroll it), named
    // after the table so a screen reader says what got focus (axe: scrollable-region-focusable).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className={className ? `table ${className}` : 'table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {all.map((column) => (
              <th key={column.header} scope="col" className={column.headerClassName}>
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row" className={rowHeader.className}>
                {rowHeader.cell(row)}
              </th>
              {columns.map((column) => (
                <td
                  key={column.header}
                  className={column.className}
                  data-label={column.hideHeader ? undefined : column.header}
                >
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

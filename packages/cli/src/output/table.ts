/** One column of a table: its heading and what a row shows in it. @internal */
export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | boolean | null | undefined;
  /** Numbers read best right-aligned. */
  readonly align?: 'left' | 'right';
}

/** A table with a heading row, columns two spaces apart, padded to the widest cell. @internal */
export function renderTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const cells = [
    columns.map((c) => c.header),
    ...rows.map((row) => columns.map((c) => cellText(c.value(row)))),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
  return cells
    .map((line) =>
      line
        .map((cell, i) =>
          columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** One record as `label: value` lines, the labels padded to one width. @internal */
export function renderFields<T>(fields: readonly Column<T>[], record: T): string {
  const width = Math.max(...fields.map((f) => f.header.length)) + 1;
  return fields
    .map((f) => `${`${f.header}:`.padEnd(width)} ${cellText(f.value(record))}`.trimEnd())
    .join('\n');
}

function cellText(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined || value === '' ? '-' : String(value);
}

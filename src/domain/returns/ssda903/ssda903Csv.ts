import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../../calendar/localDate';
import { readDfePermanenceDate } from './permanenceDate';
import { ssda903Columns, ssda903DateColumns, type Ssda903TableName, type Ssda903Tables } from './ssda903Types';

/**
 * The SSDA903 CSV tables as local authorities upload them (../shared/returns-reference/ssda903/*.csv):
 * one file per table, a header row of the DfE's column names in their order, dates DD/MM/YYYY, an
 * empty cell for nothing.
 */
export function ssda903Csv(tables: Ssda903Tables): Record<Ssda903TableName, string> {
  const files = {} as Record<Ssda903TableName, string>;
  for (const table of Object.keys(ssda903Columns) as Ssda903TableName[]) files[table] = ssda903TableCsv(table, tables[table]);
  return files;
}

export function ssda903TableCsv<T extends Ssda903TableName>(table: T, rows: readonly Ssda903Tables[T][number][]): string {
  const columns = ssda903Columns[table] as readonly string[];
  const cells = rows.map((row) =>
    columns.map((column) => {
      const value = (row as unknown as Record<string, string | null>)[column];
      if (value === null || value === undefined) return '';
      return ssda903DateColumns.has(column) ? dfeDate(value) : value;
    }),
  );
  return [columns, ...cells].map((cellsOfRow) => cellsOfRow.map(csvCell).join(',')).join('\n') + '\n';
}

/**
 * A cell as RFC 4180 writes it: quoted, with its quotes doubled, only when it holds a comma, a
 * quote or a line break. Written here rather than with csv-stringify, which is six times slower on
 * the 50,000-child return (issue 10's benchmark); csv-parse reads it back (ssda903Csv.test.ts).
 */
const csvCell = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** YYYY-MM-DD as the DfE writes it, DD/MM/YYYY. */
export const dfeDate = (iso: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

/** DD/MM/YYYY as a real date, YYYY-MM-DD; null when it is not one (31/04/2025, 29/02/2027, 2025-04-01). */
export function isoOfDfeDate(text: string): string | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  return isIsoDate(iso) ? iso : null;
}

export interface Ssda903CsvProblem {
  /** The line in the file: the header is row 1, the first child row 2. */
  row: number;
  reason: string;
}

/**
 * One SSDA903 table read from its CSV file: the header must be the table's DfE columns, in order
 * (a byte order mark before it is allowed: Excel writes one); each date must be a real date written
 * DD/MM/YYYY (DATE_PERM may have zz for an unknown day or month, and is kept as written). A row
 * with an impossible date is reported and left out; a header that is not the table's refuses the
 * whole file (its cells cannot be read as the columns they claim to be).
 */
export function parseSsda903Csv<T extends Ssda903TableName>(table: T, text: string): { rows: Ssda903Tables[T][number][]; problems: Ssda903CsvProblem[] } {
  const columns = ssda903Columns[table] as readonly string[];
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text.replace(/^\uFEFF/, ''), { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { rows: [], problems: [{ row: line ?? 1, reason: `The file is not readable CSV: ${(error as Error).message}` }] };
  }
  const records = parsed.map((p) => p.record);
  const header = records[0];
  if (!header) return { rows: [], problems: [{ row: 1, reason: `The file is empty: it needs the header row ${columns.join(',')}` }] };
  const unknown = header.filter((h) => !columns.includes(h));
  const missing = columns.filter((c) => !header.includes(c));
  if (unknown.length > 0 || missing.length > 0 || header.length !== columns.length) {
    const parts = [unknown.length > 0 ? `unknown column${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}` : '', missing.length > 0 ? `missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}` : ''].filter(Boolean);
    return { rows: [], problems: [{ row: 1, reason: `The header is not the ${table} table's columns (${parts.join('; ') || 'a column is repeated'}): it must be ${columns.join(',')}` }] };
  }
  const rows: Ssda903Tables[T][number][] = [];
  const problems: Ssda903CsvProblem[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!;
    // The record's line in the file (csv-parse counts the lines it has read, blank ones too).
    const row = parsed[i]!.info.lines;
    if (cells.length !== columns.length) {
      problems.push({ row, reason: `The row has ${cells.length} cells: the ${table} table has ${columns.length} columns` });
      continue;
    }
    const record: Record<string, string | null> = {};
    const bad: string[] = [];
    header.forEach((column, c) => {
      const cell = cells[c]!;
      if (cell === '') record[column] = null;
      else if (column === 'DATE_PERM') {
        // Kept as the DfE's text: an order's day or month may be unknown (zz/05/2016).
        if (!readDfePermanenceDate(cell)) bad.push(`DATE_PERM ${cell} is not a date written DD/MM/YYYY, with zz for an unknown day or month (zz/05/2016, zz/zz/2016, zz/zz/zzzz)`);
        record[column] = cell;
      } else if (ssda903DateColumns.has(column)) {
        const iso = isoOfDfeDate(cell);
        if (iso === null) bad.push(`${column} ${cell} is not a real date written DD/MM/YYYY`);
        record[column] = iso;
      } else record[column] = cell;
    });
    if (!record.CHILD) bad.push('CHILD, the child’s id, is empty');
    if (bad.length > 0) problems.push({ row, reason: bad.join('; ') });
    else rows.push(record as unknown as Ssda903Tables[T][number]);
  }
  return { rows, problems };
}

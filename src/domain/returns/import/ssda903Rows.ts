import { parse } from 'csv-parse/sync';
import { parseSsda903Csv } from '../ssda903/ssda903Csv';
import type { Ssda903TableName, Ssda903Tables } from '../ssda903/ssda903Types';

/**
 * One SSDA903 table read with each row's line in the file, so that every problem the importer
 * finds later (an unknown code, an overlap) names the row a person opens the file at. The reading
 * itself is the SSDA903 reader's (parseSsda903Csv); it leaves out the rows it reports, so the
 * rows it keeps are the file's records without those.
 */
export function numberedRows<T extends Ssda903TableName>(table: T, text: string): { rows: { row: number; value: Ssda903Tables[T][number] }[]; problems: { row: number; reason: string }[] } {
  const read = parseSsda903Csv(table, text);
  if (read.rows.length === 0) return { rows: [], problems: read.problems };
  const records = parse(text.replace(/^\uFEFF/, ''), { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as { info: { lines: number } }[];
  const refused = new Set(read.problems.map((p) => p.row));
  const lines = records.slice(1).map((r) => r.info.lines).filter((line) => !refused.has(line));
  // Should the two readings ever disagree, count rows from the top rather than name wrong ones.
  const rowOf = (index: number) => (lines.length === read.rows.length ? (lines[index] as number) : index + 2);
  return { rows: read.rows.map((value, index) => ({ row: rowOf(index), value })), problems: read.problems };
}

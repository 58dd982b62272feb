import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { AnnexAList } from './annexATypes';

/** The worksheet tab of a list, as the template names its tabs ("List 1 Contacts"); Excel allows 31 characters. */
const tabTitles: Readonly<Record<number, string>> = { 5: 'Section 47' };
export const sheetNameOf = (list: AnnexAList): string => `List ${list.number} ${tabTitles[list.number] ?? list.title}`.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

const date = /^(\d{2})\/(\d{2})\/(\d{4})$/;
/** Columns of whole numbers (ages, counts), written as numbers so they sort and sum; IDs stay text even when they are digits. */
const numeric = (heading: string) => /^(Age of|Number of|No\. of)/i.test(heading);

function cellValue(value: string, heading: string): string | number | Date {
  const d = date.exec(value);
  if (d) return new Date(Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1])));
  if (numeric(heading) && /^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * The lists as one spreadsheet, a worksheet a list, as inspectors receive Annex A: headings bold
 * and frozen, dates as real dates shown DD/MM/YYYY, columns wide enough to read.
 */
export async function annexAWorkbook(lists: readonly AnnexAList[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hearth';
  for (const list of lists) {
    const sheet = workbook.addWorksheet(sheetNameOf(list), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = list.headings.map((heading, i) => {
      const longest = Math.max(...list.rows.map((row) => (row[i] ?? '').length), 10);
      return { header: heading, width: Math.min(Math.max(Math.min(heading.length, 40), longest) + 2, 60) };
    });
    const head = sheet.getRow(1);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'top' };
    for (const row of list.rows) sheet.addRow(row.map((value, i) => cellValue(value, list.headings[i] ?? '')));
    list.headings.forEach((_, i) => {
      const column = sheet.getColumn(i + 1);
      column.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
        if (rowNumber > 1 && cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One list as CSV: the headings line, then a line a row, dates as DD/MM/YYYY text. */
export function annexACsv(list: AnnexAList): string {
  return stringify([list.headings, ...list.rows]);
}

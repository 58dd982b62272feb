import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { annexALists } from './annexALists';
import { child, context, ev, range } from './annexATestKit';
import { annexACsv, annexAWorkbook } from './annexAWorkbook';

const subjects = [
  child('0042', [
    ev('contact.received', '2025-05-01', { contactId: 'k1', source: 'family' }),
    ev('cic.started', '2025-06-01', { legalStatus: 'C2' }),
    ev('cic.placement_started', '2025-06-01', { setting: 'in_house_fostering', postcode: 'RG1 1AA' }),
  ]),
];

/** The file read back as Excel would open it. */
async function readBack(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('annexAWorkbook', () => {
  it('reads back with a worksheet a list, named as the template names them, with bold headings', async () => {
    const lists = annexALists(subjects, range, context);
    const workbook = await readBack(await annexAWorkbook(lists));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'List 1 Contacts',
      'List 2 Early help',
      'List 3 Referrals',
      'List 4 Assessments',
      'List 5 Section 47',
      'List 6 Children in need',
      'List 7 Child protection',
      'List 8 Children in care',
      'List 9 Care leavers',
      'List 10 Adoption',
      'List 11 Adopters',
    ]);
    for (const [i, sheet] of workbook.worksheets.entries()) {
      const head = sheet.getRow(1);
      expect((head.values as unknown[]).slice(1)).toEqual(lists[i]!.headings);
      expect(head.getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
    }
    expect(workbook.getWorksheet('List 11 Adopters')!.rowCount).toBe(1);
  });

  it('writes dates as dates shown DD/MM/YYYY, counts as numbers, and keeps an ID of digits as text', async () => {
    const workbook = await readBack(await annexAWorkbook(annexALists(subjects, range, context)));
    const contacts = workbook.getWorksheet('List 1 Contacts')!;
    const row = contacts.getRow(2);
    expect(row.getCell(1).value).toBe('0042');
    expect(row.getCell(5).value).toBe(10);
    expect(row.getCell(6).value).toEqual(new Date(Date.UTC(2025, 4, 1)));
    expect(row.getCell(6).numFmt).toBe('dd/mm/yyyy');
    const inCare = workbook.getWorksheet('List 8 Children in care')!;
    // A row's values start at index 1, as its columns are numbered.
    const column = (inCare.getRow(1).values as unknown[]).indexOf('Number of Placements in the Last 12 months');
    expect(inCare.getRow(2).getCell(column).value).toBe(1);
  });
});

describe('annexACsv', () => {
  it('starts with the headings line, then a line a row', () => {
    const lists = annexALists(subjects, range, context);
    const csv = annexACsv(lists[0]!);
    expect(csv.split('\n')[0]).toBe('Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,Contact Source');
    expect(parse(csv)).toEqual([lists[0]!.headings, ['0042', 'b) Female', 'a) WBRI', '01/06/2015', '10', '01/05/2025', '1A: Individual – family member, relative or carer']]);
  });

  it('quotes headings with commas, and gives a list with no rows its headings alone', () => {
    const lists = annexALists([], range, context);
    const careLeavers = annexACsv(lists[8]!);
    expect(careLeavers).toContain('"Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)"');
    expect(parse(careLeavers)).toEqual([lists[8]!.headings]);
    expect(annexACsv(lists[10]!).trim().split('\n')).toHaveLength(1);
  });
});

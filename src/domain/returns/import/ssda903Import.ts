import { ageOn } from '../../calendar/localDate';
import { genderOfSexCode, missingKindOfCode, participationOfReviewCode } from '../ssda903/ssda903Codes';
import type { Ssda903TableName, Ssda903Tables } from '../ssda903/ssda903Types';
import { dateProblem, importTag, type ImportLine, type ReturnProblem } from './importLine';
import { ethnicityOf, upnOf, type ImportedChild } from './importedChild';
import { careLines, line, ssda903File } from './ssda903Care';

/**
 * An earlier SSDA903 return (the CSV tables, ../shared/returns-reference/ssda903/) as history in
 * Hearth's words: each child's episodes become the periods of care, legal statuses and placements
 * the In care and Placements pages record; reviews and missing episodes the events of those pages.
 * The SSDA903 projection (src/domain/returns/ssda903/ssda903Projection.ts) reads them back. Pure.
 *
 * What is refused, row by row (the DfE rule each follows, rules-2024-25.csv): a code not in the
 * DfE's set, or one Hearth has no word for (D1); a date that is missing where one is needed or
 * after today; a row for a child with no header row; episodes that overlap (an episode starts before
 * the one before it ended: 502, 503), that leave a gap inside a period of care (X1 but the next
 * starts another day: 433), that start a period of care without ending the one before (431, 432),
 * or that record no change at all; missing episodes that overlap or end before they start (1007).
 */
export type NumberedTables = { [T in Ssda903TableName]: { row: number; value: Ssda903Tables[T][number] }[] };

export interface Ssda903Import {
  lines: ImportLine[];
  children: ImportedChild[];
  problems: ReturnProblem[];
  warnings: ReturnProblem[];
  /** Children with a problem: none of their lines is imported, nor checked further. */
  refused: Set<string>;
}

export interface Ssda903ImportOptions {
  /** The collection year of the return: its events are marked imported 'ssda903-<year>'. */
  year: number;
  /** Today in London, YYYY-MM-DD. */
  today: string;
}

export { ssda903File } from './ssda903Care';

/** Tables Hearth does not turn into events, and why (the report's warnings say so when they have rows). */
const notImported: Partial<Record<Ssda903TableName, string>> = {
  oc2: 'the health and offending outcomes are not history Hearth records as events',
  oc3: "care leavers' circumstances are recorded by their personal adviser, which the return does not name",
  ad1: 'adoption matching dates are not imported',
  placed_for_adoption: 'the decisions that children should be placed for adoption are not imported',
  previous_permanence: 'permanence before care is not imported',
  sw_episodes: 'social worker episodes are not imported: allocate the worker in Hearth',
};

export function ssda903Import(tables: NumberedTables, options: Ssda903ImportOptions): Ssda903Import {
  const out: Ssda903Import = { lines: [], children: [], problems: [], warnings: [], refused: new Set() };
  const tag = importTag('ssda903', options.year);
  const problem = (table: Ssda903TableName, row: number, reason: string, child?: string) => {
    out.problems.push({ file: ssda903File(table), row, reason });
    if (child !== undefined) out.refused.add(child);
  };

  // The header: one row per child, the details Hearth adds a new child with.
  const headers = new Map<string, { row: number; dob: string | null }>();
  const uasc = new Set(tables.uasc.map((u) => u.value.CHILD));
  for (const { row, value: h } of tables.header) {
    const who = `CHILD ${h.CHILD}`;
    const earlier = headers.get(h.CHILD);
    if (earlier) {
      problem('header', row, `${who} has a header row already (row ${earlier.row}): give each child one header row`, h.CHILD);
      continue;
    }
    headers.set(h.CHILD, { row, dob: h.DOB });
    const gender = h.SEX === null ? null : genderOfSexCode(h.SEX);
    if (h.SEX !== null && gender === null) problem('header', row, `${who}: SEX "${h.SEX}" is not 1 (male) or 2 (female)`, h.CHILD);
    const ethnicity = ethnicityOf(h.ETHNIC, 'ETHNIC');
    if (ethnicity.problem) problem('header', row, `${who}: ${ethnicity.problem}`, h.CHILD);
    if (h.DOB !== null && h.DOB > options.today) problem('header', row, `${who}: DOB ${h.DOB} is after today`, h.CHILD);
    const upn = upnOf(h.UPN, 'UPN');
    if (upn.warning) out.warnings.push({ file: ssda903File('header'), row, reason: `${who}: ${upn.warning}` });
    out.children.push({
      child: h.CHILD,
      file: ssda903File('header'),
      row,
      dateOfBirth: h.DOB,
      expectedDateOfBirth: null,
      gender,
      ethnicity: ethnicity.value,
      upn: upn.value,
      disabilities: [],
      uasc: uasc.has(h.CHILD),
      toAdd: h.DOB ? [] : [`${who}: DOB is missing: Hearth adds a child it does not hold with their date of birth`],
    });
  }

  // Every other table's rows must be for a child in the header.
  const known = (table: Ssda903TableName, row: number, child: string) => {
    if (headers.has(child)) return true;
    problem(table, row, `CHILD ${child} has no row in header.csv: add their header row (SEX, DOB, ETHNIC), or check the CHILD id`);
    return false;
  };

  const byChild = <T extends { CHILD: string }>(rows: readonly { row: number; value: T }[], table: Ssda903TableName) => {
    const grouped = new Map<string, { row: number; value: T }[]>();
    for (const r of rows) if (known(table, r.row, r.value.CHILD)) grouped.set(r.value.CHILD, [...(grouped.get(r.value.CHILD) ?? []), r]);
    return grouped;
  };
  const episodes = byChild(tables.episodes, 'episodes');
  const reviews = byChild(tables.reviews, 'reviews');
  const missing = byChild(tables.missing, 'missing');
  for (const { row, value } of tables.uasc) known('uasc', row, value.CHILD);

  for (const [child, rows] of episodes) careLines(child, rows, { tag, today: options.today, lines: out.lines, problem: (row, reason) => problem('episodes', row, `CHILD ${child}: ${reason}`, child) });
  for (const [child, rows] of reviews) {
    const dob = headers.get(child)?.dob ?? null;
    for (const { row, value: r } of rows) {
      const bad = dateProblem('REVIEW', r.REVIEW, options.today);
      const participation = r.REVIEW_CODE === null ? null : (participationOfReviewCode[r.REVIEW_CODE] ?? null);
      if (bad) problem('reviews', row, `CHILD ${child}: ${bad}`, child);
      if (r.REVIEW_CODE !== null && participation === null) problem('reviews', row, `CHILD ${child}: REVIEW_CODE "${r.REVIEW_CODE}" is not PN0-PN7`, child);
      if (bad || (r.REVIEW_CODE !== null && participation === null)) continue;
      // PN0 is the code for a child under 4 (rules-2024-25.csv 441): for an older child it says nothing of how they took part.
      if (dob && r.REVIEW_CODE === 'PN0' && ageOn(dob, r.REVIEW as string) >= 4) {
        out.warnings.push({ file: ssda903File('reviews'), row, reason: `CHILD ${child}: REVIEW_CODE PN0 is for a child under 4, and the child was ${ageOn(dob, r.REVIEW as string)} on ${r.REVIEW}: imported as "not applicable"; record how they took part on the review` });
      }
      out.lines.push(line(child, 'cic.review_held', r.REVIEW as string, 'during', 'reviews', row, tag, { ...(participation ? { childParticipation: participation } : {}), summary: 'Child in care review, as the SSDA903 return recorded it', dfeCodes: { REVIEW_CODE: r.REVIEW_CODE } }));
    }
  }
  for (const [child, rows] of missing) missingLines(child, rows, tag, options.today, out.lines, (row, reason) => problem('missing', row, `CHILD ${child}: ${reason}`, child));

  for (const [table, why] of Object.entries(notImported) as [Ssda903TableName, string][]) {
    const count = tables[table].length;
    if (count > 0) out.warnings.push({ file: ssda903File(table), row: 0, reason: `${count} row${count === 1 ? '' : 's'} not imported: ${why}` });
  }
  return out;
}


/** Missing and away episodes: a start, and an end if the return has one; they cannot overlap (1007, 1008). */
function missingLines(child: string, rows: { row: number; value: Ssda903Tables['missing'][number] }[], tag: string, today: string, lines: ImportLine[], problem: (row: number, reason: string) => void) {
  const good: { row: number; start: string; end: string | null; kind: string; code: string }[] = [];
  for (const { row, value: m } of rows) {
    const kind = m.MISSING === null ? null : (missingKindOfCode[m.MISSING] ?? null);
    const bad = [
      kind === null ? (m.MISSING === null ? 'MISSING is missing: give M (missing) or A (away from placement without authorisation)' : `MISSING "${m.MISSING}" is not M or A`) : null,
      dateProblem('MIS_START', m.MIS_START, today),
      m.MIS_END === null ? null : dateProblem('MIS_END', m.MIS_END, today),
      m.MIS_START && m.MIS_END && m.MIS_END < m.MIS_START ? `MIS_END ${m.MIS_END} is before MIS_START ${m.MIS_START}` : null,
    ].filter((p): p is string => p !== null);
    for (const p of bad) problem(row, p);
    if (bad.length === 0) good.push({ row, start: m.MIS_START as string, end: m.MIS_END, kind: kind as string, code: m.MISSING as string });
  }
  good.sort((a, b) => a.start.localeCompare(b.start));
  good.forEach((m, i) => {
    const before = good[i - 1];
    if (before && (before.end === null || before.end > m.start)) {
      problem(m.row, `the ${m.kind} episode starting ${m.start} overlaps the one on row ${before.row} (from ${before.start}${before.end ? ` to ${before.end}` : ', not ended'}): correct MIS_START or MIS_END`);
      return;
    }
    lines.push(line(child, 'cic.missing_started', m.start, 'during', 'missing', m.row, tag, { kind: m.kind, summary: `${m.kind === 'absent' ? 'Away from placement without authorisation' : 'Missing'}, as the SSDA903 return recorded it`, dfeCodes: { MISSING: m.code } }));
    if (m.end !== null) lines.push(line(child, 'cic.missing_ended', m.end, 'during', 'missing', m.row, tag, { summary: 'Returned, as the SSDA903 return recorded it' }));
  });
}

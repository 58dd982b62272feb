import { disabilityValuesOf, sexValueOf } from '../cinCensus/cinCodes';
import type { CinCensus, CinChild } from '../cinCensus/cinCensusTypes';
import { episodesOf } from './cinEpisodes';
import { importTag, type ImportLine, type ReturnProblem } from './importLine';
import { ethnicityOf, upnOf, type ImportedChild } from './importedChild';

/**
 * An earlier Children in Need census (../shared/returns-reference/cin-census/*.xml) as history in
 * Hearth's words: each episode of need becomes the events the front door, assessments, enquiries,
 * conferences, child in need plans and case closure record, so that the census Hearth produces
 * (src/domain/returns/cinCensus/cinCensusProjection.ts) reads the same episode back. Pure: the file
 * is already read (parseCinCensusXml), and today is passed in.
 *
 * Each Child is a row of the report, counted from 1 in the file's order.
 */
export interface CinImport {
  lines: ImportLine[];
  children: ImportedChild[];
  problems: ReturnProblem[];
  warnings: ReturnProblem[];
  /** Children with a problem: none of their lines is imported, nor checked further. */
  refused: Set<string>;
}

export interface CinImportOptions {
  /** The collection year the census is for: its events are marked imported 'cin-census-<year>'. */
  year: number;
  /** Today in London, YYYY-MM-DD: nothing is imported as having happened after it. */
  today: string;
}

export function cinCensusImport(census: CinCensus, file: string, options: CinImportOptions): CinImport {
  const out: CinImport = { lines: [], children: [], problems: [], warnings: [], refused: new Set() };
  const tag = importTag('cin-census', options.year);
  const seen = new Map<string, number>();
  census.children.forEach((c, index) => {
    const row = index + 1;
    const id = c.ChildIdentifiers.LAchildID.trim();
    const who = id ? `Child ${row} (LAchildID ${id})` : `Child ${row}`;
    const problem = (reason: string) => {
      out.problems.push({ file, row, reason: `${who}: ${reason}` });
      if (id) out.refused.add(id);
    };
    if (!id) return problem('LAchildID is missing: each child needs the id the authority knows them by');
    const earlier = seen.get(id);
    if (earlier !== undefined) return problem(`LAchildID ${id} is also Child ${earlier}: give each child one Child element, with all their episodes of need in it`);
    seen.set(id, row);
    const identity = identityOf(c, id, file, row, out, problem);
    if (identity) out.children.push(identity);
    episodesOf(c.CINdetails, { child: id, file, row, tag, today: options.today, problem, warn: (reason) => out.warnings.push({ file, row, reason: `${who}: ${reason}` }), lines: out.lines });
  });
  return out;
}

function identityOf(c: CinChild, child: string, file: string, row: number, out: CinImport, problem: (reason: string) => void): ImportedChild | null {
  const ids = c.ChildIdentifiers;
  const sex = ids.Sex === null ? null : sexValueOf(ids.Sex);
  if (ids.Sex !== null && sex === null) problem(`Sex "${ids.Sex}" is not M, F or U (or 1, 2, 0, 9 in files before 2024-25)`);
  const ethnicity = ethnicityOf(c.ChildCharacteristics.Ethnicity, 'Ethnicity');
  if (ethnicity.problem) problem(ethnicity.problem);
  const disabilities = disabilityValuesOf(c.ChildCharacteristics.Disabilities);
  if (disabilities.unknown.length > 0) problem(`Disability ${disabilities.unknown.join(', ')} is not a DfE disability code`);
  const upn = upnOf(ids.UPN, 'UPN');
  if (upn.warning) out.warnings.push({ file, row, reason: `Child ${row} (LAchildID ${child}): ${upn.warning}` });
  const toAdd: string[] = [];
  if (!ids.PersonBirthDate && !ids.ExpectedPersonBirthDate) toAdd.push('PersonBirthDate (or ExpectedPersonBirthDate for an unborn child) is missing: Hearth adds a child it does not hold with their date of birth');
  return {
    child,
    file,
    row,
    dateOfBirth: ids.PersonBirthDate,
    expectedDateOfBirth: ids.PersonBirthDate ? null : ids.ExpectedPersonBirthDate,
    gender: sex,
    ethnicity: ethnicity.value,
    upn: upn.value,
    disabilities: disabilities.values,
    uasc: false,
    toAdd,
  };
}

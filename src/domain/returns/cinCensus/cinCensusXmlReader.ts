import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isIsoDate } from '../../calendar/localDate';
import { categoriesOfAbuse, disabilityValuesOf, referrerAgencies, sexValueOf, upnUnknownReasons } from './cinCodes';
import type { CinAssessment, CinCensus, CinCensusHeader, CinChild, CinChildProtectionPlan, CinDetails, CinPlanDates, CinSection47 } from './cinCensusTypes';
import { closureReasons, primaryNeeds } from './cinWords';

/** Something in the file that cannot be taken as it is, for the child it is about (null: the file or its header). */
export interface CinReadProblem {
  child: string | null;
  reason: string;
}

/** Elements that may repeat: always read as lists, even when a file has one. */
const lists = new Set(['Source', 'Child', 'CINdetails', 'Assessments', 'CINPlanDates', 'Section47', 'ChildProtectionPlans', 'Reviews', 'CPPreviewDate', 'Disability', 'AssessmentFactors']);

const parser = new XMLParser({
  ignoreAttributes: true,
  // Codes such as "001", "10" and "1A" stay as written.
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => lists.has(name),
});

type Node = Record<string, unknown>;

/**
 * An earlier CIN census file read into the census's own shape, for the import of an authority's
 * history (issue 10). The file is read as far as it can be: what cannot be taken as it is (not
 * a real date, a date after the census reference date, a code not in the DfE set, an element
 * Hearth does not know, stray text) is reported for the child it is about, never thrown. The
 * census is null only when the file is not a CIN census at all.
 */
export function parseCinCensusXml(text: string): { census: CinCensus | null; problems: CinReadProblem[] } {
  const problems: CinReadProblem[] = [];
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return { census: null, problems: [{ child: null, reason: `The file is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})` }] };
  }
  const root = parser.parse(text) as Node;
  const message = node(root.Message);
  if (!message || !('Children' in message)) {
    return { census: null, problems: [{ child: null, reason: 'The file is not a CIN census: it has no Message with Children' }] };
  }
  const header = readHeader(node(message.Header), problems);
  const children = list(node(message.Children)?.Child).map((c, i) => readChild(node(c) ?? {}, i, header.ReferenceDate, problems));
  return { census: { header, children }, problems };
}

function node(value: unknown): Node | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : null;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Text of a simple element; null when absent or empty. */
function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** Reports elements the schema does not have here and text between elements (a stray word). */
function strays(element: Node, where: string, known: readonly string[], child: string | null, problems: CinReadProblem[]) {
  for (const key of Object.keys(element)) {
    if (key === '#text') problems.push({ child, reason: `${where} has stray text "${String(element[key]).trim()}" between its elements: it is ignored` });
    else if (!known.includes(key)) problems.push({ child, reason: `${where} has an element ${key} that Hearth does not read: it is ignored` });
  }
}

function readHeader(header: Node | null, problems: CinReadProblem[]): CinCensusHeader {
  if (!header) problems.push({ child: null, reason: 'The file has no Header: the collection year and authority are not known' });
  const details = node(header?.CollectionDetails) ?? {};
  const source = node(list(header?.Source)[0]) ?? {};
  const year = Number(text(details.Year));
  const referenceDate = text(details.ReferenceDate) ?? '';
  if (!Number.isInteger(year)) problems.push({ child: null, reason: `Header: Year "${text(details.Year) ?? ''}" is not a year` });
  if (!isIsoDate(referenceDate)) problems.push({ child: null, reason: `Header: ReferenceDate "${referenceDate}" is not a real date written YYYY-MM-DD` });
  // The collection year ends on its reference date, 31 March (cin-census/rules.csv 100).
  else if (Number.isInteger(year) && referenceDate !== `${year}-03-31`) problems.push({ child: null, reason: `Header: Year ${year} does not match ReferenceDate ${referenceDate}, which should be 31 March ${year}` });
  return {
    Collection: 'CIN',
    Year: Number.isInteger(year) ? year : 0,
    ReferenceDate: isIsoDate(referenceDate) ? referenceDate : '',
    SourceLevel: 'L',
    LEA: text(source.LEA) ?? '',
    SoftwareCode: text(source.SoftwareCode) ?? '',
    Release: text(source.Release) ?? '',
    SerialNo: text(source.SerialNo) ?? '',
    DateTime: text(source.DateTime) ?? '',
  };
}

const codesOf = (words: readonly { dfe: string }[]) => new Set(words.map((w) => w.dfe));
const referralSources = codesOf(referrerAgencies);
const needCodes = codesOf(primaryNeeds);
const closureCodes = codesOf(closureReasons);
const abuseCodes = codesOf(categoriesOfAbuse);
const upnUnknownCodes = new Set(upnUnknownReasons.map((r) => r.code));
/** AssessmentFactors in the DfE code set (CIN census schema 2024; 18A and 19A are older codes the 2024-25 rules query, 8945Q and 8950Q). */
const factorCodes = new Set([
  '1A', '1B', '1C', '2A', '2B', '2C', '3A', '3B', '3C', '4A', '4B', '4C', '5A', '5B', '5C', '6A', '6B', '6C', '7A',
  '8B', '8C', '8D', '8E', '8F', '9A', '10A', '11A', '12A', '13A', '14A', '15A', '16A', '17A', '18A', '18B', '18C',
  '19A', '19B', '19C', '20', '21', '22A', '23A', '24A',
]);

/** Reads one child, reporting against their LAchildID (or their place in the file when it has none). */
function readChild(child: Node, index: number, referenceDate: string, problems: CinReadProblem[]): CinChild {
  const ids = node(child.ChildIdentifiers) ?? {};
  const laChildId = text(ids.LAchildID);
  const who = laChildId ?? `child ${index + 1} in the file (no LAchildID)`;
  const report = (reason: string) => problems.push({ child: who, reason });
  /** A date of something that happened: real, and not after the census reference date. An impossible one is reported and left out. */
  const date = (where: string, name: string, value: unknown, toCome = false): string | null => {
    const v = text(value);
    if (v === null) return null;
    if (!isIsoDate(v)) {
      report(`${where} ${name} "${v}" is not a real date written YYYY-MM-DD`);
      return null;
    }
    if (!toCome && referenceDate && v > referenceDate) report(`${where} ${name} ${v} is after the census reference date ${referenceDate}`);
    return v;
  };
  const code = (where: string, name: string, value: unknown, known: ReadonlySet<string>): string | null => {
    const v = text(value);
    if (v !== null && !known.has(v.toUpperCase())) report(`${where} ${name} "${v}" is not a code in the DfE code set`);
    return v;
  };
  const yesNo = (where: string, name: string, value: unknown): boolean | null => {
    const v = text(value);
    if (v === null) return null;
    const lower = v.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
    report(`${where} ${name} "${v}" is not true or false`);
    return null;
  };

  if (!child.ChildIdentifiers) report('Child has no ChildIdentifiers');
  strays(ids, 'ChildIdentifiers', ['LAchildID', 'UPN', 'FormerUPN', 'UPNunknown', 'PersonBirthDate', 'ExpectedPersonBirthDate', 'Sex', 'GenderCurrent', 'PersonDeathDate'], who, problems);
  strays(child, 'Child', ['ChildIdentifiers', 'ChildCharacteristics', 'CINdetails'], who, problems);
  // Files before 2024-25 give GenderCurrent (1, 2, 0, 9) where later ones give Sex (M, F, U).
  const sex = text(ids.Sex) ?? text(ids.GenderCurrent);
  if (sex !== null && sexValueOf(sex) === null) report(`ChildIdentifiers Sex "${sex}" is not M, F or U`);
  else if (sex !== null && text(ids.Sex) !== null && /^\d$/.test(sex)) report(`ChildIdentifiers Sex "${sex}" is a GenderCurrent code from before 2024-25: read as ${sexValueOf(sex)}`);

  const characteristics = node(child.ChildCharacteristics) ?? {};
  strays(characteristics, 'ChildCharacteristics', ['Ethnicity', 'Disabilities'], who, problems);
  const disabilities = list(node(characteristics.Disabilities)?.Disability).map(text).filter((d): d is string => d !== null);
  const unknownDisabilities = disabilityValuesOf(disabilities).unknown;
  if (unknownDisabilities.length > 0) report(`ChildCharacteristics Disability ${unknownDisabilities.map((d) => `"${d}"`).join(', ')} is not a code in the DfE code set`);

  return {
    ChildIdentifiers: {
      LAchildID: laChildId ?? '',
      UPN: text(ids.UPN),
      FormerUPN: text(ids.FormerUPN),
      UPNunknown: code('ChildIdentifiers', 'UPNunknown', ids.UPNunknown, upnUnknownCodes),
      PersonBirthDate: date('ChildIdentifiers', 'PersonBirthDate', ids.PersonBirthDate),
      ExpectedPersonBirthDate: date('ChildIdentifiers', 'ExpectedPersonBirthDate', ids.ExpectedPersonBirthDate, true),
      Sex: sex,
      PersonDeathDate: date('ChildIdentifiers', 'PersonDeathDate', ids.PersonDeathDate),
    },
    ChildCharacteristics: { Ethnicity: text(characteristics.Ethnicity), Disabilities: disabilities },
    CINdetails: list(child.CINdetails).map((d, i) => readDetails(node(d) ?? {}, `CINdetails ${i + 1}:`)),
  };

  function readDetails(d: Node, at: string): CinDetails {
    strays(d, at, ['CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'CINclosureDate', 'ReasonForClosure', 'DateOfInitialCPC', 'Assessments', 'CINPlanDates', 'Section47', 'ReferralNFA', 'ChildProtectionPlans'], who, problems);
    const Assessments: CinAssessment[] = list(d.Assessments).map((a, i) => {
      const n = node(a) ?? {};
      const where = `${at} Assessments ${i + 1}`;
      strays(n, where, ['AssessmentActualStartDate', 'AssessmentInternalReviewDate', 'AssessmentAuthorisationDate', 'FactorsIdentifiedAtAssessment'], who, problems);
      const factors = list(node(n.FactorsIdentifiedAtAssessment)?.AssessmentFactors).map((f) => code(where, 'AssessmentFactors', f, factorCodes)).filter((f): f is string => f !== null);
      return {
        AssessmentActualStartDate: date(where, 'AssessmentActualStartDate', n.AssessmentActualStartDate),
        AssessmentAuthorisationDate: date(where, 'AssessmentAuthorisationDate', n.AssessmentAuthorisationDate),
        AssessmentFactors: factors,
      };
    });
    const CINPlanDates: CinPlanDates[] = list(d.CINPlanDates).map((p, i) => {
      const n = node(p) ?? {};
      const where = `${at} CINPlanDates ${i + 1}`;
      strays(n, where, ['CINPlanStartDate', 'CINPlanEndDate'], who, problems);
      return { CINPlanStartDate: date(where, 'CINPlanStartDate', n.CINPlanStartDate), CINPlanEndDate: date(where, 'CINPlanEndDate', n.CINPlanEndDate) };
    });
    const Section47: CinSection47[] = list(d.Section47).map((s, i) => {
      const n = node(s) ?? {};
      const where = `${at} Section47 ${i + 1}`;
      strays(n, where, ['S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired'], who, problems);
      return {
        S47ActualStartDate: date(where, 'S47ActualStartDate', n.S47ActualStartDate),
        // A target is a date to come: it may be after the reference date without being wrong.
        InitialCPCtarget: date(where, 'InitialCPCtarget', n.InitialCPCtarget, true),
        DateOfInitialCPC: date(where, 'DateOfInitialCPC', n.DateOfInitialCPC),
        ICPCnotRequired: yesNo(where, 'ICPCnotRequired', n.ICPCnotRequired),
      };
    });
    const ChildProtectionPlans: CinChildProtectionPlan[] = list(d.ChildProtectionPlans).map((p, i) => {
      const n = node(p) ?? {};
      const where = `${at} ChildProtectionPlans ${i + 1}`;
      strays(n, where, ['CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse', 'NumberOfPreviousCPP', 'Reviews'], who, problems);
      const previous = text(n.NumberOfPreviousCPP);
      if (previous !== null && !/^\d+$/.test(previous)) report(`${where} NumberOfPreviousCPP "${previous}" is not a whole number`);
      // One Reviews group with many dates, as the schema has it; several groups are read too.
      const reviews = list(n.Reviews).flatMap((r) => list(node(r)?.CPPreviewDate).map((v) => date(where, 'CPPreviewDate', v)));
      return {
        CPPstartDate: date(where, 'CPPstartDate', n.CPPstartDate),
        CPPendDate: date(where, 'CPPendDate', n.CPPendDate),
        InitialCategoryOfAbuse: code(where, 'InitialCategoryOfAbuse', n.InitialCategoryOfAbuse, abuseCodes),
        LatestCategoryOfAbuse: code(where, 'LatestCategoryOfAbuse', n.LatestCategoryOfAbuse, abuseCodes),
        NumberOfPreviousCPP: previous !== null && /^\d+$/.test(previous) ? Number(previous) : null,
        Reviews: reviews.filter((r): r is string => r !== null),
      };
    });
    return {
      CINreferralDate: date(at, 'CINreferralDate', d.CINreferralDate),
      ReferralSource: code(at, 'ReferralSource', d.ReferralSource, referralSources),
      PrimaryNeedCode: code(at, 'PrimaryNeedCode', d.PrimaryNeedCode, needCodes),
      CINclosureDate: date(at, 'CINclosureDate', d.CINclosureDate),
      ReasonForClosure: code(at, 'ReasonForClosure', d.ReasonForClosure, closureCodes),
      DateOfInitialCPC: date(at, 'DateOfInitialCPC', d.DateOfInitialCPC),
      ReferralNFA: yesNo(at, 'ReferralNFA', d.ReferralNFA),
      Assessments,
      CINPlanDates,
      Section47,
      ChildProtectionPlans,
    };
  }
}

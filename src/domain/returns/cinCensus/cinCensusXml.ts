import { XMLBuilder } from 'fast-xml-parser';
import type { ReturnContext } from '../subject';
import type { CinCensus, CinCensusHeader, CinChild, CinDetails } from './cinCensusTypes';

/**
 * The CIN census file as the DfE schema lays it out (CIN census schema 2024, and the sample files
 * in ../shared/returns-reference/cin-census/): Message > Header (CollectionDetails, Source) and
 * Children > Child (ChildIdentifiers, ChildCharacteristics, CINdetails…). The schema is a
 * sequence, so elements are written in its order; an optional element with no value is left
 * out, never written empty; yes/no items are written true or false, as the samples do.
 */
export function cinCensusXml(census: CinCensus): string {
  const message = {
    Message: {
      Header: headerElements(census.header),
      Children: { Child: census.children.map(childElements) },
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(message) as string}`;
}

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true });

type Element = Record<string, unknown>;

/** Keys in order, without those whose value is absent: the schema's minOccurs="0" items. */
function present(entries: [string, unknown][]): Element {
  const element: Element = {};
  for (const [name, value] of entries) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    element[name] = typeof value === 'boolean' ? String(value) : typeof value === 'number' ? String(value) : value;
  }
  return element;
}

function headerElements(h: CinCensusHeader): Element {
  return {
    CollectionDetails: present([
      ['Collection', h.Collection],
      ['Year', h.Year],
      ['ReferenceDate', h.ReferenceDate],
    ]),
    Source: present([
      ['SourceLevel', h.SourceLevel],
      ['LEA', h.LEA],
      ['SoftwareCode', h.SoftwareCode],
      ['Release', h.Release],
      ['SerialNo', h.SerialNo],
      ['DateTime', h.DateTime],
    ]),
  };
}

function childElements(child: CinChild): Element {
  const id = child.ChildIdentifiers;
  const characteristics = child.ChildCharacteristics;
  return {
    ChildIdentifiers: present([
      ['LAchildID', id.LAchildID],
      ['UPN', id.UPN],
      ['FormerUPN', id.FormerUPN],
      ['UPNunknown', id.UPNunknown],
      ['PersonBirthDate', id.PersonBirthDate],
      ['ExpectedPersonBirthDate', id.ExpectedPersonBirthDate],
      ['Sex', id.Sex],
      ['PersonDeathDate', id.PersonDeathDate],
    ]),
    ChildCharacteristics: present([
      ['Ethnicity', characteristics.Ethnicity],
      ['Disabilities', characteristics.Disabilities.length > 0 ? { Disability: characteristics.Disabilities } : null],
    ]),
    CINdetails: child.CINdetails.map(detailsElements),
  };
}

function detailsElements(d: CinDetails): Element {
  return present([
    ['CINreferralDate', d.CINreferralDate],
    ['ReferralSource', d.ReferralSource],
    ['PrimaryNeedCode', d.PrimaryNeedCode],
    ['CINclosureDate', d.CINclosureDate],
    ['ReasonForClosure', d.ReasonForClosure],
    ['DateOfInitialCPC', d.DateOfInitialCPC],
    [
      'Assessments',
      d.Assessments.map((a) =>
        present([
          ['AssessmentActualStartDate', a.AssessmentActualStartDate],
          ['AssessmentAuthorisationDate', a.AssessmentAuthorisationDate],
          ['FactorsIdentifiedAtAssessment', a.AssessmentFactors.length > 0 ? { AssessmentFactors: a.AssessmentFactors } : null],
        ]),
      ),
    ],
    ['CINPlanDates', d.CINPlanDates.map((p) => present([['CINPlanStartDate', p.CINPlanStartDate], ['CINPlanEndDate', p.CINPlanEndDate]]))],
    [
      'Section47',
      d.Section47.map((s) =>
        present([
          ['S47ActualStartDate', s.S47ActualStartDate],
          ['InitialCPCtarget', s.InitialCPCtarget],
          ['DateOfInitialCPC', s.DateOfInitialCPC],
          ['ICPCnotRequired', s.ICPCnotRequired],
        ]),
      ),
    ],
    // The schema puts ReferralNFA after the section 47 enquiries and before the plans.
    ['ReferralNFA', d.ReferralNFA],
    [
      'ChildProtectionPlans',
      d.ChildProtectionPlans.map((p) =>
        present([
          ['CPPstartDate', p.CPPstartDate],
          ['CPPendDate', p.CPPendDate],
          ['InitialCategoryOfAbuse', p.InitialCategoryOfAbuse],
          ['LatestCategoryOfAbuse', p.LatestCategoryOfAbuse],
          ['NumberOfPreviousCPP', p.NumberOfPreviousCPP],
          // One Reviews group holding every review date of the plan (0..1 group, 1..n dates).
          ['Reviews', p.Reviews.length > 0 ? { CPPreviewDate: p.Reviews } : null],
        ]),
      ),
    ],
  ]);
}

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as London's local date and time, YYYY-MM-DDThh:mm:ss (the header's DateTime). */
export function londonDateTimeOf(instant: Date): string {
  const parts = Object.fromEntries(londonDateTime.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The header of the authority's return for the context's year: the reference date is the
 * collection's 31 March (rules.csv 100), the source the authority's three-digit code (LEA).
 * `release` names the version of Hearth that produced it.
 */
export function cinHeader(context: Pick<ReturnContext, 'period' | 'laCode'>, now: Date, release: string): CinCensusHeader {
  return {
    Collection: 'CIN',
    Year: context.period.year,
    ReferenceDate: context.period.end,
    SourceLevel: 'L',
    LEA: context.laCode,
    SoftwareCode: 'Hearth',
    Release: release,
    SerialNo: '001',
    DateTime: londonDateTimeOf(now),
  };
}

export { parseCinCensusXml } from './cinCensusXmlReader';

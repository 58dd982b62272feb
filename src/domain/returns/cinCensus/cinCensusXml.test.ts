import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectionPeriod } from '../collectionYear';
import type { CinCensus, CinChild } from './cinCensusTypes';
import { cinCensusXml, cinHeader, parseCinCensusXml } from './cinCensusXml';

const header = cinHeader({ period: collectionPeriod(2026), laCode: '201' }, new Date('2026-05-12T09:05:07Z'), '0.10.0');

const fullChild: CinChild = {
  ChildIdentifiers: {
    LAchildID: 'C0001',
    UPN: 'A123456789012',
    FormerUPN: 'X98765432123B',
    UPNunknown: null,
    PersonBirthDate: '2015-03-27',
    ExpectedPersonBirthDate: null,
    Sex: 'F',
    PersonDeathDate: null,
  },
  ChildCharacteristics: { Ethnicity: 'WBRI', Disabilities: ['HAND', 'HEAR'] },
  CINdetails: [
    {
      CINreferralDate: '2025-05-06',
      ReferralSource: '2A',
      PrimaryNeedCode: 'N1',
      CINclosureDate: '2026-02-27',
      ReasonForClosure: 'RC7',
      DateOfInitialCPC: null,
      ReferralNFA: false,
      Assessments: [
        { AssessmentActualStartDate: '2025-05-06', AssessmentAuthorisationDate: '2025-06-19', AssessmentFactors: ['1C', '3A'] },
        { AssessmentActualStartDate: '2025-11-03', AssessmentAuthorisationDate: null, AssessmentFactors: [] },
      ],
      CINPlanDates: [{ CINPlanStartDate: '2025-06-24', CINPlanEndDate: '2025-08-01' }],
      Section47: [{ S47ActualStartDate: '2025-08-01', InitialCPCtarget: '2025-08-22', DateOfInitialCPC: '2025-08-20', ICPCnotRequired: false }],
      ChildProtectionPlans: [
        { CPPstartDate: '2025-08-20', CPPendDate: '2026-02-27', InitialCategoryOfAbuse: 'NEG', LatestCategoryOfAbuse: 'MUL', NumberOfPreviousCPP: 2, Reviews: ['2025-11-12', '2026-02-27'] },
      ],
    },
    {
      CINreferralDate: '2026-03-02',
      ReferralSource: '10',
      PrimaryNeedCode: null,
      CINclosureDate: null,
      ReasonForClosure: null,
      DateOfInitialCPC: '2026-03-20',
      ReferralNFA: true,
      Assessments: [],
      CINPlanDates: [],
      Section47: [{ S47ActualStartDate: '2026-03-10', InitialCPCtarget: '2026-03-31', DateOfInitialCPC: null, ICPCnotRequired: true }],
      ChildProtectionPlans: [],
    },
  ],
};

const unborn: CinChild = {
  ChildIdentifiers: { LAchildID: 'C0002', UPN: null, FormerUPN: null, UPNunknown: 'UN1', PersonBirthDate: null, ExpectedPersonBirthDate: '2026-05-01', Sex: 'U', PersonDeathDate: null },
  ChildCharacteristics: { Ethnicity: 'NOBT', Disabilities: ['NONE'] },
  CINdetails: [
    {
      CINreferralDate: '2026-01-05',
      ReferralSource: '3B',
      PrimaryNeedCode: null,
      CINclosureDate: null,
      ReasonForClosure: null,
      DateOfInitialCPC: null,
      ReferralNFA: false,
      Assessments: [],
      CINPlanDates: [],
      Section47: [],
      ChildProtectionPlans: [],
    },
  ],
};

const census: CinCensus = { header, children: [fullChild, unborn] };

/** The element names of a piece of XML in the order they open. */
const openingTags = (xml: string) => [...xml.matchAll(/<([A-Za-z0-9]+)>/g)].map((m) => m[1]);

describe('cinHeader', () => {
  it('names the collection, its 31 March reference date, the authority and London local time', () => {
    expect(header).toEqual({
      Collection: 'CIN',
      Year: 2026,
      ReferenceDate: '2026-03-31',
      SourceLevel: 'L',
      LEA: '201',
      SoftwareCode: 'Hearth',
      Release: '0.10.0',
      SerialNo: '001',
      // 09:05:07 UTC in May is 10:05:07 in London (BST).
      DateTime: '2026-05-12T10:05:07',
    });
  });
});

describe('cinCensusXml', () => {
  const xml = cinCensusXml(census);

  it('reads back as the same census (round trip)', () => {
    const read = parseCinCensusXml(xml);
    expect(read.problems).toEqual([]);
    expect(read.census).toEqual(census);
  });

  it('writes the header and each child in the schema’s order', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Message>')).toBe(true);
    const first = xml.slice(xml.indexOf('<Child>'), xml.indexOf('</Child>'));
    expect(openingTags(xml.slice(0, xml.indexOf('<Children>')))).toEqual([
      'Message', 'Header', 'CollectionDetails', 'Collection', 'Year', 'ReferenceDate', 'Source', 'SourceLevel', 'LEA', 'SoftwareCode', 'Release', 'SerialNo', 'DateTime',
    ]);
    expect(openingTags(first)).toEqual([
      'Child', 'ChildIdentifiers', 'LAchildID', 'UPN', 'FormerUPN', 'PersonBirthDate', 'Sex',
      'ChildCharacteristics', 'Ethnicity', 'Disabilities', 'Disability', 'Disability',
      'CINdetails', 'CINreferralDate', 'ReferralSource', 'PrimaryNeedCode', 'CINclosureDate', 'ReasonForClosure',
      'Assessments', 'AssessmentActualStartDate', 'AssessmentAuthorisationDate', 'FactorsIdentifiedAtAssessment', 'AssessmentFactors', 'AssessmentFactors',
      'Assessments', 'AssessmentActualStartDate',
      'CINPlanDates', 'CINPlanStartDate', 'CINPlanEndDate',
      'Section47', 'S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired',
      'ReferralNFA',
      'ChildProtectionPlans', 'CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse', 'NumberOfPreviousCPP', 'Reviews', 'CPPreviewDate', 'CPPreviewDate',
      'CINdetails', 'CINreferralDate', 'ReferralSource', 'DateOfInitialCPC',
      'Section47', 'S47ActualStartDate', 'InitialCPCtarget', 'ICPCnotRequired',
      'ReferralNFA',
    ]);
  });

  it('writes yes/no items as true or false and leaves absent optional items out', () => {
    expect(xml).toContain('<ReferralNFA>false</ReferralNFA>');
    expect(xml).toContain('<ReferralNFA>true</ReferralNFA>');
    expect(xml).toContain('<ICPCnotRequired>true</ICPCnotRequired>');
    expect(xml).not.toMatch(/<UPNunknown\/>|<UPNunknown><\/UPNunknown>|<PersonDeathDate|<FactorsIdentifiedAtAssessment\/>|null|undefined/);
    expect(xml).toContain('<ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate>');
  });

  it('escapes text that is not XML', () => {
    const odd: CinCensus = { header: { ...header, SoftwareCode: 'Hearth <R&D>' }, children: [] };
    const out = cinCensusXml(odd);
    expect(out).toContain('Hearth &lt;R&amp;D&gt;');
    expect(parseCinCensusXml(out).census?.header.SoftwareCode).toBe('Hearth <R&D>');
  });
});

describe('parseCinCensusXml', () => {
  /** The DfE sample files (../shared/returns-reference/cin-census/), with their deliberate mistakes. */
  const sample = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../../shared/returns-reference/cin-census/${name}`, import.meta.url)), 'utf8');

  it.each(['CIN_Census_2024.xml', 'CIN_Census_2026.xml'])('reads the sample %s and reports its mistakes rather than failing', (name) => {
    const { census, problems } = parseCinCensusXml(sample(name));
    expect(census?.header).toMatchObject({ Year: 2023, ReferenceDate: '2024-03-31', LEA: '201' });
    expect(census?.children.map((c) => c.ChildIdentifiers.LAchildID)).toEqual(['DfEX0000001', 'child_fails_assessments']);
    const [first, second] = census!.children;
    expect(first!.CINdetails[0]!.Assessments[0]).toEqual({ AssessmentActualStartDate: '2028-04-28', AssessmentAuthorisationDate: '2020-09-19', AssessmentFactors: ['1C', 'RB', '6B'] });
    expect(first!.CINdetails[0]!.ChildProtectionPlans[0]!.Reviews).toEqual(['2023-02-15']);
    // ReferralNFA written 0 reads as false; an empty factors element as none.
    expect(first!.CINdetails[0]!.ReferralNFA).toBe(false);
    expect(second!.CINdetails[0]!.Assessments[0]!.AssessmentFactors).toEqual([]);
    expect(second!.ChildCharacteristics.Disabilities).toEqual(['NONE']);
    const reasons = problems.map((p) => `${p.child}: ${p.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'null: Header: Year 2023 does not match ReferenceDate 2024-03-31, which should be 31 March 2023',
        'DfEX0000001: ChildIdentifiers has stray text "PersonBirthDate" between its elements: it is ignored',
        'DfEX0000001: ChildIdentifiers Sex "1" is a GenderCurrent code from before 2024-25: read as M',
        'DfEX0000001: CINdetails 1: Assessments 1 AssessmentActualStartDate 2028-04-28 is after the census reference date 2024-03-31',
        'DfEX0000001: CINdetails 1: Assessments 1 AssessmentFactors "RB" is not a code in the DfE code set',
        'child_fails_assessments: CINdetails 1: CINreferralDate 2024-10-24 is after the census reference date 2024-03-31',
      ]),
    );
    if (name === 'CIN_Census_2026.xml') expect(reasons).toContain('DfEX0000001: CINdetails 1: has an element PreProceedingsandFGDM that Hearth does not read: it is ignored');
  });

  it('reports an impossible date for its child and leaves it out', () => {
    const bad = cinCensusXml(census).replace('<CINPlanEndDate>2025-08-01</CINPlanEndDate>', '<CINPlanEndDate>2025-02-30</CINPlanEndDate>').replace('<ReferralNFA>true</ReferralNFA>', '<ReferralNFA>maybe</ReferralNFA>');
    const { census: read, problems } = parseCinCensusXml(bad);
    expect(read!.children[0]!.CINdetails[0]!.CINPlanDates[0]!.CINPlanEndDate).toBeNull();
    expect(read!.children[0]!.CINdetails[1]!.ReferralNFA).toBeNull();
    expect(problems).toEqual([
      { child: 'C0001', reason: 'CINdetails 1: CINPlanDates 1 CINPlanEndDate "2025-02-30" is not a real date written YYYY-MM-DD' },
      { child: 'C0001', reason: 'CINdetails 2: ReferralNFA "maybe" is not true or false' },
    ]);
  });

  it('reads several Reviews groups, and the older GenderCurrent element', () => {
    const older = cinCensusXml(census)
      .replace('<Sex>F</Sex>', '<GenderCurrent>2</GenderCurrent>')
      .replace(/<Reviews>\s*<CPPreviewDate>2025-11-12<\/CPPreviewDate>\s*<CPPreviewDate>2026-02-27<\/CPPreviewDate>\s*<\/Reviews>/, '<Reviews><CPPreviewDate>2025-11-12</CPPreviewDate></Reviews><Reviews><CPPreviewDate>2026-02-27</CPPreviewDate></Reviews>');
    const { census: read, problems } = parseCinCensusXml(older);
    expect(problems).toEqual([]);
    expect(read!.children[0]!.ChildIdentifiers.Sex).toBe('2');
    expect(read!.children[0]!.CINdetails[0]!.ChildProtectionPlans[0]!.Reviews).toEqual(['2025-11-12', '2026-02-27']);
  });

  it('names a child without an LAchildID by its place in the file', () => {
    const { problems } = parseCinCensusXml(cinCensusXml(census).replace('<LAchildID>C0002</LAchildID>', '').replace('<ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate>', '<ExpectedPersonBirthDate>soon</ExpectedPersonBirthDate>'));
    expect(problems).toEqual([{ child: 'child 2 in the file (no LAchildID)', reason: 'ChildIdentifiers ExpectedPersonBirthDate "soon" is not a real date written YYYY-MM-DD' }]);
  });

  it('gives no census for a file that is not XML or not a CIN census', () => {
    expect(parseCinCensusXml('<Message><Header>').census).toBeNull();
    expect(parseCinCensusXml('<Message><Header>').problems[0]!.reason).toMatch(/^The file is not well-formed XML/);
    expect(parseCinCensusXml('<EXPSSDA903><CHILD/></EXPSSDA903>')).toEqual({ census: null, problems: [{ child: null, reason: 'The file is not a CIN census: it has no Message with Children' }] });
  });
});

import { describe, expect, it } from 'vitest';
import type { CinCensus, CinCensusHeader, CinChild } from '../cinCensusTypes';
import { cinRuleByCode, cinWholeReturnRules, validateCinCensus, validateCinHeader } from './index';
import { baselineChild, context2026 } from './testChild';

const header: CinCensusHeader = {
  Collection: 'CIN',
  Year: 2026,
  ReferenceDate: '2026-03-31',
  SourceLevel: 'L',
  LEA: '201',
  SoftwareCode: 'Hearth',
  Release: '0.1.0',
  SerialNo: '001',
  DateTime: '2026-05-20T09:30:00',
};

/** Valid UPNs (people/upn.ts check letters) for children 1 to 8 of the clean return. */
const upns = ['P201123456789', 'J201987654321', 'T201555555551'];

const disabilityMix = [['MOB', 'HAND'], ['PC'], ['INC'], ['COMM'], ['LD'], ['HEAR'], ['VIS'], ['NONE']];

/** Children the whole-return rules accept: distinct IDs and UPNs, eight disability codes, one child with two. */
function cleanChildren(): CinChild[] {
  return disabilityMix.map((disabilities, i) => {
    const child = baselineChild(`HRT00${i + 1}`, upns[i] ?? null);
    if (!child.ChildIdentifiers.UPN) child.ChildIdentifiers.UPNunknown = 'UN5';
    child.ChildCharacteristics.Disabilities = disabilities;
    return child;
  });
}

const rule = (code: string) => cinWholeReturnRules.find((r) => r.code === code)!;

describe('the header (rule 100)', () => {
  it('accepts 31 March of the collection year', () => {
    expect(validateCinHeader(header, context2026)).toEqual([]);
  });

  it('refuses another reference date', () => {
    expect(validateCinHeader({ ...header, ReferenceDate: '2025-03-31' }, context2026)).toEqual([
      { code: '100', childId: null, fields: ['ReferenceDate', 'Year'], at: '2025-03-31' },
    ]);
  });

  it('refuses a header for another year than the one being validated', () => {
    expect(validateCinHeader({ ...header, Year: 2025, ReferenceDate: '2025-03-31' }, context2026)).toHaveLength(1);
  });
});

describe('rules across children', () => {
  it('accept a clean return: no failures at all, queries included', () => {
    const census: CinCensus = { header, children: cleanChildren() };
    expect(validateCinCensus(census, context2026)).toEqual([]);
  });

  it('1520: reports each child sharing a UPN', () => {
    const children = cleanChildren();
    children[1]!.ChildIdentifiers.UPN = children[0]!.ChildIdentifiers.UPN;
    expect(rule('1520').checkAll(children, context2026).map((f) => f.childId)).toEqual(['HRT001', 'HRT002']);
    expect(rule('1520').checkAll(cleanChildren(), context2026)).toEqual([]);
  });

  it('8510: reports each child sharing an LA child ID', () => {
    const children = cleanChildren();
    children[2]!.ChildIdentifiers.LAchildID = 'HRT001';
    expect(rule('8510').checkAll(children, context2026).map((f) => f.childId)).toEqual(['HRT001', 'HRT001']);
    expect(rule('8510').checkAll(cleanChildren(), context2026)).toEqual([]);
  });

  it('2883: more plans starting in the year than initial conferences', () => {
    const children = cleanChildren();
    const episode = children[0]!.CINdetails[1]!;
    episode.Section47[0]!.DateOfInitialCPC = null;
    expect(rule('2883').checkAll(children, context2026)).toEqual([
      { code: '2883', childId: null, fields: ['CPPstartDate', 'DateOfInitialCPC'], at: null },
    ]);
    // A conference recorded on the episode itself counts as well.
    episode.DateOfInitialCPC = '2025-05-29';
    expect(rule('2883').checkAll(children, context2026)).toEqual([]);
  });

  it('2886Q: more than 2 in 100 born children with no sex recorded', () => {
    const many = Array.from({ length: 50 }, (_, i) => baselineChild(`HRT${i}`, null));
    many[0]!.ChildIdentifiers.Sex = null;
    expect(rule('2886Q').checkAll(many, context2026)).toEqual([]); // 1 in 50 is 2%, not more
    many[1]!.ChildIdentifiers.Sex = 'U';
    expect(rule('2886Q').checkAll(many, context2026)).toHaveLength(1); // 2 in 50
  });

  it('2886Q: leaves unborn children out', () => {
    const many = Array.from({ length: 50 }, (_, i) => baselineChild(`HRT${i}`, null));
    for (const child of many.slice(0, 5)) {
      child.ChildIdentifiers.PersonBirthDate = null;
      child.ChildIdentifiers.ExpectedPersonBirthDate = '2026-06-01';
      child.ChildIdentifiers.Sex = 'U';
    }
    expect(rule('2886Q').checkAll(many, context2026)).toEqual([]);
  });

  it('2887Q: fewer than eight disability codes used', () => {
    const children = cleanChildren();
    children[6]!.ChildCharacteristics.Disabilities = ['NONE'];
    expect(rule('2887Q').checkAll(children, context2026)).toEqual([{ code: '2887Q', childId: null, fields: ['Disability'], at: null }]);
  });

  it('2888Q: no child with more than one disability', () => {
    const children = cleanChildren();
    children[0]!.ChildCharacteristics.Disabilities = ['MOB'];
    expect(rule('2888Q').checkAll(children, context2026)).toEqual([{ code: '2888Q', childId: null, fields: ['Disability'], at: null }]);
  });

  it('validateCinCensus reports the header, each child and the whole return together', () => {
    const children = cleanChildren();
    children[0]!.ChildIdentifiers.Sex = null;
    children[1]!.ChildIdentifiers.LAchildID = 'HRT001';
    const codes = validateCinCensus({ header: { ...header, ReferenceDate: '2026-04-01' }, children }, context2026).map((f) => f.code);
    expect(codes).toEqual(['100', '4180', '8510', '8510', '2886Q']);
  });
});

describe('cinRuleByCode', () => {
  it('finds child, whole-return and header rules by code', () => {
    expect(cinRuleByCode('8840')?.message).toBe('Child Protection Plan cannot start and end on the same day');
    expect(cinRuleByCode('2886Q')?.severity).toBe('query');
    expect(cinRuleByCode('100')?.fix).toMatch(/31 March/);
    expect(cinRuleByCode('9999')).toBeUndefined();
  });

  it('covers every code in the rule list', () => {
    // cin-census/rules.csv, one entry per code (the later year folder wins).
    const listed = [
      '100', '1103', '1104', '1105', '1510', '1520', '1530', '1540', '1550', '1560Q', '1570', '1580', '2883', '2884', '2885',
      '2886Q', '2887Q', '2888Q', '2889', '2990', '2991Q', '4000', '4001', '4003', '4004', '4008', '4009Q', '4010', '4011',
      '4012Q', '4013', '4014', '4015', '4016', '4017', '4180', '4220', '8500', '8510', '8520', '8525Q', '8530Q', '8535Q',
      '8540', '8545Q', '8555Q', '8565', '8568', '8569Q', '8585Q', '8590', '8600', '8606', '8608', '8610', '8614', '8615',
      '8620', '8630', '8640', '8650', '8670Q', '8675Q', '8696', '8715', '8720', '8730', '8736', '8740', '8750', '8770Q',
      '8772', '8775Q', '8790', '8794', '8805', '8810', '8815', '8816', '8820', '8825Q', '8831', '8832', '8839', '8840',
      '8841', '8842Q', '8863Q', '8866', '8867', '8868', '8869', '8870Q', '8873Q', '8875', '8890', '8896', '8897Q', '8898',
      '8905', '8910', '8915', '8920', '8925', '8930', '8935', '8940', '8945Q', '8950Q',
    ];
    expect(listed.filter((code) => !cinRuleByCode(code))).toEqual([]);
    expect(listed).toHaveLength(109);
  });
});

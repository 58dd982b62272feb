import { describe, expect, it } from 'vitest';
import { contactSources } from '../../frontDoor/contact';
import {
  categoriesOfAbuse,
  categoryOfAbuseOf,
  categoryOfAbuseValueOf,
  disabilitiesOf,
  disabilityValuesOf,
  referralSourceOf,
  referralSourceWords,
  referrerAgencies,
  sexOf,
  sexValueOf,
  upnUnknownOf,
} from './cinCodes';

describe('ReferralSource from the front door (rules.csv 8866)', () => {
  it.each([
    [{ source: 'family', referrer: { relationship: 'Grandmother' } }, '1A'],
    [{ source: 'public', referrer: { relationship: 'Neighbour' } }, '1B'],
    [{ source: 'young_person', referrer: { relationship: 'Self' } }, '1C'],
    [{ source: 'public', referrer: { relationship: 'Passer-by' } }, '1D'],
    [{ source: 'public', referrer: { name: 'Not given', relationship: 'Anonymous caller' } }, '9'],
    [{ source: 'marf', referrer: { organisation: 'Riverside Primary School', relationship: 'Class teacher' } }, '2A'],
    [{ source: 'professional_call', referrer: { organisation: 'Virtual School', relationship: 'Head' } }, '2B'],
    [{ source: 'marf', referrer: { organisation: 'High Street Surgery', relationship: 'GP' } }, '3A'],
    [{ source: 'marf', referrer: { organisation: 'NHS Trust', relationship: 'Health visitor' } }, '3B'],
    [{ source: 'marf', referrer: { organisation: 'School nursing service', relationship: 'Nurse' } }, '3C'],
    [{ source: 'marf', referrer: { organisation: 'Community midwifery', relationship: 'Midwife' } }, '3D'],
    [{ source: 'professional_call', referrer: { organisation: 'County Hospital A&E', relationship: 'Sister' } }, '3E'],
    [{ source: 'marf', referrer: { organisation: 'CAMHS', relationship: 'Clinician' } }, '3F'],
    [{ source: 'marf', referrer: { organisation: 'Housing Options', relationship: 'Officer' } }, '4'],
    [{ source: 'marf', referrer: { organisation: 'Adult Social Care', relationship: 'Social worker' } }, '5A'],
    [{ source: 'marf', referrer: { organisation: 'Youth Justice Service', relationship: 'Case manager' } }, '5B'],
    [{ source: 'marf', referrer: { organisation: 'Another local authority', relationship: 'Social worker' } }, '5C'],
    [{ source: 'marf', referrer: { organisation: 'Early Help Hub', relationship: 'Worker' } }, '5D'],
    [{ source: 'professional_call', referrer: { organisation: 'Police', relationship: 'PC 1234' } }, '6'],
    [{ source: 'marf', referrer: { organisation: 'Probation Service', relationship: 'Officer' } }, '7'],
    [{ source: 'marf', referrer: { organisation: 'Homestart', relationship: 'Volunteer' } }, '8'],
    [{ source: 'hospital', referrer: { organisation: 'County Hospital', relationship: 'Ward sister' } }, '3F'],
    // The exact agency, when the contact records it, wins over anything read from the words.
    [{ source: 'marf', referrerAgency: 'police', referrer: { organisation: 'Riverside School' } }, '6'],
  ])('%j is %s', (contact, code) => {
    expect(referralSourceOf(contact)).toBe(code);
  });

  it('is null when the contact does not say how it came in', () => {
    expect(referralSourceOf({})).toBeNull();
    expect(referralSourceOf({ source: 'carrier_pigeon' })).toBeNull();
  });

  it('every front door source gives a code', () => {
    for (const s of contactSources) expect(referralSourceOf({ source: s.value, referrer: {} })).not.toBeNull();
  });

  it('reads every DfE code back into front door words that give the same code (the importer)', () => {
    for (const agency of referrerAgencies) {
      const words = referralSourceWords(agency.dfe)!;
      expect(contactSources.map((s) => s.value)).toContain(words.source);
      expect(referralSourceOf({ source: words.source, referrerAgency: words.referrerAgency, referrer: { organisation: words.organisation } })).toBe(agency.dfe);
    }
    expect(referralSourceWords('3a')?.referrerAgency).toBe('gp');
    expect(referralSourceWords('11')).toBeNull();
  });
});

describe('category of abuse (rules.csv 8905, 8910)', () => {
  it('maps each conference category and back', () => {
    expect(categoriesOfAbuse.map((c) => categoryOfAbuseOf(c.value))).toEqual(['NEG', 'PHY', 'SAB', 'EMO', 'MUL']);
    expect(categoryOfAbuseValueOf('sab')).toBe('sexual');
    expect(categoryOfAbuseOf('bullying')).toBeNull();
    expect(categoryOfAbuseValueOf('XYZ')).toBeNull();
  });
});

describe('sex (rules.csv 4180, 8750)', () => {
  it('is the recorded code, U for an unborn child, null when not recorded', () => {
    expect(sexOf('F', false)).toBe('F');
    expect(sexOf('F', true)).toBe('U');
    expect(sexOf(null, false)).toBeNull();
    expect(sexOf('X', false)).toBeNull();
  });
  it('reads Sex and the older GenderCurrent codes', () => {
    expect(['M', 'f', '1', '2', '0', '9', '7'].map(sexValueOf)).toEqual(['M', 'F', 'M', 'F', 'U', 'U', null]);
  });
});

describe('disabilities (rules.csv 8540, 8790, 8794)', () => {
  it('lists the codes once each, or NONE alone', () => {
    expect(disabilitiesOf(['HAND', 'HEAR', 'HAND'])).toEqual(['HAND', 'HEAR']);
    expect(disabilitiesOf([])).toEqual(['NONE']);
  });
  it('reads a file’s codes, NONE as no disability, and reports the unknown', () => {
    expect(disabilityValuesOf(['NONE'])).toEqual({ values: [], unknown: [] });
    expect(disabilityValuesOf(['hand', 'WINGS'])).toEqual({ values: ['HAND'], unknown: ['WINGS'] });
  });
});

describe('UPNunknown (rules.csv 8770Q, 8772)', () => {
  const facts = { upn: null, dateOfBirth: '2015-05-01', uasc: false, onlyReferralsWithNoFurtherAction: false, referenceDate: '2026-03-31' };
  it('is none when there is a UPN', () => expect(upnUnknownOf({ ...facts, upn: 'A123456789012' })).toBeNull());
  it('is UN7 for referrals with no further action only', () => expect(upnUnknownOf({ ...facts, onlyReferralsWithNoFurtherAction: true })).toBe('UN7'));
  it('is UN1 for a child not yet of school age, as 8770Q counts it', () => {
    expect(upnUnknownOf({ ...facts, dateOfBirth: '2022-09-01' })).toBe('UN1');
    expect(upnUnknownOf({ ...facts, dateOfBirth: null })).toBe('UN1');
    expect(upnUnknownOf({ ...facts, dateOfBirth: '2022-08-31' })).toBeNull();
  });
  it('is UN2 for an unaccompanied asylum-seeking child of school age', () => expect(upnUnknownOf({ ...facts, uasc: true })).toBe('UN2'));
  it('is left for 8770Q to ask about for any other child of school age', () => expect(upnUnknownOf(facts)).toBeNull());
});

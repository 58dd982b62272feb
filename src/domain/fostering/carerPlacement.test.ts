import { describe, expect, it } from 'vitest';
import { exemptionCovers, outsideTerms, termsOutside } from './carerPlacement';
import type { Terms } from './terms';

const terms: Terms = { children: 2, ageFrom: 5, ageTo: 11, gender: 'any', careTypes: ['short_term'] };
const kayden = { id: 'k', name: 'Kayden', dateOfBirth: '2015-04-06', gender: 'M' };

describe('a placement against the terms of approval (Family Placement 17-18)', () => {
  it('is within the terms: under the number, within the ages, any gender', () => {
    expect(outsideTerms(terms, kayden, 1, '2026-04-03')).toEqual([]);
  });

  it('counts the age on the day the placement starts: 11 on Good Friday, 11 on his birthday (Easter Monday 2026), 12 the year after', () => {
    expect(outsideTerms(terms, kayden, 0, '2026-04-06')).toEqual([]);
    expect(outsideTerms(terms, kayden, 0, '2027-04-05')).toEqual([]);
    expect(outsideTerms(terms, kayden, 0, '2027-04-06')).toEqual(['age: approved for children aged 5 to 11, and Kayden is 12']);
  });

  it('refuses a third child when approved for two', () => {
    expect(outsideTerms(terms, kayden, 2, '2026-05-04')).toEqual(['number: approved for 2 children and 2 are placed now']);
    expect(outsideTerms({ ...terms, children: 1 }, kayden, 1, '2026-05-04')).toEqual(['number: approved for 1 child and 1 is placed now']);
  });

  it('refuses a boy when approved for girls, and a child with no date of birth', () => {
    expect(outsideTerms({ ...terms, gender: 'female' }, { ...kayden, dateOfBirth: null }, 0, '2026-05-25')).toEqual([
      "age: Kayden's date of birth is not recorded, so the age range (5 to 11) cannot be checked",
      'gender: approved for girls only',
    ]);
    expect(outsideTerms({ ...terms, gender: 'male' }, kayden, 0, '2026-05-25')).toEqual([]);
  });

  it('lets a connected person take only the named child', () => {
    const named: Terms = { ...terms, careTypes: ['family_and_friends'], namedChildIds: ['s'] };
    expect(outsideTerms(named, kayden, 0, '2026-08-31')).toEqual(['named child: approved as a connected person for a named child, and Kayden is not that child']);
    expect(outsideTerms(named, { ...kayden, id: 's' }, 0, '2026-08-31')).toEqual([]);
  });

  it('an exemption covers the child it names, and only the terms it names', () => {
    const problems = outsideTerms({ ...terms, children: 1, ageTo: 10 }, kayden, 1, '2026-12-28');
    expect(termsOutside(problems)).toEqual(['number', 'age']);
    expect(exemptionCovers({ childId: 'k', outside: ['number', 'age'] }, 'k', problems)).toBe(true);
    expect(exemptionCovers({ childId: 'k', outside: ['number'] }, 'k', problems)).toBe(false);
    expect(exemptionCovers({ childId: 'other', outside: ['number', 'age'] }, 'k', problems)).toBe(false);
  });

  it('an exemption is for the terms in force when it was agreed: after a change of terms it no longer covers the child', () => {
    const problems = outsideTerms({ ...terms, children: 1 }, kayden, 1, '2026-12-28');
    const approvedAt = new Date('2025-04-18T10:00:00Z');
    const changedAt = new Date('2026-05-04T10:00:00Z');
    expect(exemptionCovers({ childId: 'k', outside: ['number'], termsAt: approvedAt }, 'k', problems, approvedAt)).toBe(true);
    expect(exemptionCovers({ childId: 'k', outside: ['number'], termsAt: approvedAt }, 'k', problems, changedAt)).toBe(false);
    expect(exemptionCovers({ childId: 'k', outside: ['number'] }, 'k', problems, changedAt)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Obligation } from './obligation';
import { obligationsDigest } from './obligationDigest';

const visit: Obligation = {
  ruleId: 'cic.visit',
  ruleVersion: 1,
  personId: '0b0e3c2a-5a38-4b0a-9d7e-3c2f0a1b2c3d',
  startEventId: '6f1d2e3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
  cycle: 3,
  startedAt: new Date('2026-08-28T15:30:00Z'), // a Friday before the August bank holiday
  dueDate: '2026-10-09',
  deadline: new Date('2026-10-09T22:59:59.999Z'),
  outcome: 'met_late',
  doneAt: new Date('2026-10-12T09:15:00Z'),
  doneEventId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  closedAt: null,
  lateReason: 'Child unwell on the planned day',
  responsible: 'allocated-worker',
};
const health: Obligation = { ...visit, ruleId: 'cic.health-assessment', startEventId: 'a7b6c5d4-e3f2-4a1b-9c8d-7e6f5a4b3c2d', cycle: 0, outcome: 'open', doneAt: null, doneEventId: null, lateReason: null };

/** Another value for each stored field, of the same kind, as a change behind Hearth's back would make. */
const changes: { [K in keyof Obligation]: Obligation[K] | 'not stored in the digest' } = {
  personId: 'not stored in the digest', // the digest is kept per person
  ruleId: 'cin.visit',
  ruleVersion: 2,
  startEventId: '6f1d2e3c-4b5a-4978-8a6b-5c4d3e2f1a0c',
  cycle: 4,
  startedAt: new Date('2026-08-28T15:30:00.001Z'),
  dueDate: '2026-10-08',
  deadline: new Date('2026-10-08T22:59:59.999Z'),
  outcome: 'met',
  doneAt: new Date('2026-10-12T09:15:00Z'.replace('09:15', '09:16')),
  doneEventId: null,
  closedAt: new Date('2026-10-31T00:00:00Z'),
  lateReason: 'Child unwell on the planned day.',
  responsible: 'independent-reviewing-officer',
};

describe("a person's obligations digest", () => {
  it('is the same for the same obligations in any order, and counts them', () => {
    expect(obligationsDigest([visit, health])).toBe(obligationsDigest([health, { ...visit }]));
    expect(obligationsDigest([visit, health]).startsWith('2.')).toBe(true);
    expect(obligationsDigest([])).toBe('0.0.0');
  });

  it('changes when any stored field of one obligation changes (a new field must be added to it, or this fails)', () => {
    const base = obligationsDigest([visit, health]);
    for (const [field, value] of Object.entries(changes) as [keyof Obligation, unknown][]) {
      if (value === 'not stored in the digest') continue;
      const changed = { ...visit, [field]: value } as Obligation;
      expect(obligationsDigest([changed, health]), field).not.toBe(base);
    }
    expect(Object.keys(changes).sort()).toEqual(Object.keys(visit).sort());
  });

  it('tells none from empty text, and text in one field from the same text moved to the next', () => {
    expect(obligationsDigest([{ ...visit, lateReason: null }])).not.toBe(obligationsDigest([{ ...visit, lateReason: '' }]));
    expect(obligationsDigest([{ ...health, dueDate: null }])).not.toBe(obligationsDigest([{ ...health, dueDate: '' }]));
    expect(obligationsDigest([{ ...visit, lateReason: 'ab', responsible: 'c' }])).not.toBe(obligationsDigest([{ ...visit, lateReason: 'a', responsible: 'bc' }]));
  });

  it('tells one obligation twice from once, and a swap of two obligations between fields from the original', () => {
    expect(obligationsDigest([visit, visit])).not.toBe(obligationsDigest([visit]));
    expect(obligationsDigest([visit, visit, health])).not.toBe(obligationsDigest([visit, health, health]));
    const swapped = [{ ...visit, doneAt: health.doneAt }, { ...health, doneAt: visit.doneAt }];
    expect(obligationsDigest(swapped)).not.toBe(obligationsDigest([visit, health]));
  });
});

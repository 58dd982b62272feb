import { describe, expect, it } from 'vitest';
import { missingConsents, parentsConsented, steppedUpWithinThreeMonths } from './contact';

describe('parental consent to MASH enquiries (Duty Team (MASH) 3)', () => {
  it('needs every parent on the contact to have consented, and at least one parent', () => {
    expect(parentsConsented([{ parent: true, consent: 'given' }, { parent: true, consent: 'given' }, { parent: false, consent: 'not_asked' }])).toBe(true);
    expect(parentsConsented([{ parent: true, consent: 'given' }, { parent: true, consent: 'refused' }])).toBe(false);
    expect(parentsConsented([{ parent: true, consent: 'not_asked' }])).toBe(false);
    expect(parentsConsented([{ parent: false, consent: 'given' }])).toBe(false);
    expect(parentsConsented([])).toBe(false);
  });

  it('names whose consent is missing', () => {
    expect(missingConsents([{ name: 'Jade Taylor', relationship: 'Mother', parent: true, consent: 'given' }, { name: 'Kyle Dawson', relationship: 'Father', parent: true, consent: 'refused' }])).toEqual(['Kyle Dawson (Father): consent refused']);
  });
});

describe('a re-referral within 3 months of Early Help being stepped up (the step-up procedure)', () => {
  const stepUp = (at: string, outcome = 'stepped_up') => ({ type: 'early_help.closed', occurredAt: new Date(at), data: { outcome } });

  it('finds a step-up in the 3 calendar months before the contact, counted on London dates', () => {
    const stream = [stepUp('2026-05-31T23:30:00Z')]; // 1 June in London (BST)
    expect(steppedUpWithinThreeMonths(stream, new Date('2026-09-01T10:00:00+01:00'))).toBe('2026-06-01');
    expect(steppedUpWithinThreeMonths(stream, new Date('2026-09-02T10:00:00+01:00'))).toBeNull();
  });

  it('goes by the latest step-up by date, whatever order they were recorded in', () => {
    expect(steppedUpWithinThreeMonths([stepUp('2026-08-01T10:00:00Z'), stepUp('2026-01-01T10:00:00Z')], new Date('2026-09-01T10:00:00Z'))).toBe('2026-08-01');
  });

  it('ignores Early Help that simply ended, and anything after the contact', () => {
    expect(steppedUpWithinThreeMonths([stepUp('2026-08-01T10:00:00Z', 'ended')], new Date('2026-09-01T10:00:00Z'))).toBeNull();
    expect(steppedUpWithinThreeMonths([stepUp('2026-09-02T10:00:00Z')], new Date('2026-09-01T10:00:00Z'))).toBeNull();
  });
});

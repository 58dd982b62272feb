import { describe, expect, it } from 'vitest';
import { problemsOf } from '../../platform/validation';
import { sdqNotDoneProblems, sdqNotDoneSchema, wellbeingData, wellbeingProblems, wellbeingSchema } from './healthSchemas';

const schemaProblems = (body: Record<string, unknown>) => {
  const parsed = wellbeingSchema.safeParse(body);
  return parsed.success ? [] : problemsOf(parsed.error).map((p) => `${p.field}: ${p.message}`);
};

describe('the health and wellbeing for the year form', () => {
  it('asks for every answer, in GOV.UK words', () => {
    expect(schemaProblems({})).toEqual([
      "immunisationsUpToDate: Select whether the child's immunisations are up to date",
      'substanceMisuse: Select whether a substance misuse problem was identified during the year',
    ]);
    expect(schemaProblems({ immunisationsUpToDate: 'maybe', substanceMisuse: 'none', intervention: 'x', convicted: 'x' })).toHaveLength(3);
  });

  it('asks for the intervention once a problem is identified, and about convictions from 10', () => {
    expect(wellbeingProblems({ substanceMisuse: 'identified' }, '2012-06-15', '2026-01-10').map((p) => p.field)).toEqual(['intervention', 'convicted']);
    expect(wellbeingProblems({ substanceMisuse: 'none', convicted: 'no' }, '2012-06-15', '2026-01-10')).toEqual([]);
    // 9 on 31 March 2026: not asked.
    expect(wellbeingProblems({ substanceMisuse: 'none' }, '2016-04-01', '2026-01-10')).toEqual([]);
  });

  it('stores booleans, the intervention only after an identified problem, and convictions only when asked', () => {
    const answers = wellbeingSchema.parse({ immunisationsUpToDate: 'yes', substanceMisuse: 'none', intervention: 'received', convicted: 'yes', summary: '' });
    expect(wellbeingData(answers, '2012-06-15', '2026-01-10')).toEqual({ immunisationsUpToDate: true, substanceMisuse: 'none', convicted: true, summary: null });
    expect(wellbeingData(answers, '2016-04-01', '2026-01-10')).toEqual({ immunisationsUpToDate: true, substanceMisuse: 'none', summary: null });
    const identified = wellbeingSchema.parse({ immunisationsUpToDate: 'no', substanceMisuse: 'identified', intervention: 'not_offered', convicted: 'no' });
    expect(wellbeingData(identified, '2012-06-15', '2026-01-10')).toEqual({ immunisationsUpToDate: false, substanceMisuse: 'identified', intervention: 'not_offered', convicted: false, summary: null });
  });
});

describe('why an SDQ could not be done', () => {
  it('asks why; refuses age for a child of 4 to 16 all year; asks what the other reason was', () => {
    const parsed = sdqNotDoneSchema.safeParse({});
    expect(parsed.success ? [] : problemsOf(parsed.error).map((p) => p.message)).toEqual(['Select why the SDQ could not be done']);
    expect(sdqNotDoneProblems({ reason: 'age' }, '2012-06-15', '2026-01-10')).toEqual([{ field: 'reason', message: 'The child is aged 4 to 16 all this year, so their age is not why: select another reason' }]);
    expect(sdqNotDoneProblems({ reason: 'age' }, '2008-09-01', '2026-01-10')).toEqual([]);
    expect(sdqNotDoneProblems({ reason: 'other', summary: ' ' }, '2012-06-15', '2026-01-10')).toEqual([{ field: 'summary', message: 'Enter why the SDQ could not be done' }]);
    expect(sdqNotDoneProblems({ reason: 'other', summary: 'Placement moved twice in the month it was due' }, '2012-06-15', '2026-01-10')).toEqual([]);
  });
});

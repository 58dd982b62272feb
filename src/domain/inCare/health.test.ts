import { describe, expect, it } from 'vitest';
import { healthScheduleOf } from './health';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}) => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Nurse', data });

describe("a child in care's health (practice-standards.txt, Section 3: Children in Care 24-25)", () => {
  const inCare = event('cic.started', '2025-03-01T10:00:00Z', { legalStatus: 'C2' });

  it('dues the next health assessment 6 months after the last under 5, 12 months from 5', () => {
    const toddler = healthScheduleOf([inCare, event('cic.health_assessment_completed', '2025-03-20T10:00:00Z', { kind: 'initial' })], '2022-01-10', '2025-11-01');
    expect(toddler.nextAssessment).toEqual({ due: '2025-09-20', overdue: true, why: 'Twice a year under 5' });
    const older = healthScheduleOf([inCare, event('cic.health_assessment_completed', '2025-03-20T10:00:00Z', { kind: 'initial' })], '2015-01-10', '2025-11-01');
    expect(older.nextAssessment).toEqual({ due: '2026-03-20', overdue: false, why: 'Once a year from 5 to 18' });
    // None due after the 18th birthday.
    expect(healthScheduleOf([inCare, event('cic.health_assessment_completed', '2025-03-20T10:00:00Z')], '2007-06-01', '2025-11-01').nextAssessment).toBeNull();
  });

  it('owes an SDQ after 12 months in care for a child aged 4 to 16 at the latest assessment, until one follows it', () => {
    const assessed = event('cic.health_assessment_completed', '2026-03-10T10:00:00Z', { kind: 'review' });
    expect(healthScheduleOf([inCare, assessed], '2015-01-10', '2026-02-01').sdq).toMatchObject({ needed: false, why: 'In care less than 12 months' });
    expect(healthScheduleOf([inCare, assessed], '2015-01-10', '2026-04-01').sdq).toMatchObject({ needed: true });
    expect(healthScheduleOf([inCare, assessed, event('cic.sdq_completed', '2026-03-20T10:00:00Z')], '2015-01-10', '2026-04-01').sdq.needed).toBe(false);
    expect(healthScheduleOf([inCare, assessed], '2008-01-10', '2026-04-01').sdq).toMatchObject({ needed: false, why: 'Aged 18 at the latest health assessment: SDQs are for 4 to 16' });
  });
});

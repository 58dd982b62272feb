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

describe('why an SDQ could not be done, and the health and wellbeing for the year (issue 10)', () => {
  const inCare = event('cic.started', '2025-03-01T10:00:00Z', { legalStatus: 'C2' });
  const assessed = event('cic.health_assessment_completed', '2026-03-10T10:00:00Z', { kind: 'review' });

  it('no longer owes an SDQ once why it could not be done is recorded after the latest assessment', () => {
    const notDone = event('cic.sdq_not_completed', '2026-03-20T10:00:00Z', { reason: 'carer_refused' });
    const schedule = healthScheduleOf([inCare, assessed, notDone], '2015-01-10', '2026-04-01');
    expect(schedule.sdq).toMatchObject({ needed: false, notDone: { reason: 'The carer refused to complete it' } });
    // Recorded before the latest assessment, it does not answer for the next.
    expect(healthScheduleOf([inCare, notDone, event('cic.health_assessment_completed', '2026-03-25T10:00:00Z')], '2015-01-10', '2026-04-01').sdq).toMatchObject({ needed: true, notDone: null });
  });

  it('shows the latest health and wellbeing in words', () => {
    const recorded = event('cic.health_outcomes_recorded', '2026-03-20T10:00:00Z', { immunisationsUpToDate: true, substanceMisuse: 'none', convicted: false });
    expect(healthScheduleOf([inCare, recorded], '2012-01-10', '2026-04-01').outcomes?.lines).toEqual([
      'Immunisations up to date',
      'No substance misuse problem identified',
      'No conviction, final warning or reprimand during the year',
    ]);
    expect(healthScheduleOf([inCare], '2012-01-10', '2026-04-01').outcomes).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { actionPlansOverdue, goodOrBetter, isDowngrade, missingReg44Months, providerOf, takesAge, type Inspection } from './providers';

let seq = 0;
const event = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++seq}`, type, occurredAt: new Date(at), recordedByName: 'Noah Williams', data });
const registered = (at: string, type = 'childrens_home') => event('provider.registered', at, { providerId: 'p1', name: 'Hillcrest', type, postcode: 'WM3 4NP', places: 4, vacancies: 1, ageFrom: 10, ageTo: 17 });
const inspection = (inspectedOn: string, rating: Inspection['rating']): Inspection => ({ eventId: inspectedOn, inspectedOn, rating, recordedAt: new Date(), recordedByName: null, downgrade: false });

describe("a provider's record (resource-service-policy.txt 1.1-1.2)", () => {
  it('uses only providers rated Good or better: not yet inspected is not good enough', () => {
    expect(goodOrBetter('outstanding')).toBe(true);
    expect(goodOrBetter('good')).toBe(true);
    expect(goodOrBetter('requires_improvement')).toBe(false);
    expect(goodOrBetter('inadequate')).toBe(false);
    expect(goodOrBetter('not_yet_inspected')).toBe(false);
    expect(goodOrBetter(null)).toBe(false);
  });

  it('calls a judgement a downgrade only when it is worse than the latest one before it', () => {
    const history = [inspection('2024-03-01', 'outstanding'), inspection('2025-05-01', 'good')];
    expect(isDowngrade(history, '2026-05-20', 'requires_improvement')).toBe(true);
    expect(isDowngrade(history, '2026-05-20', 'good')).toBe(false);
    expect(isDowngrade(history, '2026-05-20', 'outstanding')).toBe(false);
    // An older report entered late is compared with what came before it, not after.
    expect(isDowngrade(history, '2024-06-01', 'good')).toBe(true);
    expect(isDowngrade(history, '2023-01-01', 'inadequate')).toBe(false);
    expect(isDowngrade([], '2026-05-20', 'inadequate')).toBe(false);
    expect(isDowngrade([inspection('2025-01-01', 'not_yet_inspected')], '2026-05-20', 'inadequate')).toBe(false);
  });

  it('takes the latest inspection as the rating, whatever order the reports were entered in', () => {
    const provider = providerOf([
      registered('2026-01-10T10:00:00Z'),
      event('provider.inspected', '2026-02-01T10:00:00Z', { inspectedOn: '2025-11-01', rating: 'requires_improvement' }),
      event('provider.inspected', '2026-02-02T10:00:00Z', { inspectedOn: '2024-11-01', rating: 'outstanding' }),
    ])!;
    expect(provider.rating).toBe('requires_improvement');
    expect(provider.ratedOn).toBe('2025-11-01');
  });

  it('expects a Regulation 44 report for every month after registration, across the year end, until the home closed', () => {
    const provider = providerOf([registered('2026-10-20T10:00:00Z'), event('provider.reg44_received', '2026-12-03T10:00:00Z', { month: '2026-11', visitor: 'A' })])!;
    expect(missingReg44Months(provider, '2026-11-30')).toEqual([]);
    expect(missingReg44Months(provider, '2027-02-14')).toEqual(['2026-12', '2027-01']);
    const closed = providerOf([registered('2026-10-20T10:00:00Z'), event('provider.closed', '2027-01-05T10:00:00Z')])!;
    expect(missingReg44Months(closed, '2027-06-01')).toEqual(['2026-11', '2026-12']);
    // Fostering agencies and supported accommodation are not visited under Regulation 44.
    expect(missingReg44Months(providerOf([registered('2026-01-01T10:00:00Z', 'independent_fostering_agency')])!, '2027-01-01')).toEqual([]);
  });

  it('tracks an action plan past its review date until progress is recorded on or after it', () => {
    const events = [registered('2026-01-10T10:00:00Z'), event('provider.action_plan_opened', '2026-05-21T10:00:00Z', { actionPlanId: 'a1', actions: 'Recruit night staff', reviewBy: '2026-06-21' })];
    expect(actionPlansOverdue(providerOf(events)!, '2026-06-21')).toHaveLength(0);
    expect(actionPlansOverdue(providerOf(events)!, '2026-06-22')).toHaveLength(1);
    const updated = [...events, event('provider.action_plan_updated', '2026-06-22T09:00:00Z', { actionPlanId: 'a1', progress: 'One recruited', reviewBy: '2026-07-22' })];
    expect(actionPlansOverdue(providerOf(updated)!, '2026-06-30')).toHaveLength(0);
    expect(actionPlansOverdue(providerOf(updated)!, '2026-07-23')).toHaveLength(1);
    const closed = [...updated, event('provider.action_plan_closed', '2026-07-01T09:00:00Z', { actionPlanId: 'a1', reason: 'Re-inspected Good' })];
    expect(actionPlansOverdue(providerOf(closed)!, '2026-08-01')).toHaveLength(0);
  });

  it('takes children within its age range', () => {
    expect(takesAge({ ageFrom: 10, ageTo: 17 }, 10)).toBe(true);
    expect(takesAge({ ageFrom: 10, ageTo: 17 }, 17)).toBe(true);
    expect(takesAge({ ageFrom: 10, ageTo: 17 }, 9)).toBe(false);
    expect(takesAge({ ageFrom: 10, ageTo: 17 }, 18)).toBe(false);
  });
});

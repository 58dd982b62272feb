import { describe, expect, it } from 'vitest';
import { chairRefusal, meetingEventTypes as T, meetingOf, thursdaysFrom } from './meeting';
import { agendaOf, decisionsAllowed } from './agenda';
import { decisionsOf, standing, actionLogLine } from './decisions';
import { financeLog } from './finance';
import { submissionDeadline } from './panelDates';
import { referralsOf } from './referral';
import { workingCalendar } from '../calendar/workingDays';
import { catalogueRules } from '../../standards/index';

const at = (iso: string) => new Date(iso);
let n = 0;
const ev = (type: string, when: string, data: Record<string, unknown>) => ({ id: `e${++n}`, type, occurredAt: at(when), recordedByName: 'Test', data });
const meetingId = '11111111-1111-4111-8111-111111111111';
const stream = [
  ev(T.scheduled, '2026-03-01T10:00:00Z', { meetingId, date: '2026-04-09', time: '14:00', venue: 'Bexley Civic Centre' }),
  ev(T.chairSet, '2026-04-09T13:00:00Z', { userId: 'chair', name: 'Andrew Fletcher', capacity: 'chair' }),
  ev(T.attended, '2026-04-09T13:01:00Z', { memberId: 'chair', userId: 'chair', name: 'Andrew Fletcher', panelRole: 'chair' }),
  ev(T.attended, '2026-04-09T13:02:00Z', { memberId: 'external:pat', userId: null, name: 'Pat Green', panelRole: 'housing' }),
  ev(T.attended, '2026-04-09T13:02:30Z', { memberId: 'external:pat', userId: null, name: 'Pat Green', panelRole: 'housing' }),
  ev(T.declared, '2026-04-09T13:03:00Z', { memberId: 'chair', userId: 'chair', name: 'Andrew Fletcher', personId: 'child-b', involvement: 'Knows the family' }),
  ev(T.step, '2026-04-09T14:05:00Z', { itemKey: 'ref-a', step: 'introductions' }),
];

describe('a panel meeting folded from its events (1.5-1.8, I.16)', () => {
  it('keeps the date, time, venue, chair, members once each, declarations and steps', () => {
    const m = meetingOf(stream)!;
    expect([m.date, m.time, m.venue, m.chair?.name]).toEqual(['2026-04-09', '14:00', 'Bexley Civic Centre', 'Andrew Fletcher']);
    expect(m.members.map((x) => [x.name, x.panelRole, x.userId])).toEqual([['Andrew Fletcher', 'chair', 'chair'], ['Pat Green', 'housing', null]]);
    expect(m.declarations).toHaveLength(1);
    expect([...m.steps.get('ref-a')!]).toEqual(['introductions']);
    expect(meetingOf([])).toBeNull();
  });

  it('lets only the meeting’s chair decide, and not on a case they declared an involvement in (I.18, 1.8)', () => {
    const m = meetingOf(stream)!;
    expect(chairRefusal(m, 'chair', 'child-a')).toBeNull();
    expect(chairRefusal(m, 'someone-else', 'child-a')).toMatch(/Only the chair of this meeting, Andrew Fletcher/);
    expect(chairRefusal(m, 'chair', 'child-b')).toMatch(/declared an involvement/);
    const cancelled = meetingOf([...stream, ev(T.cancelled, '2026-04-08T10:00:00Z', { reason: 'No quorum', agreedBy: 'Andrew Fletcher' })])!;
    expect(chairRefusal(cancelled, 'chair', 'child-a')).toMatch(/cancelled/);
    expect(chairRefusal(meetingOf(stream.slice(0, 1))!, 'chair', 'child-a')).toMatch(/Set who chairs/);
  });

  it('schedules weekly on Thursdays (1.5)', () => {
    expect(thursdaysFrom('2026-04-03', 3)).toEqual(['2026-04-09', '2026-04-16', '2026-04-23']);
    expect(thursdaysFrom('2026-04-09', 1)).toEqual(['2026-04-09']);
  });
});

describe('the agenda and lateness (I.9, I.13, 1.20)', () => {
  // Easter 2026: Good Friday 3 April and Easter Monday 6 April are bank holidays.
  const calendar = workingCalendar(['2026-04-03', '2026-04-06']);
  const rule = catalogueRules.find((r) => r.id === 'panel.referral-deadline')!;
  const timeline = { id: rule.id, versions: [{ rule, version: 1, effectiveFrom: '2000-01-01', enabled: true }] };

  it('counts "three working days before" the Thursday 9 April 2026 panel back over Easter: Thursday 2 April', () => {
    expect(submissionDeadline('2026-04-09', timeline, calendar)).toBe('2026-04-02');
    // Without the bank holidays it would be Monday 6 April.
    expect(submissionDeadline('2026-04-09', timeline, workingCalendar([]))).toBe('2026-04-06');
    // An authority's change of timescale in force on the panel day counts instead; switched off, no deadline.
    const five = { ...timeline, versions: [...timeline.versions, { rule: { ...rule, ahead: { amount: 5, unit: 'working-days' as const } }, version: 2, effectiveFrom: '2026-04-01', enabled: true }] };
    expect(submissionDeadline('2026-04-09', five, calendar)).toBe('2026-03-31');
    expect(submissionDeadline('2026-04-09', { ...timeline, versions: [{ ...timeline.versions[0]!, enabled: false }] }, calendar)).toBeNull();
  });

  it('lists the referrals for the date as ready, late, not signed or withdrawn, and the cases due back', () => {
    const deadlineOf = (d: string) => submissionDeadline(d, timeline, calendar)!;
    const made = (id: string, when: string) => ({ ...ev('panel.referral_made', when, { referralId: id, panelDate: '2026-04-09', criterion: 'care_needed' }), recordedBy: 'w' });
    const submitted = (id: string, when: string) => ({ ...ev('panel.referral_submitted', when, { referralId: id, panelDate: '2026-04-09' }), recordedBy: 'm' });
    const referrals = [
      ...referralsOf([made('r-ready', '2026-03-30T09:00:00Z'), submitted('r-ready', '2026-04-02T16:00:00+01:00')], { deadlineOf, today: '2026-04-09' }).map((referral) => ({ personId: 'child-a', referral })),
      ...referralsOf([made('r-late', '2026-03-30T09:00:00Z'), submitted('r-late', '2026-04-07T09:00:00+01:00')], { deadlineOf, today: '2026-04-09' }).map((referral) => ({ personId: 'child-b', referral })),
      ...referralsOf([made('r-draft', '2026-03-30T09:00:00Z')], { deadlineOf, today: '2026-04-09' }).map((referral) => ({ personId: 'child-c', referral })),
      ...referralsOf([made('r-gone', '2026-03-30T09:00:00Z'), ev('panel.referral_withdrawn', '2026-04-01T09:00:00Z', { referralId: 'r-gone', reason: 'Returned home' })], { deadlineOf, today: '2026-04-09' }).map((referral) => ({ personId: 'child-d', referral })),
    ];
    const m = meetingOf(stream)!;
    const returns = [
      { personId: 'child-e', ruleId: 'panel.return-to-panel', dueDate: '2026-04-02', startEventId: 'd1', decision: null },
      { personId: 'child-f', ruleId: 'panel.deferred-request', dueDate: '2026-04-09', startEventId: 'd2', decision: null },
      { personId: 'child-g', ruleId: 'panel.return-to-panel', dueDate: '2026-04-16', startEventId: 'd3', decision: null },
    ];
    const items = agendaOf({ meeting: m, today: '2026-04-09', referrals, returns, presentations: [], decisions: [] });
    expect(items.map((i) => [i.personId, i.status, i.reason])).toEqual([
      ['child-e', 'overdue', 'review'],
      ['child-f', 'due', 'review'],
      ['child-a', 'ready', 'care_needed'],
      ['child-b', 'late', 'care_needed'],
      ['child-c', 'not_signed', 'care_needed'],
      ['child-d', 'withdrawn', 'care_needed'],
    ]);
    expect(items.find((i) => i.itemKey === 'r-ready')!.steps).toEqual([]);
    expect(decisionsAllowed(items.find((i) => i.status === 'not_signed')!)).toEqual(['deferred', 'declined']);
    expect(decisionsAllowed(items.find((i) => i.status === 'withdrawn')!)).toEqual([]);
    expect(decisionsAllowed(items.find((i) => i.status === 'late')!)).toContain('approved');
    // A past meeting shows what was presented there, not today's open returns.
    const past = agendaOf({ meeting: m, today: '2026-05-01', referrals: [], returns, presentations: [{ personId: 'child-e', eventId: 'p', meetingId, itemKey: 'return:d1', kind: 'return', referralId: null, reason: 'review' }], decisions: [] });
    expect(past.map((i) => [i.itemKey, i.presented])).toEqual([['return:d1', true]]);
  });
});

describe('decisions and the finance log (I.18-I.19, 1.7 g)', () => {
  const decision = (id: string, personId: string, when: string, data: Record<string, unknown>) => ({ id, personId, type: 'panel.decision_made', occurredAt: at(when), recordedByName: 'Andrew Fletcher', data: { meetingId, itemKey: personId, decisions: ['Agreed'], rationale: 'Because', ...data } });
  const events = [
    decision('a', 'child-a', '2026-04-09T14:10:00Z', { decision: 'approved', resource: 'Foster placement', budget: 'social_care_placements', weeklyPence: 85_000, totalPence: 2_210_000, returnDate: '2026-07-09' }),
    decision('b', 'child-b', '2026-04-09T14:20:00Z', { decision: 'alternative_approved', resource: 'Staying Together', budget: 'staying_together', weeklyPence: 40_050, totalPence: 480_600 }),
    decision('c', 'child-c', '2026-04-09T14:30:00Z', { decision: 'deferred', deferredTo: '2026-04-16' }),
    decision('d', 'child-d', '2026-04-09T14:40:00Z', { decision: 'approved', resource: 'Section 17 support', budget: 'section_17', weeklyPence: 10_000, totalPence: 120_000 }),
    // The chair corrects child-d's decision: the correction stands, the first does not count.
    decision('e', 'child-d', '2026-04-09T15:00:00Z', { decision: 'approved', resource: 'Section 17 support', budget: 'section_17', weeklyPence: 12_500, totalPence: 150_000, corrects: 'd', correctionReason: 'Wrong amount' }),
    decision('x', 'child-x', '2026-04-16T14:00:00Z', { meetingId: 'other', decision: 'declined' }),
  ];

  it('marks corrected decisions and writes the action log line', () => {
    const all = decisionsOf(events);
    expect(all.find((d) => d.eventId === 'd')!.correctedBy).toBe('e');
    expect(standing(all).map((d) => d.eventId)).toEqual(['a', 'b', 'c', 'e', 'x']);
    expect(actionLogLine(all[0]!)).toBe('Resource approved; return to panel by 2026-07-09. 1. Agreed');
    expect(actionLogLine(all[2]!)).toBe('Deferred to 2026-04-16. 1. Agreed');
  });

  it('totals approved expenditure by meeting, budget and overall, worked by hand', () => {
    const log = financeLog(decisionsOf(events), new Map([[meetingId, '2026-04-09'], ['other', '2026-04-16']]), (id) => id.toUpperCase());
    // Weekly: 850.00 + 400.50 + 125.00 = 1,375.50; projected: 22,100.00 + 4,806.00 + 1,500.00 = 28,406.00.
    expect(log.overall).toEqual({ weeklyPence: 137_550, totalPence: 2_840_600, count: 3 });
    expect(log.meetings.map((m) => [m.meetingDate, m.totals.count])).toEqual([['2026-04-09', 3]]);
    expect(log.byBudget.map((b) => [b.budget, b.totals.weeklyPence])).toEqual([['section_17', 12_500], ['social_care_placements', 85_000], ['staying_together', 40_050]]);
    expect(log.rows.map((r) => r.childName)).toEqual(['CHILD-A', 'CHILD-B', 'CHILD-D']);
  });
});

import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/workingDays';
import type { WorkflowEvent } from '../records/events';
import type { RuleTimeline } from '../standards/evaluate';
import { resourceAndCarePanelPolicy } from '../../standards/resourceAndCarePanelPolicy';
import { isPanelDay, lastPanelDate, nextOpenPanelDate, nextPanelDate, panelDateProblem, referralDeadlineOf, submissionDeadline, type PanelDays } from './panelDates';
import { missingSections, mustComeToPanel, onlyPanelDateMoved, periodText, referralContentOf, referralsOf, signRefusal, totalPenceOf } from './referral';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}, by = 'u1'): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedBy: by, recordedByName: `Name ${by}`, data });
// England and Wales, spring 2026: Good Friday 3 April, Easter Monday 6 April, early May 4 May, late May 25 May.
const calendar = workingCalendar(['2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25']);
const rule = resourceAndCarePanelPolicy.rules.find((r) => r.id === 'panel.referral-deadline')!;
const timeline: RuleTimeline = { id: rule.id, versions: [{ rule, version: 1, effectiveFrom: '2020-01-01', enabled: true }] };

export const completeReferral = (over: Record<string, unknown> = {}) => ({
  referralId: 'r1', panelDate: '2026-06-18', criterion: 'support_package', worker: 'Dana Worker', team: 'Children in Care 1',
  children: [{ name: 'Amani Mwangi', dateOfBirth: '2012-04-02', relationship: 'self' }],
  family: [{ name: 'Grace Mwangi', dateOfBirth: '1985-01-01', relationship: 'Mother' }],
  network: [{ name: 'Ruth Obi', role: 'Aunt' }],
  familyNetworkMeeting: 'yes', safetyPlan: 'no', whyNot: 'The plan is being written after the network meeting.',
  mainIssues: 'Placement at risk.', ask: 'Agree 2:1 staffing.', alternatives: 'In-house carers tried; not enough.',
  parentsViews: 'Supportive.', childsWishes: 'Wants to stay.', weeklyPence: 145000, periodWeeks: 26,
  pastHarm: 'Self-harm.', futureDanger: '', complicatingFactors: '', existingStrengths: 'Close to aunt.', existingSafety: '', nextSteps: 'Review in 3 months.',
  dangerStatements: 'Amani may hurt herself.', safetyGoals: 'Amani is safe at night.', scaling: [{ name: 'Grace Mwangi', role: 'Mother', score: 4, reasons: 'Worried' }],
  ...over,
});

describe('a referral to the Resource and Care Panel (Appendix A, Part A)', () => {
  it('lists the required sections still empty, and asks why not when there is no network meeting or safety plan', () => {
    expect(missingSections(referralContentOf(completeReferral()))).toEqual([]);
    const c = referralContentOf(completeReferral({ whyNot: '', network: [{ name: 'x', role: '' }], scaling: [{ name: 'Grace', score: null }], weeklyPence: null, criterion: '' }));
    expect(missingSections(c)).toEqual(['criterion', 'network', 'networkAndSafety', 'costs', 'scaling']);
    expect(missingSections(referralContentOf({})).length).toBe(19);
  });

  it('costs the projected period: weekly times weeks, never more than a year', () => {
    expect(totalPenceOf(145000, 26)).toBe(3_770_000);
    expect(totalPenceOf(145000, 60)).toBe(145000 * 52);
    expect(totalPenceOf(null, 26)).toBeNull();
  });

  it('folds the sign-offs in order; a change after signing clears them; the service manager makes it ready', () => {
    const made = event('panel.referral_made', '2026-06-08T09:00:00Z', completeReferral());
    const w = event('panel.referral_signed', '2026-06-08T10:00:00Z', { referralId: 'r1', as: 'worker', name: 'Dana Worker' }, 'w');
    let [r] = referralsOf([made, w]);
    expect([r!.status, r!.signatures.map((s) => s.as), r!.totalPence]).toEqual(['signed_by_worker', ['worker'], 3_770_000]);
    expect(signRefusal(r!, 'service_manager', 's')?.message).toMatch(/team manager's signature first/);
    expect(signRefusal(r!, 'team_manager', 'w')?.message).toMatch(/already signed/);
    expect(signRefusal(r!, 'worker', 'x')?.message).toMatch(/already signed by the worker/);
    const changed = event('panel.referral_changed', '2026-06-09T09:00:00Z', completeReferral({ mainIssues: '' }));
    [r] = referralsOf([made, w, changed]);
    expect([r!.status, r!.signatures, r!.cleared.length, r!.versions, r!.missing]).toEqual(['draft', [], 1, 2, ['mainIssues']]);
    const w2 = event('panel.referral_signed', '2026-06-09T10:00:00Z', { referralId: 'r1', as: 'worker', name: 'Dana' }, 'w');
    const tm = event('panel.referral_signed', '2026-06-09T11:00:00Z', { referralId: 'r1', as: 'team_manager', name: 'Terry' }, 't');
    [r] = referralsOf([made, w, changed, w2, tm]);
    expect(r!.status).toBe('signed_by_team_manager');
    expect(signRefusal(r!, 'service_manager', 's')?.message).toMatch(/not complete: one section is empty/);
  });

  it('is late when sent after three working days before the panel, counted across Easter and the late May bank holiday', () => {
    const deadlineOf = (d: string) => submissionDeadline(d, timeline, calendar)!;
    expect(deadlineOf('2026-04-09')).toBe('2026-04-02'); // Thursday after Easter: Wed 8, Tue 7, (Mon 6, Fri 3 holidays), Thu 2
    expect(deadlineOf('2026-05-28')).toBe('2026-05-22'); // Wed 27, Tue 26, (Mon 25 holiday), Fri 22
    expect(deadlineOf('2026-06-18')).toBe('2026-06-15');
    const made = event('panel.referral_made', '2026-05-18T09:00:00Z', completeReferral({ panelDate: '2026-05-28' }));
    const sign = (as: string, at: string, by: string) => event('panel.referral_signed', at, { referralId: 'r1', as, name: by }, by);
    const onTime = [made, sign('worker', '2026-05-19T09:00:00Z', 'w'), sign('team_manager', '2026-05-20T09:00:00Z', 't'), sign('service_manager', '2026-05-22T16:00:00Z', 's'), event('panel.referral_submitted', '2026-05-22T16:00:00Z', { referralId: 'r1' })];
    let [r] = referralsOf(onTime, { deadlineOf });
    expect([r!.status, r!.deadline, r!.late]).toEqual(['ready', '2026-05-22', false]);
    const late = [...onTime.slice(0, 3), sign('service_manager', '2026-05-26T09:00:00Z', 's'), event('panel.referral_submitted', '2026-05-26T09:00:00Z', { referralId: 'r1' })];
    [r] = referralsOf(late, { deadlineOf });
    expect(r!.late).toBe(true);
    // Not yet sent, and the deadline has passed.
    expect(referralsOf(onTime.slice(0, 2), { deadlineOf, today: '2026-05-26' })[0]!.late).toBe(true);
    expect(referralsOf(onTime.slice(0, 2), { deadlineOf, today: '2026-05-22' })[0]!.late).toBe(false);
  });

  it('keeps its signatures when only the panel date moves (the meeting was cancelled), and clears them on any other change', () => {
    const made = event('panel.referral_made', '2026-06-08T09:00:00Z', completeReferral());
    const signs = (['worker', 'team_manager', 'service_manager'] as const).map((as, i) => event('panel.referral_signed', `2026-06-09T1${i}:00:00Z`, { referralId: 'r1', as, name: as }, as));
    const sent = event('panel.referral_submitted', '2026-06-09T12:00:00Z', { referralId: 'r1' });
    const moved = event('panel.referral_changed', '2026-06-16T09:00:00Z', completeReferral({ panelDate: '2026-06-25' }));
    let [r] = referralsOf([made, ...signs, sent, moved]);
    expect([r!.status, r!.panelDate, r!.signatures.length, r!.cleared, r!.submittedAt, r!.versions]).toEqual(['ready', '2026-06-25', 3, [], sent.occurredAt, 2]);
    [r] = referralsOf([made, ...signs, sent, event('panel.referral_changed', '2026-06-16T09:00:00Z', completeReferral({ panelDate: '2026-06-25', ask: 'More.' }))]);
    expect([r!.status, r!.signatures.length, r!.cleared.length]).toEqual(['draft', 0, 1]);
    expect(onlyPanelDateMoved(referralContentOf(completeReferral()), referralContentOf(completeReferral()))).toBe(false);
  });

  it('stays open after a deferral (I.19 c), back for the panel it was deferred to; approved, alternative or declined closes it', () => {
    const made = event('panel.referral_made', '2026-06-08T09:00:00Z', completeReferral());
    const signs = (['worker', 'team_manager', 'service_manager'] as const).map((as, i) => event('panel.referral_signed', `2026-06-09T1${i}:00:00Z`, { referralId: 'r1', as, name: as }, as));
    const sent = event('panel.referral_submitted', '2026-06-09T12:00:00Z', { referralId: 'r1' });
    const deferred = event('panel.decision_made', '2026-06-18T15:00:00Z', { referralId: 'r1', decision: 'deferred', deferredTo: '2026-07-09', deferredReason: 'Health to confirm joint funding' });
    let [r] = referralsOf([made, ...signs, sent, deferred]);
    expect([r!.status, r!.panelDate, r!.content.panelDate, r!.decided, r!.deferred]).toEqual(['ready', '2026-07-09', '2026-07-09', null, { at: deferred.occurredAt, eventId: deferred.id, deferredTo: '2026-07-09', reason: 'Health to confirm joint funding' }]);
    // The information asked for is added: a change as usual, signed again.
    [r] = referralsOf([made, ...signs, sent, deferred, event('panel.referral_changed', '2026-06-22T09:00:00Z', completeReferral({ panelDate: '2026-07-09', ask: 'Agree 2:1 staffing, jointly funded with health.' }))]);
    expect([r!.status, r!.signatures, r!.ask]).toEqual(['draft', [], 'Agree 2:1 staffing, jointly funded with health.']);
    expect(signRefusal(r!, 'worker', 'w')).toBeNull();
    for (const decision of ['approved', 'alternative_approved', 'declined']) {
      [r] = referralsOf([made, ...signs, sent, deferred, event('panel.decision_made', '2026-07-09T15:00:00Z', { referralId: 'r1', decision })]);
      expect([r!.status, r!.decided?.decision, r!.deferred]).toEqual(['decided', decision, null]);
    }
  });

  it('keeps the period as typed: 5 months is costed as 21.67 weeks and shown as 5 months; an older referral in weeks reads back the months', () => {
    const c = referralContentOf(completeReferral({ period: { amount: 5, unit: 'months' }, periodWeeks: 21.67 }));
    expect([c.period, periodText(c.period), c.periodWeeks, totalPenceOf(c.weeklyPence, c.periodWeeks)]).toEqual([{ amount: 5, unit: 'months' }, '5 months', 21.67, Math.round(145000 * 21.67)]);
    expect(referralContentOf(completeReferral({ periodWeeks: 21.67 })).period).toEqual({ amount: 5, unit: 'months' });
    expect(referralContentOf(completeReferral({ periodWeeks: 26 })).period).toEqual({ amount: 26, unit: 'weeks' });
    expect(periodText({ amount: 1, unit: 'weeks' })).toBe('1 week');
  });

  it('is withdrawn with a reason, and decided once a panel decision carries it', () => {
    const made = event('panel.referral_made', '2026-06-08T09:00:00Z', completeReferral());
    expect(referralsOf([made, event('panel.referral_withdrawn', '2026-06-09T09:00:00Z', { referralId: 'r1', reason: 'Went home' })])[0]).toMatchObject({ status: 'withdrawn', withdrawn: { reason: 'Went home' } });
    const [r] = referralsOf([made, event('panel.decision_made', '2026-06-18T15:00:00Z', { referralId: 'r1', decision: 'approved' })]);
    expect(r!.status).toBe('decided');
    expect(signRefusal(r!, 'worker', 'w')?.message).toMatch(/already decided/);
  });
});

describe('panel days (1.5, 1.6)', () => {
  // Christmas Day 2025 and New Year's Day 2026 fall on Thursdays.
  const winter = workingCalendar(['2025-12-25', '2025-12-26', '2026-01-01']);
  const days = (meetings: PanelDays['meetings']): PanelDays => ({ today: '2025-12-15', weekday: 4, calendar: winter, meetings });
  const scheduled = days([{ date: '2025-12-18', cancelled: null }, { date: '2026-01-08', cancelled: { reason: 'No quorum' } }, { date: '2026-01-15', cancelled: null }]);

  it('with none scheduled, any future Thursday that is a working day: never a bank holiday', () => {
    const none = days([]);
    expect(panelDateProblem('2025-12-18', none)).toBeNull();
    expect(panelDateProblem('2025-12-25', none)).toBe('Thursday 25 December 2025 is a bank holiday: the panel does not meet. Choose another panel date');
    expect(panelDateProblem('2026-01-01', none)).toMatch(/^Thursday 1 January 2026 is a bank holiday/);
    expect(panelDateProblem('2025-12-17', none)).toBe('The panel meets on Thursdays (1.5): choose a Thursday');
    expect(panelDateProblem('2025-12-11', none)).toBe('The panel date must be in the future');
    expect(nextOpenPanelDate('2025-12-18', none)).toBe('2026-01-08'); // past both bank holidays
  });

  it('with meetings scheduled, one of them not cancelled; beyond the schedule, a working Thursday', () => {
    expect(panelDateProblem('2025-12-18', scheduled)).toBeNull();
    expect(panelDateProblem('2026-01-15', scheduled)).toBeNull();
    expect(panelDateProblem('2026-01-08', scheduled)).toBe('The panel meeting on Thursday 8 January 2026 was cancelled (1.6): choose another panel date: the next is on Thursday 15 January 2026');
    expect(panelDateProblem('2025-12-25', scheduled)).toBe('Thursday 25 December 2025 is a bank holiday: the panel does not meet. Choose another panel date: the next is on Thursday 15 January 2026');
    expect(panelDateProblem('2025-12-31', scheduled)).toBe('The panel meets on Thursdays (1.5): choose a Thursday');
    // A week the administrator scheduled on another day: that day is the panel date.
    const moved = days([{ date: '2026-02-04', cancelled: null }]);
    expect(panelDateProblem('2026-02-05', moved)).toBe('There is no panel meeting on Thursday 5 February 2026: that week the panel meets on Wednesday 4 February 2026');
    expect(panelDateProblem('2026-02-04', moved)).toBeNull();
    expect(nextOpenPanelDate('2026-01-30', moved)).toBe('2026-02-04');
    expect(panelDateProblem('2026-01-22', scheduled)).toBeNull();
    expect(panelDateProblem('2026-01-23', scheduled)).toBe('The panel meets on Thursdays (1.5): choose a Thursday');
    expect([nextOpenPanelDate('2025-12-15', scheduled), nextOpenPanelDate('2025-12-18', scheduled), nextOpenPanelDate('2026-01-15', scheduled)]).toEqual(['2025-12-18', '2026-01-15', '2026-01-22']);
  });

  it("looks up a referral's deadline from the rule timelines, once for the referrals and the panel's pages", () => {
    const deadlineOf = referralDeadlineOf([timeline], calendar);
    expect([deadlineOf('2026-04-09'), deadlineOf('2026-05-28')]).toEqual(['2026-04-02', '2026-05-22']);
    // Switched off by the authority: due on the panel day itself.
    expect(referralDeadlineOf([{ ...timeline, versions: [...timeline.versions, { rule, version: 2, effectiveFrom: '2026-05-01', enabled: false }] }], calendar)('2026-05-28')).toBe('2026-05-28');
  });


  it('meets on Thursdays', () => {
    expect([isPanelDay('2026-06-18'), isPanelDay('2026-06-19'), nextPanelDate('2026-06-18'), nextPanelDate('2026-06-15'), lastPanelDate('2026-06-18'), lastPanelDate('2026-06-20')]).toEqual([true, false, '2026-06-25', '2026-06-18', '2026-06-11', '2026-06-18']);
  });
});

describe('when a case must come to panel (1.1, 1.4)', () => {
  const today = '2026-06-15';
  it('a child who became looked after since the last panel, under police protection (1.1 b, c)', () => {
    const stream = [event('cic.started', '2026-06-12T20:00:00Z', { legalStatus: 'L1' })];
    const reasons = mustComeToPanel(stream, { dateOfBirth: '2012-01-01', lastPanelDate: '2026-06-11' }, today);
    expect(reasons.map((r) => [r.criterion, r.paragraph])).toEqual([['newly_looked_after', '1.1 c)'], ['continued_placement', '1.1 b)']]);
    expect(mustComeToPanel([...stream, event('panel.considered', '2026-06-18T14:00:00Z', {})], { dateOfBirth: null, lastPanelDate: '2026-06-11' }, today)).toEqual([]);
    expect(mustComeToPanel([event('cic.started', '2026-06-10T20:00:00Z', { legalStatus: 'C1' })], { dateOfBirth: null, lastPanelDate: '2026-06-11' }, today)).toEqual([]);
    // Section 20 for six months, before the panel's records: no longer asked; any presentation since the start answers it.
    expect(mustComeToPanel([event('cic.started', '2025-12-01T10:00:00Z', { legalStatus: 'V2' })], { dateOfBirth: null }, today)).toEqual([]);
    expect(mustComeToPanel([event('cic.started', '2026-05-01T10:00:00Z', { legalStatus: 'V2' })], { dateOfBirth: null }, today).map((r) => r.criterion)).toEqual(['continued_placement']);
    expect(mustComeToPanel([event('cic.started', '2026-05-01T10:00:00Z', { legalStatus: 'V2' }), event('panel.considered', '2026-05-07T14:00:00Z', { reason: 'newly_looked_after' })], { dateOfBirth: null }, today)).toEqual([]);
  });
  it('a package over £1,000 a week not yet presented (1.1 e, 1.4 i)', () => {
    const pkg = (weeklyPence: number) => event('placements.care_package_agreed', '2026-06-01T10:00:00Z', { packageId: `p${weeklyPence}`, providerName: 'Oakfield', weeklyPence, startsOn: '2026-06-01' });
    const reasons = mustComeToPanel([pkg(100_000), pkg(100_001)], { dateOfBirth: null }, today);
    expect(reasons.map((r) => [r.criterion, r.text])).toEqual([['support_package', 'A care package with Oakfield of £1,000.01 a week (over £1,000) has not been presented to panel']]);
  });
  it('the last review before 18 with an external placement after 18, until the birthday (1.4 g)', () => {
    const review = event('cic.review_held', '2026-05-01T10:00:00Z', { lastBeforeEighteen: true, externalPlacementAfterEighteen: true });
    expect(mustComeToPanel([review], { dateOfBirth: '2008-07-01' }, today)[0]).toMatchObject({ criterion: 'leaving_care_placement', paragraph: '1.4 g)', dueBy: '2026-07-01' });
    expect(mustComeToPanel([review], { dateOfBirth: '2008-06-01' }, today)).toEqual([]);
    expect(mustComeToPanel([], { dateOfBirth: '2008-07-01', openRuleIds: ['panel.leaving-care-placement'] }, today)[0]?.criterion).toBe('leaving_care_placement');
  });
  it("the panel's own request to see it again (1.1 f, 1.20, I.19 c), from the OPEN returns, overdue once the date passes", () => {
    const ret = (ruleId: string, dueDate: string | null, startedAt = '2026-03-12T15:00:00Z') => ({ ruleId, dueDate, startedAt: new Date(startedAt) });
    const facts = (openReturns: ReturnType<typeof ret>[]) => ({ dateOfBirth: null, openReturns });
    // The decision's return date, past: overdue.
    const [due] = mustComeToPanel([], facts([ret('panel.return-to-panel', '2026-06-11')]), today);
    expect(due).toMatchObject({ criterion: 'panel_request', paragraph: '1.1 f), 1.20', dueBy: '2026-06-11', since: '2026-03-12' });
    expect(due!.text).toMatch(/^The panel asked to see the case again by 11 June 2026: overdue/);
    // The chair extended it (panel.return_extended): the extended date counts, not the decision's (the record's latest decision alone would miss it).
    const extended = mustComeToPanel([event('panel.decision_made', '2026-03-12T15:00:00Z', { decision: 'approved', returnDate: '2026-06-11' })], facts([ret('panel.return-to-panel-extended', '2026-07-09', '2026-06-10T09:00:00Z')]), today);
    expect(extended.map((r) => [r.dueBy, r.text])).toEqual([['2026-07-09', 'The chair extended the return to panel to 9 July 2026']]);
    // A later decision with no return date does not drop an earlier return still open.
    const stream = [event('panel.decision_made', '2026-03-12T15:00:00Z', { decision: 'approved', returnDate: '2026-06-11' }), event('panel.decision_made', '2026-04-16T15:00:00Z', { decision: 'approved' })];
    expect(mustComeToPanel(stream, facts([ret('panel.return-to-panel', '2026-06-11')]), today).map((r) => r.dueBy)).toEqual(['2026-06-11']);
    // A deferral (I.19 c), not yet due; a return presented (no longer open) is not listed; other rules are not returns.
    expect(mustComeToPanel([], facts([ret('panel.deferred-request', '2026-06-25')]), today)[0]).toMatchObject({ paragraph: '1.1 f), I.19 c)', text: 'The panel deferred the request to 25 June 2026', dueBy: '2026-06-25' });
    expect(mustComeToPanel(stream, facts([]), today)).toEqual([]);
    expect(mustComeToPanel([], facts([ret('panel.decision-recorded', '2026-06-11')]), today)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/workingDays';
import { evaluate, type RuleTimeline, type StandardsEvent } from './evaluate';
import type { Episode, Rule } from './rule';

// Plain weekdays only (no holidays), so each date below is easy to check by hand.
const calendar = workingCalendar([]);
const episodes: Episode[] = [{ id: 'plan', title: 'A plan', starts: [{ type: 'plan.started' }], ends: [{ type: 'plan.ended' }] }];
const base = { title: 'A test rule', citation: { document: 'practice-standards', section: 'Test', paragraph: '1' }, quote: 'A rule for testing the engine.', responsible: 'social-worker' } as const;

let seq = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): StandardsEvent => {
  seq += 1;
  return { id: `e${seq}`, seq, type, occurredAt: new Date(at), recordedAt: new Date(at), data, reason: null };
};
const timeline = (rule: Rule, ...later: { effectiveFrom: string; rule?: Partial<Rule>; enabled?: boolean }[]): RuleTimeline => ({
  id: rule.id,
  versions: [
    { rule, version: 1, effectiveFrom: '1900-01-01', enabled: true },
    ...later.map((v, i) => ({ rule: { ...rule, ...v.rule } as Rule, version: i + 2, effectiveFrom: v.effectiveFrom, enabled: v.enabled ?? true })),
  ],
});
const run = (rules: RuleTimeline[], events: StandardsEvent[], teamSpecialism: string | null = null) =>
  evaluate({ personId: 'p', events, rules, episodes, calendar, facts: { dateOfBirth: null, teamSpecialism } });

describe('evaluate', () => {
  const visits: Rule = { ...base, id: 'test.visit', kind: 'recurring', starts: [{ type: 'plan.started' }], satisfiedBy: [{ type: 'visit' }], episode: 'plan', every: { amount: 10, unit: 'days' } };

  it('keeps the version of a rule that was in force when each obligation started', () => {
    const rules = [timeline(visits, { effectiveFrom: '2030-03-01', rule: { every: { amount: 5, unit: 'days' } } })];
    const chain = run(rules, [ev('plan.started', '2030-02-20T10:00:00Z'), ev('visit', '2030-02-28T10:00:00Z'), ev('visit', '2030-03-02T10:00:00Z')]);
    expect(chain.map((o) => [o.ruleVersion, o.dueDate, o.outcome])).toEqual([
      [1, '2030-03-02', 'met'], // started 20 February under version 1: 10 days
      [1, '2030-03-10', 'met'], // counted from 28 February, still under version 1
      [2, '2030-03-07', 'open'], // counted from 2 March, under version 2: 5 days
    ]);
  });

  it('opens nothing while a rule is switched off', () => {
    const rules = [timeline(visits, { effectiveFrom: '2030-01-01', enabled: false })];
    expect(run(rules, [ev('plan.started', '2030-02-20T10:00:00Z')])).toEqual([]);
    expect(run(rules, [ev('plan.started', '2029-12-20T10:00:00Z')])).toHaveLength(1);
  });

  it('uses a different first interval for the first time round', () => {
    const rule: Rule = { ...visits, id: 'test.first', first: { amount: 2, unit: 'working-days' } };
    const chain = run([timeline(rule)], [ev('plan.started', '2030-03-01T10:00:00Z'), ev('visit', '2030-03-05T10:00:00Z')]);
    // Fri 1 March + 2 working days = Tue 5 March; then 10 days from 5 March.
    expect(chain.map((o) => [o.dueDate, o.outcome])).toEqual([
      ['2030-03-05', 'met'],
      ['2030-03-15', 'open'],
    ]);
  });

  it('starts one recurring chain per episode, and a new one in the next episode', () => {
    const chain = run([timeline(visits)], [ev('plan.started', '2030-01-01T10:00:00Z'), ev('plan.ended', '2030-01-05T10:00:00Z'), ev('plan.started', '2030-02-01T10:00:00Z')]);
    expect(chain.map((o) => [o.dueDate, o.outcome])).toEqual([
      ['2030-01-11', 'cancelled'],
      ['2030-02-11', 'open'],
    ]);
  });

  it('takes what satisfies a before-event rule from between the previous such event and this one', () => {
    const report: Rule = { ...base, id: 'test.report', kind: 'before-event', starts: [{ type: 'meeting' }], satisfiedBy: [{ type: 'report.shared' }], ahead: { amount: 3, unit: 'working-days' } };
    const result = run([timeline(report)], [
      ev('report.shared', '2030-03-01T10:00:00Z'),
      ev('meeting', '2030-03-06T10:00:00Z'), // Wed 6 March: due Fri 1 March
      ev('report.shared', '2030-03-18T10:00:00Z'),
      ev('meeting', '2030-03-20T10:00:00Z'), // Wed 20 March: due Fri 15 March
      ev('meeting', '2030-04-03T10:00:00Z'), // no report since the last meeting
    ]);
    expect(result.map((o) => [o.dueDate, o.outcome])).toEqual([
      ['2030-03-01', 'met'],
      ['2030-03-15', 'met_late'],
      ['2030-03-29', 'missed'],
    ]);
  });

  it('opens a rule only for the nth start event in an episode, or from the nth on', () => {
    const report: Rule = { ...base, id: 'test.report', kind: 'before-event', starts: [{ type: 'meeting' }], satisfiedBy: [{ type: 'report.shared' }], episode: 'plan', ahead: { amount: 3, unit: 'working-days' } };
    const events = [
      ev('plan.started', '2030-03-01T10:00:00Z'),
      ev('meeting', '2030-03-06T10:00:00Z'),
      ev('meeting', '2030-03-20T10:00:00Z'),
      ev('meeting', '2030-04-03T10:00:00Z'),
      ev('plan.ended', '2030-04-04T10:00:00Z'),
      ev('plan.started', '2030-05-01T10:00:00Z'),
      ev('meeting', '2030-05-08T10:00:00Z'), // the first of a new plan
      ev('meeting', '2030-05-22T10:00:00Z'),
    ];
    const dueDates = (rule: Rule) => run([timeline(rule)], events).map((o) => o.dueDate);
    expect(dueDates({ ...report, occurrence: 2 })).toEqual(['2030-03-15', '2030-05-17']);
    expect(dueDates({ ...report, fromOccurrence: 2 })).toEqual(['2030-03-15', '2030-03-29', '2030-05-17']);
    expect(dueDates(report)).toHaveLength(5);
  });

  it('counts from a date the start event records, and opens nothing when it records none', () => {
    const back: Rule = { ...base, id: 'test.back', kind: 'after', starts: [{ type: 'decided' }], satisfiedBy: [{ type: 'presented' }], within: { amount: 0, unit: 'days' }, fromDateIn: 'returnDate' };
    const result = run([timeline(back)], [
      ev('decided', '2030-03-07T15:00:00Z', { returnDate: '2030-06-06' }),
      ev('decided', '2030-03-14T15:00:00Z'), // no return date: nothing to count
      ev('decided', '2030-03-21T15:00:00Z', { returnDate: '30 June' }), // not a date: nothing either
      ev('presented', '2030-06-06T14:00:00+01:00'),
    ]);
    expect(result.map((o) => [o.dueDate, o.deadline.toISOString(), o.outcome])).toEqual([['2030-06-06', '2030-06-06T22:59:59.999Z', 'met']]);
    // Two working days from the date set, a Friday: the Tuesday after.
    const later = run([timeline({ ...back, within: { amount: 2, unit: 'working-days' } })], [ev('decided', '2030-03-07T15:00:00Z', { returnDate: '2030-03-08' })]);
    expect(later.map((o) => o.dueDate)).toEqual(['2030-03-12']);
  });

  it('applies a rule only to the children of the teams it names', () => {
    const rule: Rule = { ...visits, id: 'test.cohort', cohort: { teamSpecialisms: ['disabled-children'] } };
    const events = [ev('plan.started', '2030-01-01T10:00:00Z')];
    expect(run([timeline(rule)], events, 'disabled-children')).toHaveLength(1);
    expect(run([timeline(rule)], events, 'children-in-care')).toEqual([]);
    expect(run([timeline(rule)], events, null)).toEqual([]);
  });

  it('keeps the reason given for a late completion', () => {
    const once: Rule = { ...base, id: 'test.once', kind: 'after', starts: [{ type: 'plan.started' }], satisfiedBy: [{ type: 'visit' }], within: { amount: 1, unit: 'days' } };
    const late = { ...ev('visit', '2030-01-05T10:00:00Z'), reason: 'Family away on holiday' };
    const [obligation] = run([timeline(once)], [ev('plan.started', '2030-01-01T10:00:00Z'), late]);
    expect([obligation!.outcome, obligation!.lateReason]).toEqual(['met_late', 'Family away on holiday']);
  });

  it('gives the same obligations whatever order the events come in', () => {
    const events = [ev('plan.started', '2030-01-01T10:00:00Z'), ev('visit', '2030-01-08T10:00:00Z'), ev('visit', '2030-01-20T10:00:00Z')];
    expect(run([timeline(visits)], [...events].reverse())).toEqual(run([timeline(visits)], events));
  });
});

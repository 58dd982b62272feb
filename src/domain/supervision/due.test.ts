import { describe, expect, it } from 'vitest';
import { frequencyOver, nextSession, supervisionTurns } from './due';
import { allowedFrequencies, atLeastAsFrequent, dueAfter, moreFrequent, type Frequency } from './frequency';

const always = (f: Frequency) => () => f;

/**
 * Supervision due dates (specialist-service-statement.txt 5.4) in calendar days (DESIGN.md): a
 * weekend or a bank holiday does not move them, and "monthly" is the same day next month, clamped.
 */
describe('when the next supervision session is due', () => {
  it('counts monthly as the same day next month, clamped to the month end', () => {
    expect(dueAfter('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(dueAfter('2028-01-31', 'monthly')).toBe('2028-02-29');
    expect(dueAfter('2026-03-15', 'monthly')).toBe('2026-04-15');
  });

  it('counts weekly and fortnightly in calendar days, over Easter 2026 without moving', () => {
    // Friday 20 March + 14 days = Good Friday 3 April; Monday 30 March + 7 = Easter Monday 6 April.
    expect(dueAfter('2026-03-20', 'fortnightly')).toBe('2026-04-03');
    expect(dueAfter('2026-03-30', 'weekly')).toBe('2026-04-06');
  });

  it('says the first session is due from the contract, and overdue the day after', () => {
    // Contract agreed Monday 30 March 2026, weekly in induction: due Easter Monday 6 April.
    expect(nextSession('2026-03-30', [], always('weekly'), '2026-04-06')).toEqual({ dueOn: '2026-04-06', state: 'due', frequency: 'weekly', lastHeldOn: null, daysOverdue: 0 });
    expect(nextSession('2026-03-30', [], always('weekly'), '2026-04-07')).toMatchObject({ state: 'overdue', daysOverdue: 1 });
  });

  it('counts each next session from the last one held, over Christmas 2026', () => {
    // Held Saturday 28 November; monthly: due Monday 28 December (the Boxing Day substitute bank holiday).
    const next = nextSession('2026-09-01', ['2026-10-27', '2026-11-28', '2026-09-25'], always('monthly'), '2026-12-28');
    expect(next).toMatchObject({ dueOn: '2026-12-28', state: 'due', lastHeldOn: '2026-11-28' });
    expect(nextSession('2026-09-01', ['2026-11-28'], always('monthly'), '2026-12-29').state).toBe('overdue');
    // Fortnightly from Friday 11 December: due Christmas Day, Friday 25 December.
    expect(nextSession('2026-09-01', ['2026-12-11'], always('fortnightly'), '2026-12-24').dueOn).toBe('2026-12-25');
  });

  it('uses the frequency in force on the day counted from: weekly in induction, fortnightly in the assessed year, then monthly', () => {
    const frequencyOn = (date: string): Frequency => (date < '2026-04-01' ? 'weekly' : date < '2027-03-01' ? 'fortnightly' : 'monthly');
    const turns = supervisionTurns('2026-03-16', ['2026-03-23', '2026-03-31', '2026-04-14'], frequencyOn);
    expect(turns.map((t) => [t.from, t.frequency, t.dueOn, t.heldOn])).toEqual([
      ['2026-03-16', 'weekly', '2026-03-23', '2026-03-23'],
      ['2026-03-23', 'weekly', '2026-03-30', '2026-03-31'],
      ['2026-03-31', 'weekly', '2026-04-07', '2026-04-14'],
      ['2026-04-14', 'fortnightly', '2026-04-28', null],
    ]);
    expect(nextSession('2027-03-01', ['2027-03-02'], frequencyOn, '2027-03-10').dueOn).toBe('2027-04-02');
  });

  it('owes each missed turn of a gap between sessions, the session meeting the last late', () => {
    // Held Saturday 31 January 2026, then Monday 20 April (after Easter): due 28 February (missed, as
    // 28 March also fell due before 20 April), then 28 March, met late on 20 April.
    expect(supervisionTurns('2026-01-05', ['2026-01-31', '2026-04-20'], always('monthly')).map((t) => [t.from, t.dueOn, t.heldOn])).toEqual([
      ['2026-01-05', '2026-02-05', '2026-01-31'],
      ['2026-01-31', '2026-02-28', null],
      ['2026-02-28', '2026-03-28', '2026-04-20'],
      ['2026-04-20', '2026-05-20', null],
    ]);
    // Held on the day the second turn fell due: the first missed, the second on time.
    expect(supervisionTurns('2026-01-05', ['2026-01-31', '2026-03-28'], always('monthly')).map((t) => [t.dueOn, t.heldOn]).slice(1, 3)).toEqual([
      ['2026-02-28', null],
      ['2026-03-28', '2026-03-28'],
    ]);
  });

  it('brings the next session forward when more frequent supervision starts after the last one', () => {
    // Held Friday 20 March 2026, monthly: due 20 April. Induction (weekly) from Monday 30 March:
    // due a week later, Easter Monday 6 April.
    const induction = (date: string): Frequency => (date < '2026-03-30' ? 'monthly' : 'weekly');
    expect(nextSession('2026-01-05', ['2026-03-20'], induction, '2026-04-07')).toMatchObject({ dueOn: '2026-04-06', frequency: 'weekly', state: 'overdue', daysOverdue: 1, lastHeldOn: '2026-03-20' });
    // The first session from a monthly contract of Tuesday 1 December 2026 (due 1 January): a new
    // fortnightly contract from Friday 11 December brings it to Christmas Day.
    const contract = (date: string): Frequency => (date < '2026-12-11' ? 'monthly' : 'fortnightly');
    expect(nextSession('2026-12-01', [], contract, '2026-12-24')).toMatchObject({ dueOn: '2026-12-25', frequency: 'fortnightly', state: 'due', lastHeldOn: null });
    // A change to less frequent supervision does not put it back: weekly from Monday 30 March, monthly from 2 April.
    const easing = (date: string): Frequency => (date < '2026-04-02' ? 'weekly' : 'monthly');
    expect(nextSession('2026-03-02', ['2026-03-30'], easing, '2026-04-01').dueOn).toBe('2026-04-06');
  });

  it('does not count sessions held before the contract', () => {
    expect(supervisionTurns('2026-05-01', ['2026-04-20'], always('monthly'))).toEqual([{ from: '2026-05-01', fromContract: true, frequency: 'monthly', dueOn: '2026-06-01', heldOn: null }]);
  });
});

describe('frequency over a period, for a line manager’s audit', () => {
  const held = ['2026-01-09', '2026-02-06', '2026-03-20', '2026-03-27', '2026-05-29'];
  const finding = frequencyOver('2025-12-10', held, always('monthly'), { from: '2026-01-01', to: '2026-06-30' }, '2026-07-15');

  it('counts sessions owed, held on time, late and missed', () => {
    // Owed: due 10 Jan (held 9 Jan, on time), 9 Feb (6 Feb, on time), 6 Mar (20 Mar, late), 20 Apr
    // (an extra session on 27 Mar, on time), 27 Apr (none by then, nor by the next due 27 May:
    // missed), 27 May (29 May, late), 29 Jun (not held: missed by 15 July).
    expect(finding.turns.map((t) => [t.dueOn, t.heldOn])).toEqual([
      ['2026-01-10', '2026-01-09'],
      ['2026-02-09', '2026-02-06'],
      ['2026-03-06', '2026-03-20'],
      ['2026-04-20', '2026-03-27'],
      ['2026-04-27', null],
      ['2026-05-27', '2026-05-29'],
      ['2026-06-29', null],
    ]);
    expect(finding).toMatchObject({ held: 5, due: 7, onTime: 3, late: 2, missed: 2, onTimePercent: 43 });
  });

  it('does not count a session owed in the period that was met early, before it', () => {
    const early = frequencyOver('2026-01-01', ['2026-01-30'], always('monthly'), { from: '2026-02-01', to: '2026-02-28' }, '2026-03-31');
    // Held 30 January for the turn due 1 February: not this period's; the next (due 28 Feb) was missed.
    expect(early).toMatchObject({ held: 0, due: 1, onTime: 0, missed: 1 });
  });

  it('owes a session every interval of a long gap, and counts one overdue before the period began', () => {
    // Held 1 February and 1 March 2024, then none: owed 1 April, 1 May, ... each month. Audited
    // 17 July 2024 to 15 January 2025: the session due 1 July was overdue when the period began and
    // never held; then 1 August to 1 January (over Christmas and New Year) each fell due and was missed.
    const gap = frequencyOver('2024-01-15', ['2024-02-01', '2024-03-01'], always('monthly'), { from: '2024-07-17', to: '2025-01-15' }, '2025-01-15');
    expect(gap.turns.map((t) => [t.dueOn, t.heldOn])).toEqual([
      ['2024-07-01', null],
      ['2024-08-01', null],
      ['2024-09-01', null],
      ['2024-10-01', null],
      ['2024-11-01', null],
      ['2024-12-01', null],
      ['2025-01-01', null],
    ]);
    expect(gap).toMatchObject({ held: 0, due: 7, onTime: 0, late: 0, missed: 7, onTimePercent: 0 });
  });

  it('counts a session overdue across a month end and the August bank holiday as owed in a later period', () => {
    // Held Friday 31 July 2026; due Monday 31 August (the summer bank holiday), then 30 September,
    // 30 October. Audited October: overdue since 30 September when it began, and 30 October missed.
    const late = frequencyOver('2026-07-01', ['2026-07-31'], always('monthly'), { from: '2026-10-01', to: '2026-10-31' }, '2026-11-02');
    expect(late.turns.map((t) => [t.dueOn, t.heldOn])).toEqual([
      ['2026-09-30', null],
      ['2026-10-30', null],
    ]);
    expect(late).toMatchObject({ due: 2, missed: 2 });
    // A session held late in the period meets the one overdue when it began.
    const met = frequencyOver('2026-07-01', ['2026-07-31', '2026-10-05'], always('monthly'), { from: '2026-10-01', to: '2026-10-31' }, '2026-11-02');
    expect(met).toMatchObject({ held: 1, due: 1, onTime: 0, late: 1, missed: 0 });
  });

  it('does not count as missed what is not yet past due', () => {
    const soon = frequencyOver('2026-06-01', [], always('monthly'), { from: '2026-06-01', to: '2026-07-31' }, '2026-07-01');
    expect(soon).toMatchObject({ due: 0, onTimePercent: null });
  });
});

describe('frequencies a contract may agree', () => {
  it('may be more frequent than the profile asks, never less', () => {
    expect(allowedFrequencies('fortnightly')).toEqual(['weekly', 'fortnightly']);
    expect(atLeastAsFrequent('monthly', 'weekly')).toBe(false);
    expect(moreFrequent('monthly', 'fortnightly')).toBe('fortnightly');
  });
});

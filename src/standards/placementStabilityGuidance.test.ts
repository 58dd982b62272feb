import { describe, expect, it } from 'vitest';
import { dueOf, ev, obligationsOf, stateAt } from '../../test/support/standardsCases';

// Dates used: the early May bank holiday Monday 4 May 2026; the summer bank holiday Monday 31
// August 2026; Good Friday 26 March 2027. British Summer Time 2027 starts on Sunday 28 March.

describe('Every child and young person is offered relationship building work in advance of placement', () => {
  it('stability.carer-profile-shared: before each placement, after the bank holiday weekend (bullet 1)', () => {
    const inCare = ev('cic.started', '2026-05-01T10:00:00+01:00', { legalStatus: 'V2' });
    const first = ev('cic.placement_started', '2026-05-05T10:00:00+01:00', { placementId: 'p1' });
    const second = ev('cic.placement_started', '2026-06-01T10:00:00+01:00', { placementId: 'p2' });
    // Placed on Tuesday 5 May 2026, after the early May bank holiday: due that day (0 days before),
    // however far back the last working day was. The profile was shared on Friday 1 May.
    const obligations = obligationsOf('stability.carer-profile-shared', [inCare, ev('placements.carer_profile_shared', '2026-05-01T15:00:00+01:00', { placementId: 'p1' }), first, second]);
    expect(obligations.map((o) => [dueOf(o), o.outcome])).toEqual([
      ['2026-05-05', 'met'],
      ['2026-06-01', 'missed'], // the first placement's profile does not count for the second
    ]);
    // A profile shared only after the move is too late to count.
    const [after] = obligationsOf('stability.carer-profile-shared', [inCare, first, ev('placements.carer_profile_shared', '2026-05-06T10:00:00+01:00', { placementId: 'p1' })]);
    expect(after!.outcome).toBe('missed');
    expect(stateAt(after!, new Date('2026-05-06T10:00:00+01:00'))).toBe('overdue');
  });
});

describe("All reviews and planning meetings include key professionals responsible for the child or young person's welfare", () => {
  it('stability.initial-support-plan: at the Placement Planning Meeting, the day after a bank holiday (bullet 2)', () => {
    const inCare = ev('cic.started', '2026-08-28T17:00:00+01:00', { legalStatus: 'V2' });
    const meeting = ev('cic.placement_planning_meeting_held', '2026-09-07T15:00:00+01:00');
    // Monday 7 September 2026: due that day (0 days), not moved.
    const [met] = obligationsOf('stability.initial-support-plan', [inCare, meeting, ev('placements.initial_support_plan_completed', '2026-09-07T16:00:00+01:00')]);
    expect(dueOf(met!)).toBe('2026-09-07');
    expect(met!.outcome).toBe('met');
    const [late] = obligationsOf('stability.initial-support-plan', [inCare, meeting, ev('placements.initial_support_plan_completed', '2026-09-08T09:00:00+01:00')]);
    expect(late!.outcome).toBe('met_late');
  });
});

describe('Placements are ended in a planned way unless there are immediate safeguarding concerns', () => {
  it('stability.support-plan-reviewed: at every Placement Support Meeting (bullet 2)', () => {
    const events = [
      ev('cic.started', '2027-01-04T10:00:00Z', { legalStatus: 'C2' }),
      ev('cic.placement_started', '2027-01-04T12:00:00Z'),
      // Thursday 25 March 2027, the day before Good Friday: due that day.
      ev('placements.stability_meeting_held', '2027-03-25T15:00:00Z'),
      ev('placements.support_plan_reviewed', '2027-03-25T16:00:00Z'),
      // Thursday 1 April 2027 (BST): due by the end of that London day, 22:59:59.999 UTC.
      ev('placements.stability_meeting_held', '2027-04-01T15:00:00+01:00'),
    ];
    const [first, second] = obligationsOf('stability.support-plan-reviewed', events);
    expect([dueOf(first!), first!.outcome]).toEqual(['2027-03-25', 'met']);
    expect(dueOf(second!)).toBe('2027-04-01');
    expect(stateAt(second!, new Date('2027-04-01T22:59:00Z'))).toBe('due');
    expect(stateAt(second!, new Date('2027-04-01T23:00:00Z'))).toBe('overdue');
  });
});

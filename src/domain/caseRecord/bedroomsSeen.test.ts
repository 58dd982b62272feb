import { describe, expect, it } from 'vitest';
import { bedroomCheck, type VisitEvent } from './bedroomsSeen';

const plan = { starts: [{ type: 'cp.conference_held', where: { planMade: true } }], ends: [{ type: 'cp.plan_ended' }] };
const at = (iso: string) => new Date(iso);
const conference = (iso: string, planMade = true): VisitEvent => ({ type: 'cp.conference_held', occurredAt: at(iso), data: { planMade } });
const visit = (iso: string, bedroomSeen?: boolean): VisitEvent => ({ type: 'cp.visit', occurredAt: at(iso), data: bedroomSeen === undefined ? {} : { bedroomSeen } });

describe("the child protection plan's bedroom check (Visits 6: once in every three visits)", () => {
  it('is nothing for a child who is not on a plan, or whose plan has ended', () => {
    expect(bedroomCheck([visit('2026-01-05T10:00:00Z')], plan)).toBeNull();
    expect(bedroomCheck([conference('2026-01-02T10:00:00Z', false), visit('2026-01-05T10:00:00Z')], plan)).toBeNull();
    expect(bedroomCheck([conference('2026-01-02T10:00:00Z'), visit('2026-01-05T10:00:00Z'), { type: 'cp.plan_ended', occurredAt: at('2026-02-01T10:00:00Z'), data: {} }], plan)).toBeNull();
  });

  it('says the next visit must see the bedroom after two without, and that it is overdue after three', () => {
    const seen = visit('2026-01-05T10:00:00Z', true);
    const start = [conference('2026-01-02T10:00:00Z'), seen];
    expect(bedroomCheck([...start, visit('2026-01-16T10:00:00Z', false)], plan)).toEqual({ visitsWithout: 1, lastSeenAt: seen.occurredAt, state: 'ok' });
    expect(bedroomCheck([...start, visit('2026-01-16T10:00:00Z', false), visit('2026-01-29T10:00:00Z')], plan)?.state).toBe('next-visit');
    expect(bedroomCheck([...start, visit('2026-01-16T10:00:00Z', false), visit('2026-01-29T10:00:00Z'), visit('2026-02-10T10:00:00Z', false)], plan)).toEqual({
      visitsWithout: 3,
      lastSeenAt: seen.occurredAt,
      state: 'overdue',
    });
  });

  it('counts by when the visits happened, not the order they were recorded, and only the current plan', () => {
    // A late-recorded visit that saw the bedroom, between two that did not.
    const stream = [
      conference('2025-06-01T10:00:00Z'),
      visit('2025-06-05T10:00:00Z', true),
      { type: 'cp.plan_ended', occurredAt: at('2025-09-01T10:00:00Z'), data: {} },
      conference('2026-01-02T10:00:00Z'),
      visit('2026-01-05T10:00:00Z', false),
      visit('2026-01-29T10:00:00Z', false),
      visit('2026-01-16T10:00:00Z', true),
    ];
    expect(bedroomCheck(stream, plan)).toMatchObject({ visitsWithout: 1, state: 'ok' });
    // The earlier plan's visit does not count for this one.
    expect(bedroomCheck(stream.slice(0, 6), plan)).toMatchObject({ visitsWithout: 2, lastSeenAt: null, state: 'next-visit' });
  });
});

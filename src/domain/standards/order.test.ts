import { describe, expect, it } from 'vitest';
import { orderProblems, outOfOrder, type OrderRequirement } from './order';
import type { Episode } from './rule';

const requirements = new Map<string, OrderRequirement>([
  ['cic.started', { type: 'cic.started', title: 'Became looked after' }],
  ['cic.review_held', { type: 'cic.review_held', title: 'Child in care review held', during: 'in-care' }],
  ['strategy.discussion_held', { type: 'strategy.discussion_held', title: 'Strategy discussion held' }],
  ['strategy.minutes_distributed', { type: 'strategy.minutes_distributed', title: 'Minutes distributed', after: [{ type: 'strategy.discussion_held' }] }],
]);
const inCare: Episode = { id: 'in-care', title: 'A period in care', starts: [{ type: 'cic.started' }], ends: [{ type: 'cic.ended' }] };
const episodes = new Map([['in-care', inCare]]);
const event = (key: string, type: string, at: string) => ({ key, type, at: new Date(at), data: {} });

describe('events out of order', () => {
  it('finds a review before the child came into care, and says which episode it needs', () => {
    const problems = orderProblems([event('a', 'cic.started', '2026-05-01T10:00:00Z')], [event('new', 'cic.review_held', '2026-04-20T10:00:00Z')], requirements, episodes);
    expect(problems.get('new')).toMatchObject({ kind: 'not-during', episodeId: 'in-care', episode: inCare });
    expect(outOfOrder([], [event('new', 'cic.review_held', '2026-04-20T10:00:00Z')], requirements, episodes).get('new')).toBe(
      'Child in care review held at 2026-04-20T10:00:00.000Z is not during a period in care: record its start first, or check the date',
    );
  });

  it('finds minutes before any discussion, and accepts them after one', () => {
    expect(orderProblems([], [event('new', 'strategy.minutes_distributed', '2026-04-20T10:00:00Z')], requirements, episodes).get('new')).toMatchObject({
      kind: 'before',
      after: [{ type: 'strategy.discussion_held' }],
    });
    expect(orderProblems([event('a', 'strategy.discussion_held', '2026-04-19T10:00:00Z')], [event('new', 'strategy.minutes_distributed', '2026-04-20T10:00:00Z')], requirements, episodes).size).toBe(0);
  });

  it('judges only the new events', () => {
    const existing = [event('old', 'cic.review_held', '2026-04-20T10:00:00Z')];
    expect(orderProblems(existing, [event('new', 'cic.started', '2026-05-01T10:00:00Z')], requirements, episodes).size).toBe(0);
  });
});

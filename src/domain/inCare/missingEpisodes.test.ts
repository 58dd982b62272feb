import { describe, expect, it } from 'vitest';
import { londonInstant } from '../calendar/localDate';
import { missingEpisodesOf, missingOvernight, repeatedMissing } from './missingEpisodes';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}) => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Sam Worker', data });

describe('missing episodes read from the record (practice-standards.txt, Section 3: Children in Care 42; resource-service-policy.txt 5.3)', () => {
  it('pairs each episode with its return and the interview after it', () => {
    const episodes = missingEpisodesOf([
      event('cic.missing_started', '2027-03-25T21:00:00Z', { kind: 'missing', from: 'Oak Lodge', policeReference: 'TVP-1' }),
      event('cic.missing_started', '2027-03-25T22:00:00Z', { from: 'duplicate while open' }),
      event('cic.missing_ended', '2027-03-26T02:00:00Z', { whereFound: 'A friend’s flat' }),
      event('cic.return_interview_held', '2027-03-27T09:00:00Z', { summary: 'Party' }),
      event('cic.missing_started', '2027-04-02T22:00:00Z', { kind: 'absent', from: 'School' }),
    ]);
    expect(episodes.map((e) => [e.kind, e.from, e.whereFound, e.returnInterview?.summary ?? null, e.endedAt === null])).toEqual([
      ['missing', 'Oak Lodge', 'A friend’s flat', 'Party', false],
      ['absent', 'School', null, null, true],
    ]);
  });

  it('puts on the morning list whoever was missing overnight, across the spring clock change', () => {
    // The night of Saturday 27 to Sunday 28 March 2027: 6pm GMT to 8am BST, 13 hours.
    const evening = londonInstant('2027-03-27', '18:00')!;
    const morning = londonInstant('2027-03-28', '08:00')!;
    expect((morning.getTime() - evening.getTime()) / 3_600_000).toBe(13);
    const episodes = missingEpisodesOf([
      event('cic.missing_started', '2027-03-27T10:00:00Z', { from: 'back by teatime' }),
      event('cic.missing_ended', '2027-03-27T17:30:00Z'),
      event('cic.missing_started', '2027-03-28T06:30:00Z', { from: 'overnight, early hours' }),
    ]);
    expect(missingOvernight(episodes, evening, morning).map((e) => e.from)).toEqual(['overnight, early hours']);
  });

  it('flags three episodes begun within 90 days as repeated', () => {
    const starts = ['2027-01-10', '2027-03-01', '2027-04-05'].flatMap((d) => [event('cic.missing_started', `${d}T22:00:00Z`), event('cic.missing_ended', `${d}T23:00:00Z`)]);
    const episodes = missingEpisodesOf(starts);
    expect(repeatedMissing(episodes, new Date('2027-04-06T10:00:00Z'))).toBe(3);
    expect(repeatedMissing(episodes, new Date('2027-04-15T10:00:00Z'))).toBeNull();
  });
});

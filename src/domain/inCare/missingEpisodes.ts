import { chronological, type WorkflowEvent } from '../records/events';

/** Missing, or absent: where the child is known to be but not where they should be (the protocol's two categories). */
export const missingKinds = [
  { value: 'missing', text: 'Missing: whereabouts unknown' },
  { value: 'absent', text: 'Absent: not where they should be, whereabouts known' },
] as const;

export interface MissingEpisode {
  eventId: string;
  kind: string;
  from: string;
  startedAt: Date;
  policeReference: string | null;
  endedAt: Date | null;
  whereFound: string | null;
  returnInterview: { at: Date; summary: string } | null;
}

/**
 * How many episodes in how many days mark a pattern to bring to a placement stability discussion.
 * The policies set no number (resource-service-policy.txt 5.3 asks only that a missing incident
 * raising concerns about the placement's stability be discussed): three in 90 days is Hearth's.
 */
export const repeatedEpisodes = { count: 3, days: 90 } as const;

/**
 * A child's missing and absent episodes from their events, oldest first (practice-standards.txt,
 * Section 3: Children in Care 42; resource-service-policy.txt 5.3): when each began and ended, where
 * from and where found, the police reference, and the return home interview that followed.
 */
export function missingEpisodesOf(stream: readonly WorkflowEvent[]): MissingEpisode[] {
  const episodes: MissingEpisode[] = [];
  for (const e of chronological(stream)) {
    const open = episodes.at(-1);
    if (e.type === 'cic.missing_started') {
      if (open && !open.endedAt) continue;
      episodes.push({
        eventId: e.id,
        kind: String(e.data.kind ?? 'missing'),
        from: String(e.data.from ?? ''),
        startedAt: e.occurredAt,
        policeReference: typeof e.data.policeReference === 'string' ? e.data.policeReference : null,
        endedAt: null,
        whereFound: null,
        returnInterview: null,
      });
    } else if (e.type === 'cic.missing_ended' && open && !open.endedAt) {
      open.endedAt = e.occurredAt;
      open.whereFound = typeof e.data.whereFound === 'string' ? e.data.whereFound : null;
      if (typeof e.data.policeReference === 'string' && !open.policeReference) open.policeReference = e.data.policeReference;
    } else if (e.type === 'cic.return_interview_held') {
      const interviewed = [...episodes].reverse().find((x) => x.endedAt && !x.returnInterview && x.endedAt.getTime() <= e.occurredAt.getTime());
      if (interviewed) interviewed.returnInterview = { at: e.occurredAt, summary: String(e.data.summary ?? '') };
    }
  }
  return episodes;
}

/** Repeated episodes (three or more begun in the last 90 days) call for a placement stability discussion. */
export function repeatedMissing(episodes: readonly MissingEpisode[], now: Date): number | null {
  const since = now.getTime() - repeatedEpisodes.days * 86_400_000;
  const recent = episodes.filter((e) => e.startedAt.getTime() >= since).length;
  return recent >= repeatedEpisodes.count ? recent : null;
}

/**
 * The Emergency Duty Team's morning list (resource-service-policy.txt 5.3): an episode belongs on the
 * list for the morning of `today` if the child was missing at any time overnight, from 6pm the day
 * before to 8am (London), or is missing still.
 */
export function missingOvernight(episodes: readonly MissingEpisode[], evening: Date, morning: Date): MissingEpisode[] {
  return episodes.filter((e) => e.startedAt.getTime() <= morning.getTime() && (e.endedAt === null || e.endedAt.getTime() >= evening.getTime()));
}

import { z } from 'zod';
import { can } from '../../domain/access/can';
import { addDays, londonDate, londonInstant } from '../../domain/calendar/localDate';
import { missingEpisodesOf, missingKinds, missingOvernight, repeatedEpisodes, repeatedMissing, type MissingEpisode } from '../../domain/inCare/missingEpisodes';
import { fullName } from '../../domain/people/personDetails';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ValidationError } from '../../platform/errors';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { groupedBy } from '../../domain/records/events';

const missingTypes = ['cic.missing_started', 'cic.missing_ended', 'cic.return_interview_held'];
const startSchema = z.object({
  kind: z.enum(choiceValues(missingKinds), { error: 'Select whether the child is missing or absent' }),
  from: requiredText('Enter where the child went missing from', 300, 'Where from'),
  reported: z.enum(['yes', 'no'], { error: 'Select whether it was reported to the police' }),
  policeReference: optionalText(100, 'The police reference'),
});
const endSchema = z.object({ whereFound: requiredText('Enter where the child was found or returned to', 300, 'Where found'), policeReference: optionalText(100, 'The police reference') });
const interviewSchema = z.object({ summary: requiredText('Enter what the child said and what happens next', 10000, 'The interview') });

/**
 * Missing and absent episodes (issue 6; practice-standards.txt, Section 3: Children in Care 42;
 * resource-service-policy.txt 5.3): each episode on the child's record with when it began and ended,
 * where from and where found, the police reference and the return home interview (within 24 hours);
 * repeated episodes flagged for a placement stability discussion; and the Emergency Duty Team's
 * morning list of children missing overnight, for the Resource Service's duty.
 */
export function missingService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService) {
  type State = { episodes: MissingEpisode[] };
  const step = (context: RequestContext, personId: string, refusal: (s: State | null) => string | null, field: string, events: Parameters<typeof recordStep<State>>[6]) =>
    recordStep(people, context, personId, 'work:record', 'child.missing_recorded', { read: (stream) => ({ episodes: missingEpisodesOf(stream) }), refusal, field }, events);
  const open = (s: State | null) => s?.episodes.at(-1)?.endedAt === null ? s.episodes.at(-1)! : null;

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const episodes = missingEpisodesOf(await people.streamOf(personId));
      return {
        record,
        name: fullName(record.details),
        episodes: [...episodes].reverse(),
        open: episodes.at(-1)?.endedAt === null ? episodes.at(-1) : null,
        awaitingInterview: episodes.some((e) => e.endedAt && !e.returnInterview),
        repeated: repeatedMissing(episodes, clock.now()),
        repeatedEpisodes,
        kinds: missingKinds,
        clocks: clocksOf(await standards.forPerson(personId), ['cic.return-interview']),
        may: { record: can(context.actor, 'work:record', record) },
      };
    },

    started(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, (s) => (open(s) ? 'The child is already recorded as missing: record their return first' : null), 'kind', (state, now) => {
        const { data, at } = checkedAt(startSchema, body, when, now);
        if (data.reported === 'yes' && !data.policeReference) throw new ValidationError([{ field: 'policeReference', message: 'Enter the police reference, or say it was not reported' }]);
        const last = state.episodes.at(-1);
        if (last?.endedAt) notBefore(at, last.endedAt, 'occurredOn', 'This cannot be before the last episode ended, ');
        return [{ type: 'cic.missing_started', occurredAt: at, data: { kind: data.kind, from: data.from, reportedToPolice: data.reported === 'yes', ...(data.policeReference ? { policeReference: data.policeReference } : {}), summary: `${data.kind === 'absent' ? 'Absent' : 'Missing'} from ${data.from}` } }];
      });
    },

    returned(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, (s) => (open(s) ? null : 'The child is not recorded as missing'), 'whereFound', (state, now) => {
        const { data, at } = checkedAt(endSchema, body, when, now);
        notBefore(at, open(state)!.startedAt, when.fields?.date ?? 'occurredOn', 'The return cannot be before the child went missing, ');
        return [{ type: 'cic.missing_ended', occurredAt: at, data: { whereFound: data.whereFound, ...(data.policeReference ? { policeReference: data.policeReference } : {}), summary: `Found at ${data.whereFound}` } }];
      });
    },

    returnInterview(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return step(context, personId, (s) => (s?.episodes.some((e) => e.endedAt && !e.returnInterview) ? null : 'There is no return from missing waiting for its interview'), 'summary', (state, now) => {
        const { data, at } = checkedAt(interviewSchema, body, when, now);
        const waiting = [...state.episodes].reverse().find((e) => e.endedAt && !e.returnInterview)!;
        notBefore(at, waiting.endedAt!, when.fields?.date ?? 'occurredOn', 'The interview cannot be before the child returned, ');
        return [{ type: 'cic.return_interview_held', occurredAt: at, data: { summary: data.summary } }];
      });
    },

    /**
     * The morning list: every child the reader may see who was missing at some time from 6pm
     * yesterday to 8am today (London), or is still missing. Episodes that began up to 90 days ago
     * are read, so a child missing for weeks stays on it.
     */
    async morningList(context: RequestContext) {
      const now = clock.now();
      const today = londonDate(now);
      const evening = londonInstant(addDays(today, -1), '18:00')!;
      const morning = londonInstant(today, '08:00')!;
      const recent = await people.ofTypesSince(missingTypes, new Date(now.getTime() - 90 * 86_400_000));
      // Missing for longer than that: their latest start or return is a start, whenever it was.
      const stillOut = (await people.latestOfTypesForAll(['cic.missing_started', 'cic.missing_ended'])).filter((e) => e.type === 'cic.missing_started').map((e) => e.personId);
      const recentOf = groupedBy(recent, (e) => e.personId);
      const ids = [...new Set([...recentOf.keys(), ...stillOut])];
      const visible = await people.visibleRecords(context, ids);
      const rows = [];
      for (const id of visible.keys()) {
        const mine = recentOf.get(id) ?? [];
        // An episode begun before the window is read whole, from the child's own record.
        const events = mine.some((e) => e.type === 'cic.missing_started') ? mine : await people.ofTypes(id, missingTypes);
        const episodes = missingEpisodesOf(events);
        const episode = missingOvernight(episodes, evening, morning).at(-1);
        if (!episode) continue;
        const record = visible.get(id)!;
        // Whether they are missing now, from their latest episode: back at 7am and gone again at 9 is missing.
        const latest = episodes.at(-1)!;
        rows.push({ personId: id, name: fullName(record.details), episode: latest.endedAt === null ? latest : episode, stillMissing: latest.endedAt === null, repeated: repeatedMissing(episodes, now) });
      }
      rows.sort((a, b) => Number(b.stillMissing) - Number(a.stillMissing) || a.episode.startedAt.getTime() - b.episode.startedAt.getTime());
      await audit.record(db, context, { action: 'caseload.viewed', details: { for: 'Children missing overnight', shown: rows.map((r) => r.personId) } });
      return { today, evening, morning, rows };
    },
  };
}

export type MissingService = ReturnType<typeof missingService>;

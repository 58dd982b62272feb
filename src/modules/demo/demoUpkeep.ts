import { addDays, londonDate, londonStartOfDay } from '../../domain/calendar/localDate';
import { dueAfter } from '../../domain/standards/due';
import { stateAt } from '../../domain/standards/obligation';
import type { Actor } from '../../domain/access/can';
import type { MatchValue } from '../../domain/standards/rule';
import { englandAndWalesCalendar } from '../../platform/calendar';
import { cliContext } from '../../cli/cliContext';
import { ruleById } from '../../standards/index';
import type { Services } from '../../services';

const hourMs = 3_600_000;

const firstValue = (value: MatchValue) => (Array.isArray(value) ? value[0] : value);

/**
 * A kept-up caseload for the demonstration: for each child whose family is not one of the late
 * ones, what the practice standards asked for and the journey did not record (monthly
 * management oversight, three-monthly case summaries…) is recorded a little before it fell
 * due, and recurring ones up to today. The catalogue says what is owed, so the demonstration
 * follows it as it grows; the late families keep their overdue work, as real caseloads do.
 */
export async function keepUp(s: Services, people: { personId: string; recordedBy: Actor }[], now: Date): Promise<void> {
  const calendar = englandAndWalesCalendar();
  let visits = 0;
  for (let round = 0; round < 6; round++) {
    const events: Parameters<Services['people']['importEvents']>[1][number][] = [];
    for (const { personId, recordedBy } of people) {
      for (const obligation of await s.standards.asAt(personId, now)) {
        // Open and overdue, or missed: due before its episode ended, or before the meeting it prepares for.
        if (stateAt(obligation, now) !== 'overdue') continue;
        const rule = ruleById(obligation.ruleId);
        const match = rule?.satisfiedBy[0];
        if (!rule || !match || rule.satisfiedByRecording) continue;
        // A kept-up visit is a good one: the child seen alone, and the bedroom seen at every other visit.
        const visit = match.type.endsWith('.visit') ? { seenAlone: true, bedroomSeen: visits++ % 2 === 0 } : {};
        const census = match.type === 'assessment.completed' ? await assessedAsBefore(s, personId) : match.type === 'cic.review_held' ? { childParticipation: 'attended' } : {};
        const data = { ...visit, ...census, ...Object.fromEntries(Object.entries(match.where ?? {}).map(([k, v]) => [k, firstValue(v)])) };
        // What prepares for a meeting is done a little before the meeting (the obligation's start;
        // for one due before a date the start set, like a release date, after the start as below);
        // anything else a little before its deadline, after what started it.
        let at =
          rule.kind === 'before-event' && !rule.beforeDateIn
            ? aLittleBefore(new Date(Math.min(obligation.deadline.getTime(), obligation.startedAt.getTime() - hourMs)), new Date(0))
            : aLittleBefore(obligation.deadline, new Date(obligation.startedAt.getTime() + hourMs));
        events.push({ personId, type: match.type, occurredAt: at, data, recordedBy });
        if (rule.kind !== 'recurring') continue;
        // The rest of a recurring chain, up to yesterday or the end of its episode.
        const until = Math.min(now.getTime() - 24 * hourMs, (obligation.closedAt?.getTime() ?? Number.POSITIVE_INFINITY) - hourMs);
        for (let n = 0; n < 500; n++) {
          const next = aLittleBefore(dueAfter(at, rule.every, calendar).deadline, new Date(at.getTime() + hourMs));
          if (next.getTime() > until) break;
          events.push({ personId, type: match.type, occurredAt: next, data: 'bedroomSeen' in data ? { ...data, bedroomSeen: visits++ % 2 === 0 } : data, recordedBy });
          at = next;
        }
      }
    }
    if (events.length === 0) return;
    await s.people.importEvents(cliContext(), events);
  }
}

/**
 * A reassessment the standards asked for, signed off with what the CIN census needs of it (issue
 * 10): the child's primary need and factors as their last assessment found them, or the need
 * as the front door saw it for a first assessment.
 */
async function assessedAsBefore(s: Services, personId: string): Promise<{ primaryNeed: string; factors: string[] }> {
  const stream = await s.people.streamOf(personId);
  const last = stream.filter((e) => e.type === 'assessment.completed' && typeof e.data.primaryNeed === 'string').at(-1);
  if (last) return { primaryNeed: String(last.data.primaryNeed), factors: Array.isArray(last.data.factors) ? last.data.factors.map(String) : ['none'] };
  // A first assessment confirms the need the Duty Manager chose at the front door.
  const decided = stream.filter((e) => e.type === 'threshold.decided' && typeof e.data.primaryNeed === 'string').at(-1);
  return { primaryNeed: decided ? String(decided.data.primaryNeed) : 'abuse_or_neglect', factors: ['neglect'] };
}

/**
 * A time in office hours shortly before a deadline: 10am the day before it, or half way from the
 * earliest it may be if that is later (a deadline hours away).
 */
function aLittleBefore(deadline: Date, notBefore: Date): Date {
  const dayBefore = londonStartOfDay(addDays(londonDate(deadline), -1));
  const tenAm = new Date(dayBefore.getTime() + 10 * hourMs);
  if (tenAm.getTime() >= notBefore.getTime() && tenAm.getTime() < deadline.getTime()) return tenAm;
  return new Date(notBefore.getTime() + Math.max(0, deadline.getTime() - notBefore.getTime()) / 2);
}

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
  for (let round = 0; round < 4; round++) {
    const events: Parameters<Services['people']['importEvents']>[1][number][] = [];
    for (const { personId, recordedBy } of people) {
      for (const obligation of await s.standards.asAt(personId, now)) {
        // Open and overdue, or missed: due before its episode ended, or before the meeting it prepares for.
        if (stateAt(obligation, now) !== 'overdue') continue;
        const rule = ruleById(obligation.ruleId);
        const match = rule?.satisfiedBy[0];
        if (!rule || !match || rule.satisfiedByRecording) continue;
        const data = Object.fromEntries(Object.entries(match.where ?? {}).map(([k, v]) => [k, firstValue(v)]));
        // A report before a meeting is done before the meeting; anything else after what started it.
        const earliest = rule.kind === 'before-event' ? 0 : obligation.startedAt.getTime() + hourMs;
        let at = new Date(Math.max(earliest, obligation.deadline.getTime() - 3 * hourMs));
        events.push({ personId, type: match.type, occurredAt: at, data, recordedBy });
        if (rule.kind !== 'recurring' || obligation.outcome !== 'open') continue;
        for (let n = 0; n < 500; n++) {
          const next = new Date(dueAfter(at, rule.every, calendar).deadline.getTime() - 3 * hourMs);
          if (next.getTime() > now.getTime() - 24 * hourMs) break;
          events.push({ personId, type: match.type, occurredAt: next, data, recordedBy });
          at = next;
        }
      }
    }
    if (events.length === 0) return;
    await s.people.importEvents(cliContext(), events);
  }
}

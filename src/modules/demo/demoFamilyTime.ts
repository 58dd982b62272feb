import { londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

type At = (daysAgo: number, hour?: number) => Date;

/** [family, days from now (negative: past), start, end, venue, level, reason, assessment, what the plan says] */
const sessions: [string, number, string, string, string, string, string, string, string][] = [
  ['Walker', -6, '16:00', '17:30', 'Primrose Hill family centre', 'supervised', 'safeguarding', '', 'Fortnightly family time with his mother, supervised, after school.'],
  ['Green', -1, '10:00', '11:30', 'Primrose Hill family centre', 'supervised', 'safeguarding', '', 'Monthly supervised family time with her mother until the adoption match.'],
  ['Walker', 2, '16:00', '17:30', 'Primrose Hill family centre', 'supervised', 'safeguarding', '', 'Fortnightly family time with his mother, supervised, after school.'],
  ['Jones', 3, '10:00', '12:00', 'Kingsford family centre', 'observed', 'assessment', 'Parenting assessment', 'Weekly family time with their mother, observed for the parenting assessment the court ordered.'],
  ['Lakatos', 5, '15:30', '17:00', 'Kingsford library', 'supported', 'safeguarding', '', 'Family time with her mother, supported, as rebuilding the relationship allows.'],
];

/**
 * The Family Time team's week (resource-service-policy.txt 2.2): Zara Ahmed's sessions for the coming
 * days (the Jones siblings together), Isla Green's session yesterday not yet recorded (overdue on the
 * diary), and Mason Walker's session last week recorded with observations.
 */
export async function demoFamilyTime(s: Services, as: (username: string) => RequestContext, children: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At): Promise<void> {
  const zara = as('zara.ahmed');
  for (const [family, inDays, startTime, endTime, venue, level, reason, assessment, planSays] of sessions) {
    for (const childId of children.get(family) ?? []) {
      setClock(at(Math.max(-inDays + 2, 1), 9));
      const view = await s.familyTime.view(zara, childId);
      const parents = view.family.filter((f) => f.relationship === 'Parent');
      if (parents.length === 0) continue;
      const date = londonDate(at(-inDays, 12));
      await s.familyTime.book(zara, childId, { workerId: zara.actor.userId, venue, date, startTime, endTime, attendees: parents.map((p) => p.personId), level, reason, assessment, planSays });
      if (family === 'Walker' && inDays < 0) {
        setClock(at(-inDays, 19));
        const held = (await s.familyTime.view(zara, childId)).sessions.find((x) => x.date === date)!;
        await s.familyTime.record(zara, childId, {
          sessionId: held.sessionId, attendance: 'all', concerns: 'no',
          observations: 'Tina arrived on time with photos from the family holiday. Mason was guarded for the first half hour, then relaxed; they played cards and talked about his football. He asked when he could next see his nan. Goodbye was calm.',
        });
      }
    }
  }

}

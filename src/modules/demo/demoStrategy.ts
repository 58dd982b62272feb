import { whenAt } from './demoWhen';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

/**
 * Sumaiya Begum's strategy discussion, on her open child in need case: two days ago her college
 * reported that she had been hit by her mother's partner; Tom Reilly decided on a strategy
 * discussion and triggered it, and Sam Patel made the police referral in the hour. The meeting has
 * not been held: it was due within 24 hours of the information (practice-standards.txt, Section 2:
 * Strategy Discussions 1-5), so it shows as overdue, and Tom can record it with the delay's reasons.
 */
export async function strategyUnderway(s: Services, manager: RequestContext, worker: RequestContext, childIds: readonly string[], setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date) {
  const [child] = childIds;
  if (!child) return;
  const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
  const information = at(2, 13);
  setClock(minutes(information, 30));
  await s.strategy.decide(manager, child, { information: "Sumaiya told her college tutor that her mother's new partner hit her with a belt last night; she has a mark on her arm and does not want to go home." }, whenAt(information));
  setClock(minutes(information, 45));
  await s.strategy.trigger(manager, child);
  setClock(minutes(information, 80));
  await s.strategy.policeReferral(worker, child, whenAt(minutes(information, 70)));
}

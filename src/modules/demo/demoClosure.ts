import { londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

/**
 * The Pearce children's case is closing: Marcus Bell decided eight days ago that Noah's child in
 * need plan can end, and triggered the Case Closure workflow on his record two days later; it has
 * not yet been copied to his sister Izzy, which was due the next working day (practice-standards.txt,
 * Section 2: Case closures and step-down 6 and 9). The closure page offers him the copy.
 */
export async function closureUnderway(s: Services, manager: RequestContext, childIds: readonly string[], setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date) {
  const [noah] = childIds;
  if (!noah) return;
  const on = (daysAgo: number, hour: number) => ({ occurredOn: londonDate(at(daysAgo, hour)), occurredTime: `${String(hour).padStart(2, '0')}:00` });
  setClock(at(8, 16));
  await s.recordWork.record(manager, noah, { type: 'closure.decided', ...on(8, 15), data: { outcome: 'close' }, summary: 'Child in need review: the plan has been met. Steven is managing well with support from the school; case to close.' });
  setClock(at(6, 11));
  await s.recordWork.record(manager, noah, { type: 'closure.workflow_started', ...on(6, 10), data: { outcome: 'close' }, summary: 'Case closure workflow triggered and allocated to Hannah Scott.' });
}

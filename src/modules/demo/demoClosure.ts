import { whenAt } from './demoWhen';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { cliContext } from '../../cli/cliContext';

/**
 * The Pearce children's case is closing: Marcus Bell decided eight days ago that Noah's child in
 * need plan can end, and triggered the Case Closure workflow on his record two days later; it has
 * not yet been copied to his sister Izzy, which was due the next working day (practice-standards.txt,
 * Section 2: Case closures and step-down 6 and 9). The closure page offers him the copy.
 */
export async function closureUnderway(s: Services, manager: RequestContext, childIds: readonly string[], setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date) {
  const [noah] = childIds;
  if (!noah) return;
  setClock(at(8, 16));
  await s.recordWork.record(manager, noah, { type: 'closure.decided', ...whenAt(at(8, 15)), data: { outcome: 'close' }, summary: 'Child in need review: the plan has been met. Steven is managing well with support from the school; case to close.' });
  setClock(at(6, 11));
  await s.recordWork.record(manager, noah, { type: 'closure.workflow_started', ...whenAt(at(6, 10)), data: { outcome: 'close' }, summary: 'Case closure workflow triggered and allocated to Hannah Scott.' });
}

/**
 * A closed case's letters (practice-standards.txt, Section 2: Case closures and step-down 10): sent
 * by post, the afternoon of the closure, to the parents and professionals recorded on each child's
 * record. The rest of the closure is in the family's journey (demoEvents.ts caseClosed).
 */
export async function closureLettersSent(s: Services, worker: RequestContext, childIds: readonly string[], closedDaysAgo: number, setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date) {
  setClock(at(closedDaysAgo, 16));
  for (const id of childIds) {
    const { recipients } = await s.closure.view(worker, await s.people.record(worker, id));
    if (recipients.length > 0) await s.closure.lettersSent(worker, id, { recipientIds: recipients.map((r) => r.personId), method: 'post' });
  }
}

/**
 * The Walsh family's early help has stalled: Beth Taylor confirmed limited change over six weeks
 * (no engagement with the plan) five days ago, and the Early Help Hub sent its decision to the
 * Duty Manager for review three days ago; the 48 hours have passed, so it waits, overdue, on the
 * front door's list for Priya Shah (practice-standards.txt, Appendix 2: Early Help Step Up Procedure).
 */
export async function hubReviewWaiting(s: Services, worker: RequestContext, childIds: readonly string[], setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date) {
  const [child] = childIds;
  if (!child) return;
  // Received from the Hub after the threshold decision, allocated, contacted and visited in time.
  const history = [
    ['early_help.received', 39, {}],
    ['early_help.allocated', 37, { leadProfessional: 'early_help' }],
    ['early_help.family_contacted', 36, {}],
    ['early_help.home_visited', 33, {}],
  ] as const;
  await s.people.importEvents(
    cliContext(),
    history.map(([type, daysAgo, data]) => ({ personId: child, type, occurredAt: at(daysAgo, 10), data: { ...data }, recordedBy: worker.actor })),
  );
  setClock(at(5, 16));
  await s.recordWork.record(worker, child, { type: 'early_help.limited_change_confirmed', ...whenAt(at(5, 15)), data: { concern: 'no_engagement' }, summary: 'Three missed appointments since the review; the routines plan has not been started.' });
  setClock(at(3, 12));
  await s.recordWork.record(worker, child, {
    type: 'early_help.hub_review_requested',
    ...whenAt(at(3, 11)),
    data: {},
    summary: 'Early Help Manager: no engagement for six weeks and school attendance down to 71%. Asks the Duty Manager whether this should step up to a Child and Family Assessment.',
  });
}

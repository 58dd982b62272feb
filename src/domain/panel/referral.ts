import { londonDate } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';
import { text, textOrNull } from '../records/eventData';
import { missingSections, referralContentOf, totalPenceOf, type ReferralContent, type ReferralSection } from './referralContent';

export * from './referralContent';
export { mustComeToPanel, returnRuleIds, type PanelFacts, type MustComeReason, type OpenReturn } from './mustComeToPanel';

/**
 * Referrals to the Resource and Care Panel read from a child's record (resource-and-care-panel-
 * policy.txt I.9-I.13, Appendix A Part A): each written and changed as new events, signed by the
 * worker, the team manager and the service manager in that order, "ready to proceed" with the
 * service manager's sign-off (I.13), which sends it to the panel administrator. Pure: no I/O.
 */
export type ReferralStatus = 'draft' | 'signed_by_worker' | 'signed_by_team_manager' | 'ready' | 'withdrawn' | 'decided';
export type SignAs = 'worker' | 'team_manager' | 'service_manager';
export const signOrder: readonly SignAs[] = ['worker', 'team_manager', 'service_manager'];
export const signLabels: Record<SignAs, string> = { worker: 'Worker', team_manager: 'Team manager', service_manager: 'Service manager' };

export interface ReferralSignature {
  as: SignAs;
  name: string;
  byId: string | null;
  at: Date;
}

export interface Referral {
  referralId: string;
  panelDate: string;
  status: ReferralStatus;
  content: ReferralContent;
  missing: ReferralSection[];
  signatures: ReferralSignature[];
  /** When the service manager's sign-off sent it to the panel administrator (I.9). */
  submittedAt: Date | null;
  weeklyPence: number | null;
  totalPence: number | null;
  periodWeeks: number | null;
  criterion: string;
  ask: string;
  madeAt: Date;
  madeBy: string | null;
  /** When the content last changed, and by whom: the form's "Date". */
  changedAt: Date;
  changedByName: string | null;
  versions: number;
  /** Signatures a change cleared, with when (a change after signing must be signed again). */
  cleared: { at: Date; signatures: ReferralSignature[] }[];
  withdrawn: { at: Date; reason: string; byName: string | null } | null;
  /** The panel's closing decision (approved, alternative approved, declined): the referral is then closed. */
  decided: { at: Date; decision: string; eventId: string } | null;
  /** The panel's latest decision when it deferred the request (I.19 c): the referral stays open and comes back. */
  deferred: { at: Date; eventId: string; deferredTo: string | null; reason: string } | null;
  /** The last day it may be sent, three working days before the panel (I.9), when a deadline was given. */
  deadline: string | null;
  /** Sent after the deadline, or (not yet sent) the deadline has passed. */
  late: boolean;
}

/** The decisions that close a referral (I.19 a, b, d); a deferral (I.19 c) leaves it open for the further information asked for. */
export const closingDecisions: readonly string[] = ['approved', 'alternative_approved', 'declined'];

/** Whether two versions of a referral differ only in the panel date (the meeting moved or was cancelled): the signatures then stand. */
export function onlyPanelDateMoved(before: ReferralContent, after: ReferralContent): boolean {
  return before.panelDate !== after.panelDate && JSON.stringify({ ...before, panelDate: '' }) === JSON.stringify({ ...after, panelDate: '' });
}

/** The status an open referral has from its signatures and whether it has been sent. */
function openStatus(r: Referral): ReferralStatus {
  if (r.submittedAt) return 'ready';
  const last = r.signatures.at(-1)?.as;
  return last === 'team_manager' || last === 'service_manager' ? 'signed_by_team_manager' : last === 'worker' ? 'signed_by_worker' : 'draft';
}

/**
 * Every referral on the record, oldest first. `deadlineOf` gives the last day a referral for a
 * panel date may be sent (the catalogue's panel.referral-deadline, in force that day); `today`
 * marks unsent referrals late once that day has passed.
 */
export function referralsOf(stream: readonly WorkflowEvent[], options: { deadlineOf?: (panelDate: string) => string; today?: string } = {}): Referral[] {
  const byId = new Map<string, Referral>();
  for (const e of chronological(stream)) {
    const id = text(e.data.referralId);
    if (!id) continue;
    if (e.type === 'panel.referral_made' && !byId.has(id)) {
      const content = referralContentOf(e.data);
      byId.set(id, { referralId: id, panelDate: content.panelDate, status: 'draft', content, missing: [], signatures: [], submittedAt: null, weeklyPence: null, totalPence: null, periodWeeks: null, criterion: '', ask: '', madeAt: e.occurredAt, madeBy: e.recordedByName, changedAt: e.occurredAt, changedByName: e.recordedByName, versions: 1, cleared: [], withdrawn: null, decided: null, deferred: null, deadline: null, late: false });
      continue;
    }
    const r = byId.get(id);
    if (!r || r.status === 'withdrawn') continue;
    switch (e.type) {
      case 'panel.referral_changed': {
        if (r.status === 'decided') break;
        const content = referralContentOf(e.data);
        const moved = onlyPanelDateMoved(r.content, content);
        r.content = content;
        r.panelDate = content.panelDate;
        r.changedAt = e.occurredAt;
        r.changedByName = e.recordedByName;
        r.versions += 1;
        // Only the panel date moved (the meeting was cancelled or moved): what was signed still goes to panel.
        if (moved) break;
        // A change after signing is signed again: what was signed is no longer what goes to panel.
        if (r.signatures.length > 0) r.cleared.push({ at: e.occurredAt, signatures: r.signatures });
        r.signatures = [];
        r.submittedAt = null;
        r.status = 'draft';
        break;
      }
      case 'panel.referral_signed': {
        const as = e.data.as as SignAs;
        if (!signOrder.includes(as) || r.signatures.some((s) => s.as === as)) break;
        r.signatures.push({ as, name: text(e.data.name) || (e.recordedByName ?? ''), byId: e.recordedBy ?? null, at: e.occurredAt });
        if (r.status !== 'decided') r.status = as === 'worker' ? 'signed_by_worker' : as === 'team_manager' ? 'signed_by_team_manager' : r.status;
        break;
      }
      case 'panel.referral_submitted':
        r.submittedAt = e.occurredAt;
        if (r.status !== 'decided') r.status = 'ready';
        break;
      case 'panel.referral_withdrawn':
        if (r.status === 'decided') break;
        r.status = 'withdrawn';
        r.withdrawn = { at: e.occurredAt, reason: text(e.data.reason), byName: e.recordedByName };
        break;
      case 'panel.decision_made': {
        // The latest decision stands (a correction replaces the one before it).
        const decision = text(e.data.decision);
        if (closingDecisions.includes(decision)) {
          r.status = 'decided';
          r.decided = { at: e.occurredAt, decision, eventId: e.id };
          r.deferred = null;
          break;
        }
        r.decided = null;
        r.status = openStatus(r);
        if (decision !== 'deferred') break;
        // I.19 c: deferred to another panel date for further information: it comes back on that date.
        const to = textOrNull(e.data.deferredTo);
        r.deferred = { at: e.occurredAt, eventId: e.id, deferredTo: to && /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : null, reason: text(e.data.deferredReason) };
        if (r.deferred.deferredTo && r.deferred.deferredTo > r.panelDate) {
          r.panelDate = r.deferred.deferredTo;
          r.content = { ...r.content, panelDate: r.deferred.deferredTo };
        }
        break;
      }
    }
  }
  return [...byId.values()].map((r) => {
    const c = r.content;
    const deadline = options.deadlineOf && c.panelDate ? options.deadlineOf(c.panelDate) : null;
    const late = deadline !== null && (r.submittedAt ? londonDate(r.submittedAt) > deadline : r.status !== 'withdrawn' && r.status !== 'decided' && options.today !== undefined && options.today > deadline);
    return { ...r, missing: missingSections(c), weeklyPence: c.weeklyPence, periodWeeks: c.periodWeeks, totalPence: totalPenceOf(c.weeklyPence, c.periodWeeks), criterion: c.criterion, ask: c.ask, deadline, late };
  });
}

/** The next signature a referral needs, or null when it has all three. */
export function nextSignature(r: Referral): SignAs | null {
  return signOrder.find((as) => !r.signatures.some((s) => s.as === as)) ?? null;
}

/**
 * Why this person may not sign the referral as `as`, or null if they may (I.13; Appendix A
 * "Referral Completed and Authorised by"): in order worker, team manager, service manager, each
 * once, no one twice; the service manager only when every required section is complete.
 */
export function signRefusal(r: Referral, as: SignAs, signerId: string): { field: string; message: string } | null {
  if (r.status === 'withdrawn') return { field: 'as', message: 'This referral has been withdrawn' };
  if (r.status === 'decided') return { field: 'as', message: 'The panel has already decided on this referral' };
  if (r.signatures.some((s) => s.as === as)) return { field: 'as', message: `The referral is already signed by the ${signLabels[as].toLowerCase()}` };
  const next = nextSignature(r);
  if (next !== as) return { field: 'as', message: `The referral is signed in order: worker, team manager, service manager. It needs the ${signLabels[next ?? 'worker'].toLowerCase()}'s signature first` };
  if (r.signatures.some((s) => s.byId === signerId)) return { field: 'as', message: 'You have already signed this referral: the worker, team manager and service manager are three different people' };
  if (as === 'service_manager' && r.missing.length > 0) return { field: 'as', message: `The referral is not complete: ${r.missing.length === 1 ? 'one section is' : `${r.missing.length} sections are`} empty. It can be signed off as ready to proceed only when every section is complete` };
  return null;
}

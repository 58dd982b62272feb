import { addDays } from '../calendar/localDate';
import type { PanelDecision } from './decisions';
import type { Meeting } from './meeting';
import type { Referral } from './referral';

/**
 * A meeting's agenda (resource-and-care-panel-policy.txt I.9, I.13, I.16, I.19 c, 1.20): the
 * referrals sent for that panel date, each marked ready, late (sent after the deadline three
 * working days before), not signed off or withdrawn, and the cases due back (a return to panel
 * or a deferred request due on or before the date), with what was presented and decided.
 */
export type ItemStatus = 'ready' | 'late' | 'not_signed' | 'withdrawn' | 'due' | 'overdue';

export const itemStatusText: Record<ItemStatus, string> = {
  ready: 'Ready',
  late: 'Late',
  not_signed: 'Not signed off',
  withdrawn: 'Withdrawn',
  due: 'Due back',
  overdue: 'Overdue return',
};

export interface ReturnDue {
  personId: string;
  ruleId: string;
  dueDate: string;
  startEventId: string;
  /** The decision that set the return (or deferral), when it is known. */
  decision: PanelDecision | null;
}

export interface Presentation {
  personId: string;
  eventId: string;
  meetingId: string;
  itemKey: string;
  kind: 'referral' | 'return';
  referralId: string | null;
  reason: string;
}

export interface AgendaItem {
  itemKey: string;
  personId: string;
  kind: 'referral' | 'return';
  status: ItemStatus;
  referralId: string | null;
  referral: Referral | null;
  /** Why it comes: the referral's criterion, or 'review' for a case due back (1.20). */
  reason: string;
  dueDate: string | null;
  presented: boolean;
  decisions: PanelDecision[];
  steps: string[];
}

export interface AgendaInput {
  meeting: Meeting;
  today: string;
  referrals: readonly { personId: string; referral: Referral }[];
  returns: readonly ReturnDue[];
  presentations: readonly Presentation[];
  /** The decisions that stand, made at this meeting. */
  decisions: readonly PanelDecision[];
}

export function referralStatus(r: Referral): ItemStatus {
  if (r.status === 'withdrawn') return 'withdrawn';
  if (!r.submittedAt) return 'not_signed';
  return r.late ? 'late' : 'ready';
}

export function agendaOf(input: AgendaInput): AgendaItem[] {
  const { meeting } = input;
  const items = new Map<string, AgendaItem>();
  const referralById = new Map(input.referrals.map((r) => [r.referral.referralId, r]));
  const mine = input.presentations.filter((p) => p.meetingId === meeting.meetingId);
  const base = (itemKey: string, personId: string, kind: AgendaItem['kind'], status: ItemStatus, referral: Referral | null, reason: string, dueDate: string | null): AgendaItem => ({
    itemKey,
    personId,
    kind,
    status,
    referralId: referral?.referralId ?? null,
    referral,
    reason,
    dueDate,
    presented: mine.some((p) => p.itemKey === itemKey),
    decisions: input.decisions.filter((d) => d.itemKey === itemKey && d.meetingId === meeting.meetingId),
    steps: [...(meeting.steps.get(itemKey) ?? [])],
  });

  for (const { personId, referral } of input.referrals) {
    if (referral.panelDate !== meeting.date) continue;
    items.set(referral.referralId, base(referral.referralId, personId, 'referral', referralStatus(referral), referral, referral.criterion, meeting.date));
  }
  // Cases due back come to each coming meeting on or after their date until presented (1.20, I.19 c),
  // and stay on a meeting held this past week, so its presentations and decisions can still be recorded.
  if (meeting.date >= addDays(input.today, -6) && !meeting.cancelled) {
    for (const r of input.returns) {
      if (r.dueDate > meeting.date) continue;
      // A deferred referral back for this date is on the agenda as itself: not twice.
      if (r.decision?.referralId && items.has(r.decision.referralId)) continue;
      const key = `return:${r.startEventId}`;
      const referral = r.decision?.referralId ? (referralById.get(r.decision.referralId)?.referral ?? null) : null;
      items.set(key, base(key, r.personId, 'return', r.dueDate < input.today ? 'overdue' : 'due', referral, 'review', r.dueDate));
    }
  }
  // What was presented here stays on the agenda after its obligation is met.
  for (const p of mine) {
    if (items.has(p.itemKey)) continue;
    const referral = p.referralId ? (referralById.get(p.referralId)?.referral ?? null) : null;
    items.set(p.itemKey, base(p.itemKey, p.personId, p.kind, p.kind === 'return' ? 'due' : referral ? referralStatus(referral) : 'ready', referral, p.reason, null));
  }
  const order = (i: AgendaItem) => (i.kind === 'return' ? 0 : 1);
  return [...items.values()].sort((a, b) => order(a) - order(b) || (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
}

/** The decisions the chair may make on an item (Appendix A: "referrals that are submitted late, incomplete, or unsigned may be rejected and deferred by the panel chair"). */
export function decisionsAllowed(item: AgendaItem): string[] {
  if (item.status === 'withdrawn') return [];
  if (item.status === 'not_signed') return ['deferred', 'declined'];
  return ['approved', 'alternative_approved', 'deferred', 'declined'];
}

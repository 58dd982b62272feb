/**
 * The panel's decisions as the children's records hold them (resource-and-care-panel-policy.txt
 * I.18-I.20, Appendix A Part B): each `panel.decision_made` carries its meeting, so a meeting's
 * action log and the finance log are read from the children's records, never kept twice. A
 * decision is never changed: a correction is a new decision that `corrects` the old one, with a
 * reason, and takes its place.
 */
export interface DecisionEvent {
  id: string;
  personId: string;
  type: string;
  occurredAt: Date;
  recordedByName: string | null;
  data: Record<string, unknown>;
}

export interface PanelDecision {
  eventId: string;
  personId: string;
  meetingId: string;
  referralId: string | null;
  itemKey: string;
  decision: string;
  decisions: string[];
  rationale: string;
  resource: string;
  budget: string | null;
  weeklyPence: number | null;
  totalPence: number | null;
  deferredTo: string | null;
  deferredReason: string | null;
  returnDate: string | null;
  returnFrequency: string | null;
  chairName: string;
  worker: string | null;
  team: string | null;
  at: Date;
  corrects: string | null;
  correctionReason: string | null;
  /** The later decision that corrected this one, if any. */
  correctedBy: string | null;
}

/** I.19 a)-d): the outcomes the decision sheet ticks. */
export const decisionLabels: Record<string, string> = {
  approved: 'Resource approved',
  alternative_approved: 'Alternate resource approved',
  deferred: 'Deferred',
  declined: 'Resource declined',
};

/** The budgets an approved expenditure is charged to (1.7 g: the finance officer's running log). */
export const budgets = [
  { value: 'social_care_placements', text: 'Social care placements' },
  { value: 'section_17', text: 'Section 17 (children in need)' },
  { value: 'leaving_care', text: 'Leaving care' },
  { value: 'joint_funded', text: 'Joint funded (health or education)' },
  { value: 'staying_together', text: 'Staying Together and edge of care' },
] as const;
export const budgetLabel = (value: string | null) => budgets.find((b) => b.value === value)?.text ?? value ?? '';

/** Money is approved by these outcomes (I.19 a-b, e). */
export const approvesMoney = (decision: string) => decision === 'approved' || decision === 'alternative_approved';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const maybe = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const money = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

export function decisionOf(e: DecisionEvent): PanelDecision {
  const d = e.data;
  return {
    eventId: e.id,
    personId: e.personId,
    meetingId: text(d.meetingId),
    referralId: maybe(d.referralId),
    itemKey: text(d.itemKey) || maybe(d.referralId) || e.personId,
    decision: text(d.decision),
    decisions: Array.isArray(d.decisions) ? d.decisions.filter((x): x is string => typeof x === 'string') : [],
    rationale: text(d.rationale),
    resource: text(d.resource),
    budget: maybe(d.budget),
    weeklyPence: money(d.weeklyPence),
    totalPence: money(d.totalPence),
    deferredTo: maybe(d.deferredTo),
    deferredReason: maybe(d.deferredReason),
    returnDate: maybe(d.returnDate),
    returnFrequency: maybe(d.returnFrequency),
    chairName: text(d.chairName) || (e.recordedByName ?? ''),
    worker: maybe(d.worker),
    team: maybe(d.team),
    at: e.occurredAt,
    corrects: maybe(d.corrects),
    correctionReason: maybe(d.correctionReason),
    correctedBy: null,
  };
}

/** Every decision in the order made, each marked with the decision that corrected it, if any. */
export function decisionsOf(events: readonly DecisionEvent[]): PanelDecision[] {
  const all = [...events].filter((e) => e.type === 'panel.decision_made').sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()).map(decisionOf);
  const byId = new Map(all.map((d) => [d.eventId, d]));
  for (const d of all) if (d.corrects && byId.has(d.corrects)) byId.get(d.corrects)!.correctedBy = d.eventId;
  return all;
}

/** The decisions that stand: not corrected by a later one. */
export const standing = (decisions: readonly PanelDecision[]) => decisions.filter((d) => d.correctedBy === null);

/** A line of the meeting's action log (I.18): the decision and its reasons in one sentence. */
export function actionLogLine(d: PanelDecision): string {
  const when = d.decision === 'deferred' && d.deferredTo ? ` to ${d.deferredTo}` : '';
  const back = d.returnDate ? `; return to panel by ${d.returnDate}` : d.returnFrequency ? `; return to panel ${d.returnFrequency}` : '';
  return `${decisionLabels[d.decision] ?? d.decision}${when}${back}. ${d.decisions.map((x, i) => `${i + 1}. ${x}`).join(' ')}`.trim();
}

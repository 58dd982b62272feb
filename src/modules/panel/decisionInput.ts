import { z } from 'zod';
import { panelDecisions } from '../../standards/resourceAndCarePanelPolicy';
import { approvesMoney, budgets, type PanelDecision } from '../../domain/panel/decisions';
import type { Problem } from '../../domain/people/personDetails';
import { ValidationError } from '../../platform/errors';
import { choiceValues, mergeProblems, optionalText, pence, problemsOf, readDateInput, requiredText } from '../../platform/validation';

/** Appendix A, Part B: "The panel agreed that: 1. ... 6." */
export const maxDecisions = 6;

const baseSchema = z.object({
  itemKey: z.string({ error: 'Select the agenda item' }).min(1, 'Select the agenda item'),
  decision: z.enum(panelDecisions, { error: 'Select the panel’s decision' }),
  rationale: requiredText('Enter the rationale for the recommendations and decisions made', 4000, 'The rationale'),
  returnFrequency: optionalText(100, 'How often it returns to panel'),
  corrects: optionalText(60, 'The decision corrected'),
  correctionReason: optionalText(2000, 'Why the decision is corrected'),
});
const moneySchema = z.object({
  resource: requiredText('Enter the resource approved', 500, 'The resource'),
  budget: z.enum(choiceValues(budgets), { error: 'Select the budget the expenditure is charged to' }),
  weekly: pence('the weekly cost'),
  total: pence('the total cost for the period'),
});
const deferSchema = z.object({ deferredReason: requiredText('Enter why the request is deferred, like the further assessment or agreement needed', 2000, 'Why it is deferred') });

/** What the decision form gives: the decision as the child's record keeps it, and whether it corrects an earlier one. */
export type DecisionInput = Pick<PanelDecision, 'itemKey' | 'decisions' | 'rationale' | 'resource' | 'budget' | 'weeklyPence' | 'totalPence' | 'deferredTo' | 'deferredReason' | 'returnDate' | 'returnFrequency'> & {
  decision: (typeof panelDecisions)[number];
  corrects: string | null;
  correctionReason: string | null;
};

/**
 * The chair's decision sheet read from a form or the API (I.19, 1.20, Appendix A Part B): the
 * outcome, one to six numbered decisions, the rationale; for money approved, the resource, the
 * budget and the weekly and total cost (the total for at most a year); for a deferral, the panel
 * date and why; a return to panel on a date after the meeting or at a frequency.
 */
export function decisionInput(body: Record<string, unknown>, meetingDate: string): DecisionInput {
  const base = baseSchema.safeParse(body);
  const problems: Problem[] = base.success ? [] : problemsOf(base.error);
  const decision = base.success ? base.data.decision : typeof body.decision === 'string' ? body.decision : '';
  const decisions: string[] = [];
  for (let i = 1; i <= maxDecisions; i++) {
    const typed = String(body[`decision${i}`] ?? '').trim();
    if (typed.length > 1000) problems.push({ field: `decision${i}`, message: `Decision ${i} must be 1000 characters or fewer` });
    else if (typed) decisions.push(typed);
  }
  if (decisions.length === 0) problems.push({ field: 'decision1', message: 'Enter at least one decision the panel agreed' });

  let money: z.infer<typeof moneySchema> | null = null;
  if (approvesMoney(decision)) {
    const parsed = moneySchema.safeParse(body);
    if (!parsed.success) problems.push(...problemsOf(parsed.error));
    else if (parsed.data.total < parsed.data.weekly) problems.push({ field: 'total', message: 'The total cost for the period must be at least the weekly cost' });
    else if (parsed.data.total > parsed.data.weekly * 52) problems.push({ field: 'total', message: 'The total cost is for the period up to a year: it cannot be more than 52 weeks at the weekly cost' });
    else money = parsed.data;
  }
  let deferredTo: string | null = null;
  let deferredReason: string | null = null;
  if (decision === 'deferred') {
    const date = readDateInput(body, 'deferredTo', 'The panel date it is deferred to', true);
    if (date.problem) problems.push(date.problem);
    else if (date.value! <= meetingDate) problems.push({ field: 'deferredTo-day', message: 'The panel date it is deferred to must be after this meeting' });
    deferredTo = date.value;
    const reason = deferSchema.safeParse(body);
    if (!reason.success) problems.push(...problemsOf(reason.error));
    else deferredReason = reason.data.deferredReason;
  }
  const ret = readDateInput(body, 'returnDate', 'The date to return to panel', false);
  if (ret.problem) problems.push(ret.problem);
  else if (ret.value && ret.value <= meetingDate) problems.push({ field: 'returnDate-day', message: 'The date to return to panel must be after this meeting' });
  const frequency = base.success ? base.data.returnFrequency : null;
  if ((ret.value || frequency) && !approvesMoney(decision)) problems.push({ field: 'returnDate-day', message: 'A return to panel is set when funding is approved (1.20)' });
  if (base.success && base.data.corrects && !base.data.correctionReason) problems.push({ field: 'correctionReason', message: 'Enter why the decision is corrected' });
  const merged = mergeProblems(problems);
  if (merged.length > 0 || !base.success) throw new ValidationError(merged);
  return {
    itemKey: base.data.itemKey,
    decision: base.data.decision,
    decisions,
    rationale: base.data.rationale,
    resource: money?.resource ?? '',
    budget: money?.budget ?? null,
    weeklyPence: money?.weekly ?? null,
    totalPence: money?.total ?? null,
    deferredTo,
    deferredReason,
    returnDate: ret.value,
    returnFrequency: frequency,
    corrects: base.data.corrects,
    correctionReason: base.data.correctionReason,
  };
}

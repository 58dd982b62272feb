import { addDays, addMonths, londonDate } from '../calendar/localDate';
import { inCareOf } from '../inCare/inCareState';
import { carePackagesOf, dayText, isLive, poundsText } from '../placements/carePackages';
import { chronological, type WorkflowEvent } from '../records/events';

/** What Hearth knows beside the record's events. */
export interface PanelFacts {
  dateOfBirth: string | null;
  /** The day of the last panel meeting before today (the panel meets weekly, 1.5), if known. */
  lastPanelDate?: string | null;
  /** The ids of the child's open obligations (panel.newly-looked-after, panel.leaving-care-placement...). */
  openRuleIds?: readonly string[];
  /**
   * The child's OPEN returns to panel (obligations of panel.return-to-panel,
   * panel.return-to-panel-extended, panel.deferred-request), with their due dates: the standards
   * engine already follows the chair's extensions and corrections and closes each once presented.
   */
  openReturns?: readonly OpenReturn[];
}

export interface OpenReturn {
  ruleId: string;
  dueDate: string | null;
  startedAt: Date;
}

/** The rules that bring a case back to panel (1.20, I.19 c). */
export const returnRuleIds = ['panel.return-to-panel', 'panel.return-to-panel-extended', 'panel.deferred-request'] as const;

export interface MustComeReason {
  /** One of `panelReasons`. */
  criterion: string;
  paragraph: string;
  text: string;
  /** The date it arose (London). */
  since: string;
  /** When it must be at panel by, when the policy or the panel says. */
  dueBy: string | null;
}

/** Above this weekly cost a package or request comes to panel (1.1 e, 1.4 i: "in excess of £1000"). */
export const panelThresholdPence = 100_000;
/** Legal statuses whose continued placement needs the panel's agreement (1.1 b): police protection, an EPO, section 20. */
const emergencyStarts = new Set(['L1', 'L2', 'V2']);
const statusText: Record<string, string> = { L1: 'police protection', L2: 'an emergency protection order', V2: 'section 20' };

/**
 * Why the case must come to the Resource and Care Panel, as far as the record shows
 * (resource-and-care-panel-policy.txt 1.1, 1.4, I.9: "Any child or young person who meets the
 * criteria listed above must be referred"), each citing its paragraph. Pure: no I/O.
 */
export function mustComeToPanel(stream: readonly WorkflowEvent[], facts: PanelFacts, today: string): MustComeReason[] {
  const events = chronological(stream);
  const considered = events.filter((e) => e.type === 'panel.considered');
  const consideredSince = (at: Date, reason?: string) => considered.some((e) => e.occurredAt >= at && (!reason || e.data.reason === reason || e.data.reason === undefined));
  const open = new Set(facts.openRuleIds ?? []);
  const reasons: MustComeReason[] = [];
  const care = inCareOf(stream);

  if (care.inCare && care.startedAt) {
    const started = londonDate(care.startedAt);
    // 1.1 c: "A child becomes looked after in the week since the last panel".
    const sinceLast = facts.lastPanelDate ? started > facts.lastPanelDate : false;
    if (!consideredSince(care.startedAt) && (sinceLast || open.has('panel.newly-looked-after'))) {
      reasons.push({ criterion: 'newly_looked_after', paragraph: '1.1 c)', text: `Became looked after on ${dayText(started)}${sinceLast ? ', since the last panel' : ''}: discussed at the next weekly panel so that a return home is explored at the earliest opportunity`, since: started, dueBy: null });
    }
    // 1.1 b: a continued placement after an EPO, police protection or a section 20 start. The question
    // arises as the emergency ends, so Hearth asks it in the first three months of the period (older
    // periods may predate the panel's records), and any presentation since the start answers it.
    const first = care.statuses[0]?.status ?? '';
    if (emergencyStarts.has(first) && started >= addDays(today, -91) && !consideredSince(care.startedAt)) {
      reasons.push({ criterion: 'continued_placement', paragraph: '1.1 b)', text: `Looked after from ${dayText(started)} under ${statusText[first]}: the continued placement needs the panel's agreement`, since: started, dueBy: null });
    }
  }

  // 1.1 e and 1.4 i: a single package or request over £1,000, not yet presented.
  for (const p of carePackagesOf(stream)) {
    if (p.weeklyPence <= panelThresholdPence || !isLive(p, today) || consideredSince(p.agreed.at)) continue;
    reasons.push({ criterion: 'support_package', paragraph: '1.1 e), 1.4 i)', text: `A care package with ${p.providerName || 'a provider'} of ${poundsText(p.weeklyPence)} a week (over £1,000) has not been presented to panel`, since: londonDate(p.agreed.at), dueBy: null });
  }

  // 1.4 g: the last review before 18 plans an external placement after 18.
  const review = events.filter((e) => e.type === 'cic.review_held' && e.data.lastBeforeEighteen === true && e.data.externalPlacementAfterEighteen === true).at(-1);
  const eighteen = facts.dateOfBirth ? addMonths(facts.dateOfBirth, 18 * 12) : null;
  if ((review && eighteen && today < eighteen && !consideredSince(review.occurredAt, 'leaving_care_placement')) || (!review && open.has('panel.leaving-care-placement'))) {
    reasons.push({ criterion: 'leaving_care_placement', paragraph: '1.4 g)', text: "The last looked after review before the 18th birthday plans an external placement after 18: the request MUST be presented after that review and before the birthday", since: review ? londonDate(review.occurredAt) : today, dueBy: eighteen });
  }

  // 1.1 f, 1.20 and I.19 c: the panel asked to see the case again (a return date, the chair's
  // extension of it, or a deferral to a named panel), each return still open, overdue once past due.
  for (const o of facts.openReturns ?? []) {
    if (!(returnRuleIds as readonly string[]).includes(o.ruleId)) continue;
    const deferred = o.ruleId === 'panel.deferred-request';
    const extended = o.ruleId === 'panel.return-to-panel-extended';
    const lead = deferred ? 'The panel deferred the request to' : extended ? 'The chair extended the return to panel to' : 'The panel asked to see the case again by';
    const overdue = o.dueDate !== null && o.dueDate < today ? ': overdue. Funding for the resource may end if it is not brought back (1.20)' : '';
    reasons.push({ criterion: 'panel_request', paragraph: deferred ? '1.1 f), I.19 c)' : '1.1 f), 1.20', text: `${lead} ${o.dueDate ? dayText(o.dueDate) : 'a date to be set'}${overdue}`, since: londonDate(o.startedAt), dueBy: o.dueDate });
  }
  return reasons;
}

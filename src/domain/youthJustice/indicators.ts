import { addMonths, londonDate } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';
import { custodialOrders, formalDisposals, yosEvent, youthJusticeLabels, type Disposal, type Order } from './youthJusticeCodes';

/**
 * The Youth Offending Service's three key performance indicators (practice-standards.txt, Section 1:
 * Youth Offending Service, the preamble: "reduction of First Time Entrants, reduction of offending
 * and re-offending, and reduction in custodial sentences"), for a calendar year, from the children's
 * own events. Pure: the children's `yos.*` events in, the figures and the children behind them out.
 *
 * - First-time entrants: children whose first caution, conditional caution or conviction (a
 *   sentence) fell in the year: a community resolution or an Outcome 22 does not make a child a
 *   first-time entrant, and a referral that says the child had one before (elsewhere) rules them out.
 * - Re-offending: of the children with a caution, conditional caution or sentence in the year (the
 *   cohort; the first in the year is each child's index), how many committed a proven re-offence
 *   (recorded as `yos.reoffended`, dated when it was committed) after it and within 12 months of it,
 *   and how many re-offences that was. Until 12 months after the year's end the figures are provisional.
 * - Custody: custodial sentences (Detention and Training Orders) passed in the year, and on whom.
 */

export interface ChildEvents {
  personId: string;
  events: readonly WorkflowEvent[];
}

interface Outcome {
  at: Date;
  on: string;
  what: string;
  custodial: boolean;
}

export interface IndicatorChild {
  personId: string;
  on: string;
  what: string;
}

export interface Indicators {
  year: number;
  from: string;
  to: string;
  firstTimeEntrants: { count: number; children: IndicatorChild[] };
  reoffending: {
    cohort: number;
    reoffenders: number;
    /** Re-offenders as a percentage of the cohort, to one decimal place; null for an empty cohort. */
    rate: number | null;
    reoffences: number;
    /** The last day a re-offence by the cohort can count: 12 months after the year's end. */
    followUpEnds: string;
    complete: boolean;
    children: (IndicatorChild & { reoffendedOn: string | null; reoffences: number })[];
  };
  custody: { count: number; children: IndicatorChild[] };
}

/** Cautions, conditional cautions and sentences, in the order they happened. */
function formalOutcomes(events: readonly WorkflowEvent[]): Outcome[] {
  const found: Outcome[] = [];
  for (const e of chronological(events)) {
    if (e.type === yosEvent.disposal && formalDisposals.includes(e.data.disposal as Disposal)) {
      found.push({ at: e.occurredAt, on: londonDate(e.occurredAt), what: youthJusticeLabels.disposal[String(e.data.disposal)] ?? String(e.data.disposal), custodial: false });
    } else if (e.type === yosEvent.sentenced) {
      const order = e.data.order as Order;
      found.push({ at: e.occurredAt, on: londonDate(e.occurredAt), what: youthJusticeLabels.order[order] ?? String(order), custodial: custodialOrders.includes(order) });
    }
  }
  return found;
}

const inYear = (on: string, year: number) => on.startsWith(`${year}-`);
const byDate = (a: IndicatorChild, b: IndicatorChild) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.personId.localeCompare(b.personId));

export function youthJusticeIndicators(children: readonly ChildEvents[], year: number, today: string): Indicators {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const followUpEnds = addMonths(to, 12);
  const fte: IndicatorChild[] = [];
  const cohort: Indicators['reoffending']['children'] = [];
  const custody: IndicatorChild[] = [];

  for (const child of children) {
    const outcomes = formalOutcomes(child.events);
    const first = outcomes[0];
    if (first && inYear(first.on, year)) {
      // A referral on or before the first outcome that says the child had a caution or conviction elsewhere.
      const before = child.events.some((e) => e.type === yosEvent.referred && e.data.previousDisposal === true && e.occurredAt.getTime() <= first.at.getTime());
      if (!before) fte.push({ personId: child.personId, on: first.on, what: first.what });
    }
    const index = outcomes.find((o) => inYear(o.on, year));
    if (index) {
      const until = addMonths(index.on, 12);
      const reoffences = chronological(child.events.filter((e) => e.type === yosEvent.reoffended && e.occurredAt.getTime() > index.at.getTime() && londonDate(e.occurredAt) <= until));
      cohort.push({ personId: child.personId, on: index.on, what: index.what, reoffendedOn: reoffences[0] ? londonDate(reoffences[0].occurredAt) : null, reoffences: reoffences.length });
    }
    for (const o of outcomes) if (o.custodial && inYear(o.on, year)) custody.push({ personId: child.personId, on: o.on, what: o.what });
  }

  const reoffenders = cohort.filter((c) => c.reoffences > 0).length;
  return {
    year,
    from,
    to,
    firstTimeEntrants: { count: fte.length, children: fte.sort(byDate) },
    reoffending: {
      cohort: cohort.length,
      reoffenders,
      rate: cohort.length === 0 ? null : Math.round((reoffenders / cohort.length) * 1000) / 10,
      reoffences: cohort.reduce((n, c) => n + c.reoffences, 0),
      followUpEnds,
      complete: today > followUpEnds,
      children: cohort.sort(byDate),
    },
    custody: { count: custody.length, children: custody.sort(byDate) },
  };
}

import { londonDate } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';
import { custodialOrders, formalDisposals, isYouthJusticeEvent, yosEvent, youthJusticeLabels, type Disposal, type Order, type Work } from './youthJusticeCodes';

/**
 * A child's work with the Youth Offending Service, read from their record (practice-standards.txt,
 * Section 1: Youth Offending Service 1-22; issue 12). Nothing is stored apart from the events.
 *
 * A case opens with a referral (out of court or court) and closes when it is closed to the service;
 * between, in the order the standards set: the case manager allocated, then the Youth Justice Board
 * approved assessment (AssetPlus, 1 and 11), the intervention plan made from it (2 and 12) and its
 * reviews (14); an out-of-court disposal, or a pre-sentence report (16) and a sentence; in custody on
 * a Detention and Training Order, contact (17), sentence planning (18) and its reviews (19),
 * resettlement planning (20), accommodation and education, training or employment before release
 * (21), and for a young person who turned 18 inside, the transfer to the National Probation Service
 * (22); then the intervention's end. Arrests (4) and re-offences are facts about the child whether
 * a case is open or not: the performance indicators read them.
 */

export interface Referral {
  at: Date;
  source: string;
  route: 'out_of_court' | 'court';
  offence: string | null;
  /** The child had a caution or conviction before, recorded elsewhere (another area's youth justice service): not a first-time entrant. */
  previousDisposal: boolean;
}

export interface Sentence {
  at: Date;
  order: Order;
  court: string | null;
  /** The expected release date of a custodial sentence, as last set. */
  releaseOn: string | null;
}

export interface Custody {
  since: Date;
  releaseOn: string | null;
  contactAt: Date | null;
  planningAt: Date | null;
  reviews: Date[];
  resettlementAt: Date | null;
  accommodation: { at: Date; detail: string } | null;
  ete: { at: Date; detail: string } | null;
  probationTransferAt: Date | null;
  released: { at: Date; turned18InCustody: boolean; notInPlaceReason: string | null } | null;
}

export interface YouthJusticeCase {
  startedAt: Date;
  referral: Referral | null;
  caseManager: { id: string; name: string; at: Date } | null;
  disposals: { at: Date; disposal: Disposal }[];
  reports: { at: Date; court: string | null }[];
  sentences: Sentence[];
  assessments: { at: Date; order: Work }[];
  plans: { at: Date; order: Work }[];
  reviews: Date[];
  custody: Custody | null;
  interventionEnded: { at: Date; reason: string } | null;
  closedAt: Date | null;
}

export interface YouthJustice {
  /** The latest case, open or closed; null if the child was never open to the service. */
  current: YouthJusticeCase | null;
  open: boolean;
  /** Every case, oldest first. */
  cases: YouthJusticeCase[];
  arrests: { at: Date; offence: string | null }[];
  reoffences: { at: Date; offence: string | null }[];
  /** Cautions, conditional cautions and convictions, oldest first, across every case (what a re-offence follows). */
  formalOutcomes: { at: Date; what: string }[];
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const dateText = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

function newCase(at: Date): YouthJusticeCase {
  return { startedAt: at, referral: null, caseManager: null, disposals: [], reports: [], sentences: [], assessments: [], plans: [], reviews: [], custody: null, interventionEnded: null, closedAt: null };
}

/** The child's youth justice work from their record's events (any order; only `yos.*` are read). */
export function youthJusticeOf(stream: readonly WorkflowEvent[]): YouthJustice {
  const y: YouthJustice = { current: null, open: false, cases: [], arrests: [], reoffences: [], formalOutcomes: [] };
  const openCase = (at: Date) => {
    const c = newCase(at);
    y.cases.push(c);
    y.current = c;
    y.open = true;
    return c;
  };
  for (const e of chronological(stream.filter((x) => isYouthJusticeEvent(x.type)))) {
    const d = e.data;
    const c = y.open ? y.current : null;
    switch (e.type) {
      case yosEvent.arrested:
        y.arrests.push({ at: e.occurredAt, offence: text(d.offence) });
        break;
      case yosEvent.reoffended:
        y.reoffences.push({ at: e.occurredAt, offence: text(d.offence) });
        break;
      case yosEvent.referred: {
        const k = c ?? openCase(e.occurredAt);
        k.referral = { at: e.occurredAt, source: String(d.source ?? 'other'), route: d.route === 'court' ? 'court' : 'out_of_court', offence: text(d.offence), previousDisposal: d.previousDisposal === true };
        break;
      }
      case yosEvent.sentenced: {
        // A sentence opens the case if nothing did (an import of a child's history may start there).
        const k = c ?? openCase(e.occurredAt);
        const sentence: Sentence = { at: e.occurredAt, order: d.order as Order, court: text(d.court), releaseOn: dateText(d.releaseOn) };
        k.sentences.push(sentence);
        y.formalOutcomes.push({ at: e.occurredAt, what: youthJusticeLabels.order[sentence.order] ?? String(d.order) });
        if (custodialOrders.includes(sentence.order)) {
          k.custody = { since: e.occurredAt, releaseOn: sentence.releaseOn, contactAt: null, planningAt: null, reviews: [], resettlementAt: null, accommodation: null, ete: null, probationTransferAt: null, released: null };
        }
        break;
      }
      case yosEvent.closed:
        if (c) {
          c.closedAt = e.occurredAt;
          y.open = false;
        }
        break;
      default:
        if (c) applyToCase(c, e, y);
    }
  }
  return y;
}

function applyToCase(c: YouthJusticeCase, e: WorkflowEvent, y: YouthJustice): void {
  const d = e.data;
  const custody = c.custody && !c.custody.released ? c.custody : null;
  switch (e.type) {
    case yosEvent.allocated:
      c.caseManager = { id: String(d.caseManagerId ?? ''), name: String(d.caseManagerName ?? 'Unknown'), at: e.occurredAt };
      break;
    case yosEvent.disposal: {
      const disposal = d.disposal as Disposal;
      c.disposals.push({ at: e.occurredAt, disposal });
      if (formalDisposals.includes(disposal)) y.formalOutcomes.push({ at: e.occurredAt, what: youthJusticeLabels.disposal[disposal] ?? disposal });
      break;
    }
    case yosEvent.preSentenceReport:
      c.reports.push({ at: e.occurredAt, court: text(d.court) });
      break;
    case yosEvent.assessed:
      c.assessments.push({ at: e.occurredAt, order: (d.order as Work) ?? 'out_of_court' });
      break;
    case yosEvent.planned:
      c.plans.push({ at: e.occurredAt, order: (d.order as Work) ?? 'out_of_court' });
      break;
    case yosEvent.reviewed:
      c.reviews.push(e.occurredAt);
      break;
    case yosEvent.interventionEnded:
      c.interventionEnded = { at: e.occurredAt, reason: String(d.reason ?? 'other') };
      break;
    default:
      if (custody) applyToCustody(custody, c, e);
  }
}

function applyToCustody(custody: Custody, c: YouthJusticeCase, e: WorkflowEvent): void {
  const d = e.data;
  switch (e.type) {
    case yosEvent.custodyContact:
      custody.contactAt ??= e.occurredAt;
      break;
    case yosEvent.sentencePlanning:
      custody.planningAt ??= e.occurredAt;
      break;
    case yosEvent.sentencePlanReview:
      custody.reviews.push(e.occurredAt);
      break;
    case yosEvent.resettlement:
      custody.resettlementAt ??= e.occurredAt;
      break;
    case yosEvent.accommodation:
      custody.accommodation = { at: e.occurredAt, detail: String(d.detail ?? '') };
      break;
    case yosEvent.ete:
      custody.ete = { at: e.occurredAt, detail: String(d.detail ?? '') };
      break;
    case yosEvent.releaseDateSet: {
      const on = dateText(d.releaseOn);
      if (on) {
        custody.releaseOn = on;
        const sentence = c.sentences.at(-1);
        if (sentence) sentence.releaseOn = on;
      }
      break;
    }
    case yosEvent.probationTransfer:
      custody.probationTransferAt ??= e.occurredAt;
      break;
    case yosEvent.released:
      custody.released = { at: e.occurredAt, turned18InCustody: d.turned18InCustody === true, notInPlaceReason: text(d.notInPlaceReason) };
      break;
  }
}

/** The work the case is for now: the latest sentence's order, or out of court. */
export function workOf(c: YouthJusticeCase): Work {
  return c.sentences.at(-1)?.order ?? 'out_of_court';
}

/** The work in words, for a message: "the out-of-court work", "the referral order". */
export function workText(work: Work): string {
  return work === 'out_of_court' ? 'out-of-court work' : (youthJusticeLabels.order[work]?.replace(/ \(custody\)$/, '').toLowerCase() ?? work);
}

/** In custody now: a Detention and Training Order not yet ended by release. */
export function inCustody(y: YouthJustice): Custody | null {
  const custody = y.open ? y.current?.custody : null;
  return custody && !custody.released ? custody : null;
}

/** The latest assessment or plan for this work. */
export function latestFor<T extends { order: Work }>(list: readonly T[], work: Work): T | null {
  return [...list].reverse().find((x) => x.order === work) ?? null;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 2 April 2026: a London date written out for a message. */
export function longDate(at: Date | string): string {
  const date = typeof at === 'string' ? at : londonDate(at);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${monthNames[month - 1]} ${year}`;
}

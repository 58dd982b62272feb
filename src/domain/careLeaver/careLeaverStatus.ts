import { addDays, ageOn, londonDate } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';
import { birthday } from '../standards/due';

/**
 * Care leaver statuses (practice-standards.txt, Section 3: Care Leavers, "Definition of a care
 * leaver"), with the words the page shows.
 */
export const careLeaverStatuses = {
  not_applicable: 'Not a care leaver',
  looked_after: 'Looked after, not yet an eligible child',
  eligible: 'Eligible child',
  relevant: 'Relevant child',
  former_relevant: 'Former relevant child',
  former_relevant_education: 'Former relevant child pursuing education',
  qualifying: 'Qualifying child',
  returning: 'Returned for support (up to 25)',
  support_ended: 'Support ended at 21: may return for support up to 25',
} as const;
export type CareLeaverStatus = keyof typeof careLeaverStatuses;

/** A stretch of care under one legal status, as London dates; short breaks (section 20, V3 and V4) do not count towards the 13 weeks. */
export interface CarePeriod {
  from: string;
  /** The day care ended, or null while it goes on. */
  to: string | null;
  shortBreaks: boolean;
  /** How a period of care ended, when it did. */
  endReason: string | null;
}

/** The stretches of care from the record, under each legal status, oldest first. */
export function carePeriodsOf(stream: readonly WorkflowEvent[]): CarePeriod[] {
  const periods: CarePeriod[] = [];
  for (const e of chronological(stream)) {
    const open = periods.at(-1);
    const date = londonDate(e.occurredAt);
    if (e.type === 'cic.started' || (e.type === 'cic.legal_status_changed' && open && open.to === null)) {
      if (open && open.to === null) open.to = date;
      periods.push({ from: date, to: null, shortBreaks: ['V3', 'V4'].includes(String(e.data.legalStatus)), endReason: null });
    } else if (e.type === 'cic.ended' && open && open.to === null) {
      open.to = date;
      open.endReason = typeof e.data.reason === 'string' ? e.data.reason : null;
    }
  }
  return periods;
}

/** What else decides a status: education or training after 21, and a return for support up to 25 (the facts recorded, and when). */
export interface CareLeaverFacts {
  inEducationSince: string | null;
  returnedForSupportOn: string | null;
}

export function careLeaverFactsOf(stream: readonly WorkflowEvent[]): CareLeaverFacts {
  let inEducationSince: string | null = null;
  let returnedForSupportOn: string | null = null;
  for (const e of chronological(stream)) {
    if (e.type === 'care_leaver.circumstances_updated' && typeof e.data.activity === 'string') {
      const learning = e.data.activity === 'education' || e.data.activity === 'training';
      inEducationSince = learning ? (inEducationSince ?? londonDate(e.occurredAt)) : null;
    } else if (e.type === 'care_leaver.returned_for_support') {
      returnedForSupportOn = londonDate(e.occurredAt);
    }
  }
  return { inEducationSince, returnedForSupportOn };
}

const daysBetween = (from: string, to: string) => Math.max(0, (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Days looked after (not counting short breaks) from one date up to another, exclusive. */
function daysInCare(periods: readonly CarePeriod[], from: string, upTo: string): number {
  let days = 0;
  for (const p of periods) {
    if (p.shortBreaks) continue;
    const start = p.from > from ? p.from : from;
    const end = p.to === null || p.to > upTo ? upTo : p.to;
    if (end > start) days += daysBetween(start, end);
  }
  return days;
}

const formatWeeks = (days: number) => `${Math.floor(days / 7)} week${Math.floor(days / 7) === 1 ? '' : 's'}`;

/**
 * The young person's care leaver status on a date, with the reasons for it, from their date of birth,
 * their care history and what is recorded about them (practice-standards.txt, Section 3: Care Leavers,
 * "Definition of a care leaver"):
 * - eligible: 16 or 17, looked after for at least 13 weeks since 14, and still looked after;
 * - relevant: 16 or 17, looked after for 13 weeks since 14 (some of it after 16), and left care;
 * - former relevant: 18 to 21, who was eligible or relevant; to 25 when pursuing education or training;
 * - qualifying: under 21 who stopped being looked after after 16 without the 13 weeks (or under a
 *   special guardianship or adoption order);
 * - up to 25, a former relevant young person may return for support (Children and Social Work Act 2017).
 * Short breaks (section 20, V3 and V4) do not count towards the 13 weeks.
 */
export function careLeaverStatus(dateOfBirth: string, periods: readonly CarePeriod[], facts: CareLeaverFacts, on: string): { status: CareLeaverStatus; reasons: string[] } {
  const age = ageOn(dateOfBirth, on);
  const fourteenth = birthday(dateOfBirth, 14);
  const sixteenth = birthday(dateOfBirth, 16);
  const eighteenth = birthday(dateOfBirth, 18);
  const careUpTo = on < eighteenth ? addDays(on, 1) : eighteenth;
  const days = daysInCare(periods, fourteenth, careUpTo);
  const thirteenWeeks = days >= 91;
  const inCareNow = periods.some((p) => !p.shortBreaks && p.from <= on && (p.to === null || p.to > on));
  const afterSixteen = periods.some((p) => !p.shortBreaks && (p.to === null || p.to > sixteenth) && p.from < careUpTo);
  const orderEnded = periods.some((p) => p.endReason === 'special_guardianship' || p.endReason === 'adopted');
  // What was recorded counts from when it was true: a history worked out for an earlier date does not use it.
  const inEducationSince = facts.inEducationSince && facts.inEducationSince <= on ? facts.inEducationSince : null;
  const returnedForSupportOn = facts.returnedForSupportOn && facts.returnedForSupportOn <= on ? facts.returnedForSupportOn : null;
  const reasons = [`Aged ${age} on ${on}`];
  if (periods.length === 0) return { status: 'not_applicable', reasons: [...reasons, 'Never looked after'] };
  reasons.push(`Looked after for ${formatWeeks(days)} since their 14th birthday (${fourteenth}), not counting short breaks: 13 weeks make them eligible`);
  reasons.push(afterSixteen ? `Looked after on or after their 16th birthday (${sixteenth})` : `Not looked after after their 16th birthday (${sixteenth})`);
  if (age < 16) return { status: inCareNow ? 'looked_after' : 'not_applicable', reasons: [...reasons, 'Under 16: leaving care duties begin at 16'] };
  const wasEligible = thirteenWeeks && afterSixteen;
  if (age < 18) {
    if (inCareNow) return { status: wasEligible ? 'eligible' : 'looked_after', reasons: [...reasons, 'Still looked after'] };
    if (wasEligible) return { status: 'relevant', reasons: [...reasons, 'Has left care'] };
    if (afterSixteen || orderEnded) return { status: 'qualifying', reasons: [...reasons, orderEnded ? 'Left care under a special guardianship or adoption order' : 'Left care after 16 without the 13 weeks'] };
    return { status: 'not_applicable', reasons };
  }
  if (wasEligible) {
    if (age < 21) return { status: 'former_relevant', reasons: [...reasons, 'Eligible or relevant before 18: former relevant until 21'] };
    if (age < 25 && inEducationSince) return { status: 'former_relevant_education', reasons: [...reasons, `In education or training since ${inEducationSince}: supported until 25`] };
    if (age < 25 && returnedForSupportOn && returnedForSupportOn >= birthday(dateOfBirth, 21)) return { status: 'returning', reasons: [...reasons, `Asked to return for support on ${returnedForSupportOn}`] };
    if (age < 25) return { status: 'support_ended', reasons: [...reasons, 'Over 21, not in education or training, and has not asked to return'] };
    return { status: 'not_applicable', reasons: [...reasons, '25 or over'] };
  }
  const qualifyingTo = inEducationSince ? 24 : 21;
  if ((afterSixteen || orderEnded) && age < qualifyingTo) return { status: 'qualifying', reasons: [...reasons, `Left care after 16 without the 13 weeks: qualifying until ${qualifyingTo}`] };
  return { status: 'not_applicable', reasons };
}

/**
 * When the status changed and why, from 14 to 25 (the issue: "care leaver status changes are
 * explained, not silently recomputed"): the status is worked out on each birthday and each day care
 * began or ended, and on today, and each change listed with its reasons.
 */
export function statusHistory(dateOfBirth: string, periods: readonly CarePeriod[], facts: CareLeaverFacts, today: string): { on: string; status: CareLeaverStatus; reasons: string[] }[] {
  const dates = new Set<string>([today]);
  for (let age = 14; age <= 25; age++) dates.add(birthday(dateOfBirth, age));
  for (const p of periods) {
    dates.add(p.from);
    if (p.to) dates.add(p.to);
  }
  if (facts.inEducationSince) dates.add(facts.inEducationSince);
  if (facts.returnedForSupportOn) dates.add(facts.returnedForSupportOn);
  const history: { on: string; status: CareLeaverStatus; reasons: string[] }[] = [];
  for (const on of [...dates].filter((d) => d <= today).sort()) {
    const { status, reasons } = careLeaverStatus(dateOfBirth, periods, facts, on);
    if (history.length === 0 && status === 'not_applicable') continue;
    if (history.at(-1)?.status !== status) history.push({ on, status, reasons });
  }
  return history;
}

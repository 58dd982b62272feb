import { ageOn } from '../calendar/localDate';
import { text } from '../records/eventData';

/**
 * What a referral to the Resource and Care Panel says: Appendix A, Part A of
 * resource-and-care-panel-policy.txt, section by section. Pure: no I/O.
 */
export interface ReferralPerson {
  name: string;
  dateOfBirth: string;
  /** For family members: the relationship to the child (or "self"). */
  relationship: string;
}

export interface ReferralScaling {
  name: string;
  role: string;
  /** 0 (so dangerous we must act) to 10 (safe and supported enough), or null when not given. */
  score: number | null;
  reasons: string;
}

export interface ReferralContent {
  panelDate: string;
  /** Why the case comes to panel: one of `panelReasons` (1.1 a-f, 1.4 g-i). */
  criterion: string;
  worker: string;
  team: string;
  children: ReferralPerson[];
  family: ReferralPerson[];
  network: { name: string; role: string }[];
  familyNetworkMeeting: 'yes' | 'no' | '';
  safetyPlan: 'yes' | 'no' | '';
  whyNot: string;
  mainIssues: string;
  /** What recommendations or decisions the panel is asked for. */
  ask: string;
  /** Why the voluntary, less costly and in-house options tried are insufficient (I.11). */
  alternatives: string;
  parentsViews: string;
  childsWishes: string;
  weeklyPence: number | null;
  /** The projected period in weeks, at most 52 (Appendix A: "to a maximum of one year"), for the totals. */
  periodWeeks: number | null;
  /** The projected period as the worker gave it ("5 months"), shown as given. */
  period: ReferralPeriod | null;
  pastHarm: string;
  futureDanger: string;
  complicatingFactors: string;
  existingStrengths: string;
  existingSafety: string;
  nextSteps: string;
  dangerStatements: string;
  safetyGoals: string;
  scaling: ReferralScaling[];
}

/** A year, the longest period a referral costs (Appendix A). */
export const maxPeriodWeeks = 52;

export type PeriodUnit = 'weeks' | 'months';
export interface ReferralPeriod {
  amount: number;
  unit: PeriodUnit;
}

/** A period in weeks for the totals: a month is a twelfth of 52 weeks, to two decimal places. */
export function weeksOf(period: ReferralPeriod): number {
  return period.unit === 'months' ? Math.round((period.amount * maxPeriodWeeks * 100) / 12) / 100 : period.amount;
}

/** "5 months", "26 weeks", "1 week". */
export function periodText(period: ReferralPeriod | null): string {
  if (!period) return '';
  return `${period.amount} ${period.amount === 1 ? period.unit.slice(0, -1) : period.unit}`;
}

/**
 * The period as stored: `period` ({ amount, unit }) when the referral has it; an older referral
 * with only `periodWeeks` is read as whole weeks, or as the whole months it was converted from.
 */
function periodOf(data: Record<string, unknown>): ReferralPeriod | null {
  const p = data.period;
  if (typeof p === 'object' && p !== null) {
    const { amount, unit } = p as Record<string, unknown>;
    if (typeof amount === 'number' && Number.isFinite(amount) && (unit === 'weeks' || unit === 'months')) return { amount, unit };
  }
  const weeks = numberOrNull(data.periodWeeks);
  if (weeks === null) return null;
  if (Number.isInteger(weeks)) return { amount: weeks, unit: 'weeks' };
  const months = Math.round((weeks * 12) / maxPeriodWeeks);
  return weeksOf({ amount: months, unit: 'months' }) === weeks ? { amount: months, unit: 'months' } : { amount: weeks, unit: 'weeks' };
}

/** The total for the projected period: the weekly cost times the weeks (never more than a year). */
export function totalPenceOf(weeklyPence: number | null, periodWeeks: number | null): number | null {
  if (weeklyPence === null || periodWeeks === null) return null;
  return Math.round(weeklyPence * Math.min(periodWeeks, maxPeriodWeeks));
}

/** The sections a referral cannot go to panel without ("referrals that are submitted late, incomplete, or unsigned may be rejected", Appendix A). */
export const referralSections = [
  { key: 'criterion', text: 'Why the case comes to panel' },
  { key: 'panelDate', text: 'Panel date' },
  { key: 'worker', text: 'Name of worker and team' },
  { key: 'children', text: 'Subject children with dates of birth' },
  { key: 'family', text: 'Relevant family members' },
  { key: 'network', text: "The family's support network" },
  { key: 'networkAndSafety', text: 'Family network meeting and safety plan' },
  { key: 'mainIssues', text: 'Brief summary of the main issues' },
  { key: 'ask', text: 'What the panel is asked for' },
  { key: 'alternatives', text: 'Why less costly and in-house options are insufficient' },
  { key: 'parentsViews', text: 'Views of the parents or carers' },
  { key: 'childsWishes', text: "Child's wishes and feelings" },
  { key: 'costs', text: 'Projected costs' },
  { key: 'worries', text: 'What are we worried about?' },
  { key: 'workingWell', text: 'What is working well?' },
  { key: 'nextSteps', text: 'What needs to happen?' },
  { key: 'dangerStatements', text: 'Danger statements' },
  { key: 'safetyGoals', text: 'Safety goals' },
  { key: 'scaling', text: 'Scaling' },
] as const;

export type ReferralSection = (typeof referralSections)[number]['key'];

const filled = (s: string | undefined) => (s ?? '').trim().length > 0;

/** The required sections still empty, in the form's order. */
export function missingSections(c: ReferralContent): ReferralSection[] {
  const done: Record<ReferralSection, boolean> = {
    criterion: filled(c.criterion),
    panelDate: filled(c.panelDate),
    worker: filled(c.worker) && filled(c.team),
    children: c.children.some((p) => filled(p.name) && filled(p.dateOfBirth)),
    family: c.family.some((p) => filled(p.name) && filled(p.relationship)),
    network: c.network.some((p) => filled(p.name) && filled(p.role)),
    // "If you answered no to any of the above questions, please explain why".
    networkAndSafety: c.familyNetworkMeeting !== '' && c.safetyPlan !== '' && (c.familyNetworkMeeting === 'yes' && c.safetyPlan === 'yes' ? true : filled(c.whyNot)),
    mainIssues: filled(c.mainIssues),
    ask: filled(c.ask),
    alternatives: filled(c.alternatives),
    parentsViews: filled(c.parentsViews),
    childsWishes: filled(c.childsWishes),
    costs: c.weeklyPence !== null && c.periodWeeks !== null,
    worries: filled(c.pastHarm) || filled(c.futureDanger) || filled(c.complicatingFactors),
    workingWell: filled(c.existingStrengths) || filled(c.existingSafety),
    nextSteps: filled(c.nextSteps),
    dangerStatements: filled(c.dangerStatements),
    safetyGoals: filled(c.safetyGoals),
    scaling: c.scaling.some((s) => filled(s.name) && s.score !== null),
  };
  return referralSections.map((s) => s.key).filter((k) => !done[k]);
}

const rows = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null) : []);
const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const yesNo = (v: unknown): 'yes' | 'no' | '' => (v === 'yes' || v === 'no' ? v : '');

/** A stored referral as the fold reads it, whatever an import left out: missing text is empty, missing lists are empty. */
export function referralContentOf(data: Record<string, unknown>): ReferralContent {
  const person = (r: Record<string, unknown>): ReferralPerson => ({ name: text(r.name), dateOfBirth: text(r.dateOfBirth), relationship: text(r.relationship) });
  return {
    panelDate: text(data.panelDate),
    criterion: text(data.criterion),
    worker: text(data.worker),
    team: text(data.team),
    children: rows(data.children).map(person),
    family: rows(data.family).map(person),
    network: rows(data.network).map((r) => ({ name: text(r.name), role: text(r.role) })),
    familyNetworkMeeting: yesNo(data.familyNetworkMeeting),
    safetyPlan: yesNo(data.safetyPlan),
    whyNot: text(data.whyNot),
    mainIssues: text(data.mainIssues),
    ask: text(data.ask),
    alternatives: text(data.alternatives),
    parentsViews: text(data.parentsViews),
    childsWishes: text(data.childsWishes),
    weeklyPence: numberOrNull(data.weeklyPence),
    periodWeeks: numberOrNull(data.periodWeeks) ?? (periodOf(data) ? weeksOf(periodOf(data)!) : null),
    period: periodOf(data),
    pastHarm: text(data.pastHarm),
    futureDanger: text(data.futureDanger),
    complicatingFactors: text(data.complicatingFactors),
    existingStrengths: text(data.existingStrengths),
    existingSafety: text(data.existingSafety),
    nextSteps: text(data.nextSteps),
    dangerStatements: text(data.dangerStatements),
    safetyGoals: text(data.safetyGoals),
    scaling: rows(data.scaling).map((r) => ({ name: text(r.name), role: text(r.role), score: numberOrNull(r.score), reasons: text(r.reasons) })),
  };
}

/** A person's age on a date, or null without a real date of birth. */
export function ageOnDate(dateOfBirth: string, on: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) && dateOfBirth <= on ? ageOn(dateOfBirth, on) : null;
}

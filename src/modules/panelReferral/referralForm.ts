import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/localDate';
import { maxPeriodWeeks, weeksOf, type ReferralContent, type ReferralPeriod, type ReferralPerson, type ReferralScaling } from '../../domain/panel/referral';
import type { Problem } from '../../domain/people/personDetails';
import { panelReasons } from '../../standards/resourceAndCarePanelPolicy';
import { ValidationError } from '../../platform/errors';
import { mergeProblems, pence, problemsOf, readDateInput } from '../../platform/validation';

export { criterionChoices, criterionText } from '../../domain/panel/criteria';

/** Blank rows the form offers beyond those filled (the form works without JavaScript). */
export const rowCounts = { children: 4, family: 8, network: 6, scaling: 6 } as const;
type RowList = keyof typeof rowCounts;

const long = (label: string) => z.string({ error: `${label} must be text` }).trim().max(10000, `${label} must be 10,000 characters or fewer`).optional().default('');
const short = (label: string) => z.string({ error: `${label} must be text` }).trim().max(200, `${label} must be 200 characters or fewer`).optional().default('');
const texts = z.object({
  criterion: z.union([z.literal(''), z.enum(panelReasons, { error: 'Select why the case comes to panel from the list' })]).optional().default(''),
  worker: short('The name of the worker'),
  team: short('The team'),
  familyNetworkMeeting: z.union([z.literal(''), z.enum(['yes', 'no'], { error: 'Select yes or no' })]).optional().default(''),
  safetyPlan: z.union([z.literal(''), z.enum(['yes', 'no'], { error: 'Select yes or no' })]).optional().default(''),
  whyNot: long('Why not'),
  mainIssues: long('The summary of the main issues'),
  ask: long('What the panel is asked for'),
  alternatives: long('Why less costly options are insufficient'),
  parentsViews: long('The views of the parents or carers'),
  childsWishes: long("The child's wishes and feelings"),
  pastHarm: long('Past harm'),
  futureDanger: long('Future danger'),
  complicatingFactors: long('Complicating factors'),
  existingStrengths: long('Existing strengths'),
  existingSafety: long('Existing safety'),
  nextSteps: long('Next steps'),
  dangerStatements: long('The danger statements'),
  safetyGoals: long('The safety goals'),
});

/** A box's text; a value sent more than once (or not as text) is refused, naming the box, never read as empty. */
function scalar(v: unknown, field: string, label: string, problems: Problem[]): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  problems.push({ field, message: `${label} must be given once, as text` });
  return '';
}

/** Rows from a form (`family-0-name`) or an API body (`family: [{ name }]`), blank rows left out; each cell's field and label for messages. */
function rowsOf(body: Record<string, unknown>, list: RowList, fields: readonly string[], problems: Problem[]): Record<string, string>[] {
  const given = body[list];
  const raw: Record<string, unknown>[] = Array.isArray(given)
    ? given.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    : Array.from({ length: 50 }, (_, i) => Object.fromEntries(fields.map((f) => [f, body[`${list}-${i}-${f}`]])));
  return raw.map((r, i) => Object.fromEntries(fields.map((f) => [f, scalar(r[f], `${list}-${i}-${f}`, `Row ${i + 1}'s ${f}`, problems)]))).filter((r) => fields.some((f) => r[f] !== ''));
}

/** A cell's text, refused (not cut off) when longer than `max`. */
function capped(value: string, max: number, field: string, label: string, problems: Problem[]): string {
  if (value.length > max) problems.push({ field, message: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });
  return value;
}

/** "2012-04-02" or "2/4/2012" as YYYY-MM-DD, or null. */
export function readDay(typed: string): string | null {
  const dmy = /^(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})$/.exec(typed);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : typed;
  return isIsoDate(iso) ? iso : null;
}

function people(rows: Record<string, string>[], list: RowList, label: string, today: string, problems: Problem[]): ReferralPerson[] {
  return rows.map((r, i) => {
    const dob = r.dateOfBirth ? readDay(r.dateOfBirth) : '';
    if (!r.name) problems.push({ field: `${list}-${i}-name`, message: `Enter the name of ${label} ${i + 1}, or clear the row` });
    if (dob === null) problems.push({ field: `${list}-${i}-dateOfBirth`, message: `The date of birth of ${label} ${i + 1} must be a real date, like 27/3/2012` });
    else if (dob && dob > today) problems.push({ field: `${list}-${i}-dateOfBirth`, message: `The date of birth of ${label} ${i + 1} must be today or in the past` });
    const name = capped(r.name!, 200, `${list}-${i}-name`, `The name of ${label} ${i + 1}`, problems);
    const relationship = capped(r.relationship ?? '', 200, `${list}-${i}-relationship`, `The relationship of ${label} ${i + 1}`, problems);
    return { name, dateOfBirth: dob ?? '', relationship };
  });
}

/**
 * A referral as typed: every box may still be empty in a draft (the sections missing are listed,
 * and sign-off waits for them), but what is typed must make sense. The panel date must be one the
 * panel meets on (`panelDateProblem`: 1.5, 1.6); costs are pounds and pence and the period at most
 * a year (Appendix A), kept in the unit typed. Too long, or given twice, is refused, never cut off.
 */
export function readReferral(body: Record<string, unknown>, today: string, panelDateProblem: (date: string) => string | null): ReferralContent {
  const problems: Problem[] = [];
  const parsed = texts.safeParse(body);
  if (!parsed.success) problems.push(...problemsOf(parsed.error));

  const typedDate = body.panelDate;
  const panelDate = typedDate !== undefined && typedDate !== ''
    ? typeof typedDate === 'string' && isIsoDate(typedDate) ? { value: typedDate, problem: null } : { value: null, problem: { field: 'panelDate-day', message: 'The panel date must be a real date' } }
    : readDateInput(body, 'panelDate', 'The panel date', true);
  if (panelDate.problem) problems.push(panelDate.problem);
  else if (panelDate.value) {
    const problem = panelDateProblem(panelDate.value);
    if (problem) problems.push({ field: 'panelDate-day', message: problem });
  }

  let weeklyPence: number | null = null;
  const weekly = scalar(body.weekly, 'weekly', 'The weekly cost', problems);
  if (weekly !== '') {
    const w = pence('the weekly cost').safeParse(weekly);
    if (w.success) weeklyPence = w.data;
    else problems.push({ field: 'weekly', message: w.error.issues[0]!.message });
  }
  let period: ReferralPeriod | null = null;
  const typed = scalar(body.period, 'period', 'The projected period', problems);
  const unit = scalar(body.periodUnit, 'periodUnit', 'Weeks or months', problems) || 'weeks';
  if (unit !== 'weeks' && unit !== 'months') problems.push({ field: 'periodUnit', message: 'Select weeks or months' });
  else if (typed !== '') {
    const max = unit === 'months' ? 12 : maxPeriodWeeks;
    if (!/^\d+$/.test(typed) || Number(typed) < 1) problems.push({ field: 'period', message: `The projected period must be a whole number of ${unit}, like 26` });
    else if (Number(typed) > max) problems.push({ field: 'period', message: `The projected period can be at most one year (${max} ${unit}): cost the first year only (Appendix A)` });
    else period = { amount: Number(typed), unit };
  }

  const children = people(rowsOf(body, 'children', ['name', 'dateOfBirth', 'relationship'], problems), 'children', 'child', today, problems);
  const family = people(rowsOf(body, 'family', ['name', 'dateOfBirth', 'relationship'], problems), 'family', 'family member', today, problems);
  const network = rowsOf(body, 'network', ['name', 'role'], problems).map((r, i) => {
    if (!r.name) problems.push({ field: `network-${i}-name`, message: `Enter the name of network member ${i + 1}, or clear the row` });
    return { name: capped(r.name!, 200, `network-${i}-name`, `The name of network member ${i + 1}`, problems), role: capped(r.role!, 200, `network-${i}-role`, `The role of network member ${i + 1}`, problems) };
  });
  const scaling = rowsOf(body, 'scaling', ['name', 'role', 'score', 'reasons'], problems).map((r, i): ReferralScaling => {
    if (!r.name) problems.push({ field: `scaling-${i}-name`, message: `Enter who gave scaling ${i + 1}` });
    const ok = /^\d{1,2}$/.test(r.score!) && Number(r.score) <= 10;
    if (r.score !== '' && !ok) problems.push({ field: `scaling-${i}-score`, message: `Scaling ${i + 1} must be a whole number from 0 to 10` });
    return {
      name: capped(r.name!, 200, `scaling-${i}-name`, `The name for scaling ${i + 1}`, problems),
      role: capped(r.role!, 200, `scaling-${i}-role`, `The role or relation for scaling ${i + 1}`, problems),
      score: ok ? Number(r.score) : null,
      reasons: capped(r.reasons!, 2000, `scaling-${i}-reasons`, `The reasons for scaling ${i + 1}`, problems),
    };
  });

  const all = mergeProblems(problems);
  if (all.length > 0 || !parsed.success) throw new ValidationError(all);
  return { ...parsed.data, panelDate: panelDate.value!, weeklyPence, periodWeeks: period ? weeksOf(period) : null, period, children, family, network, scaling } as ReferralContent;
}

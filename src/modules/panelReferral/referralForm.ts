import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/localDate';
import { maxPeriodWeeks, type ReferralContent, type ReferralPerson, type ReferralScaling } from '../../domain/panel/referral';
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

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** Rows from a form (`family-0-name`) or an API body (`family: [{ name }]`), blank rows left out. */
function rowsOf(body: Record<string, unknown>, list: RowList, fields: readonly string[]): Record<string, string>[] {
  const given = body[list];
  const raw: Record<string, unknown>[] = Array.isArray(given)
    ? given.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    : Array.from({ length: 50 }, (_, i) => Object.fromEntries(fields.map((f) => [f, body[`${list}-${i}-${f}`]])));
  return raw.map((r) => Object.fromEntries(fields.map((f) => [f, str(r[f])]))).filter((r) => fields.some((f) => r[f] !== ''));
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
    return { name: r.name!.slice(0, 200), dateOfBirth: dob ?? '', relationship: (r.relationship ?? '').slice(0, 200) };
  });
}

/**
 * A referral as typed: every box may still be empty in a draft (the sections missing are listed,
 * and sign-off waits for them), but what is typed must make sense. The panel date must be a
 * future panel day (1.5); costs are pounds and pence and the period at most a year (Appendix A).
 */
export function readReferral(body: Record<string, unknown>, today: string, isPanelDay: (date: string) => boolean, weekdayName: string): ReferralContent {
  const problems: Problem[] = [];
  const parsed = texts.safeParse(body);
  if (!parsed.success) problems.push(...problemsOf(parsed.error));

  const panelDate = typeof body.panelDate === 'string' && body.panelDate !== '' ? { value: isIsoDate(body.panelDate) ? body.panelDate : null, problem: isIsoDate(body.panelDate) ? null : { field: 'panelDate-day', message: 'The panel date must be a real date' } } : readDateInput(body, 'panelDate', 'The panel date', true);
  if (panelDate.problem) problems.push(panelDate.problem);
  else if (panelDate.value && !isPanelDay(panelDate.value)) problems.push({ field: 'panelDate-day', message: `The panel meets on ${weekdayName}s (1.5): choose a ${weekdayName}` });
  else if (panelDate.value && panelDate.value <= today) problems.push({ field: 'panelDate-day', message: 'The panel date must be in the future' });

  let weeklyPence: number | null = null;
  if (str(body.weekly) !== '') {
    const w = pence('the weekly cost').safeParse(str(body.weekly));
    if (w.success) weeklyPence = w.data;
    else problems.push({ field: 'weekly', message: w.error.issues[0]!.message });
  }
  let periodWeeks: number | null = null;
  const period = str(body.period);
  const unit = str(body.periodUnit) || 'weeks';
  if (period !== '') {
    const max = unit === 'months' ? 12 : maxPeriodWeeks;
    if (!/^\d+$/.test(period) || Number(period) < 1) problems.push({ field: 'period', message: `The projected period must be a whole number of ${unit}, like 26` });
    else if (Number(period) > max) problems.push({ field: 'period', message: `The projected period can be at most one year (${max} ${unit}): cost the first year only (Appendix A)` });
    else periodWeeks = unit === 'months' ? Math.round((Number(period) * maxPeriodWeeks * 100) / 12) / 100 : Number(period);
  }
  if (unit !== 'weeks' && unit !== 'months') problems.push({ field: 'periodUnit', message: 'Select weeks or months' });

  const children = people(rowsOf(body, 'children', ['name', 'dateOfBirth', 'relationship']), 'children', 'child', today, problems);
  const family = people(rowsOf(body, 'family', ['name', 'dateOfBirth', 'relationship']), 'family', 'family member', today, problems);
  const network = rowsOf(body, 'network', ['name', 'role']).map((r, i) => {
    if (!r.name) problems.push({ field: `network-${i}-name`, message: `Enter the name of network member ${i + 1}, or clear the row` });
    return { name: r.name!.slice(0, 200), role: r.role!.slice(0, 200) };
  });
  const scaling = rowsOf(body, 'scaling', ['name', 'role', 'score', 'reasons']).map((r, i): ReferralScaling => {
    if (!r.name) problems.push({ field: `scaling-${i}-name`, message: `Enter who gave scaling ${i + 1}` });
    const ok = /^\d{1,2}$/.test(r.score!) && Number(r.score) <= 10;
    if (r.score !== '' && !ok) problems.push({ field: `scaling-${i}-score`, message: `Scaling ${i + 1} must be a whole number from 0 to 10` });
    return { name: r.name!.slice(0, 200), role: r.role!.slice(0, 200), score: ok ? Number(r.score) : null, reasons: r.reasons!.slice(0, 2000) };
  });

  const all = mergeProblems(problems);
  if (all.length > 0 || !parsed.success) throw new ValidationError(all);
  return { ...parsed.data, panelDate: panelDate.value!, weeklyPence, periodWeeks, children, family, network, scaling } as ReferralContent;
}

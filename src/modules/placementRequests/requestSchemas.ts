import { z } from 'zod';
import { addDays, ageOn } from '../../domain/calendar/localDate';
import { outcodeOf } from '../../domain/placements/distance';
import { needs, providerTypes } from '../../domain/placements/providers';
import { kindRefusal, requestKinds, riskAssessmentRequired, riskLevels, risks, type PlacementRequest, type RequestKind, type RiskAssessment } from '../../domain/placements/requests';
import type { Problem } from '../../domain/people/personDetails';
import { ValidationError } from '../../platform/errors';
import { checkboxes, choiceValues, mergeProblems, optionalText, problemsOf, readDateInput, requiredText } from '../../platform/validation';

const postcode = (label: string) => optionalText(10, label).refine((v) => v === null || outcodeOf(v) !== null, `${label} must be a real postcode, like WM5 7QR`);
const yesOrNo = (message: string) => z.enum(['yes', 'no'], { error: message });

/** The request's sections as a form sends them (resource-service-policy.txt 3.1). */
const requestSchema = z.object({
  kind: z.enum(choiceValues(requestKinds), { error: 'Select which request this is' }),
  // Section 1: record of the accommodation decision (or the 18+ request).
  reason: requiredText('Enter why accommodation is needed', 4000, 'Why accommodation is needed'),
  outlinePlan: requiredText('Enter the outline plan agreed with your manager', 4000, 'The outline plan'),
  providerTypes: checkboxes(z.enum(choiceValues(providerTypes), { error: 'Select the kinds of placement from the list' })),
  familyAndFriends: optionalText(4000, 'The family and friends options explored'),
  // Section 2: the child's profile and matching information.
  needs: checkboxes(z.enum(choiceValues(needs), { error: 'Select the needs from the list' })),
  interests: optionalText(2000, 'Interests'),
  routines: optionalText(2000, 'Routines'),
  identity: optionalText(2000, 'Identity, culture, language and religion'),
  health: optionalText(2000, 'Health'),
  school: optionalText(200, 'The school or college'),
  schoolPostcode: postcode('The school’s postcode'),
  homePostcode: requiredText('Enter the postcode of the child’s home, to judge distances', 10, 'The home postcode').refine((v) => outcodeOf(v) !== null, 'The home postcode must be a real postcode, like WM5 7QR'),
  contact: optionalText(2000, 'The contact arrangements'),
  complexNeeds: yesOrNo('Select whether the child has complex needs'),
  riskOfDisruption: yesOrNo('Select whether there is a risk of placement disruption'),
  hasEhcp: yesOrNo('Select whether the child has an Education, Health and Care Plan'),
});

/** What the request form gives: the request's own sections, as the domain keeps them (the home postcode always given). */
export type RequestInput = Pick<
  PlacementRequest,
  'kind' | 'neededFrom' | 'reason' | 'outlinePlan' | 'providerTypes' | 'familyAndFriends' | 'needs' | 'interests' | 'routines' | 'identity' | 'health' | 'school' | 'schoolPostcode' | 'contact' | 'complexNeeds' | 'riskOfDisruption' | 'hasEhcp' | 'risks'
> & { homePostcode: string };

/** Section 3: each risk's level and, unless there is none, how it is managed. */
function readRisks(body: Record<string, unknown>, required: boolean): { risks: RiskAssessment | null; problems: Problem[] } {
  const levels = choiceValues(riskLevels) as string[];
  const assessment: RiskAssessment = {};
  const problems: Problem[] = [];
  const anyGiven = risks.some((r) => String(body[`risk_${r.value}`] ?? '').trim() !== '');
  if (!required && !anyGiven) return { risks: null, problems };
  for (const risk of risks) {
    const level = String(body[`risk_${risk.value}`] ?? '').trim();
    const management = String(body[`risk_${risk.value}_management`] ?? '').trim();
    if (!levels.includes(level)) {
      problems.push({ field: `risk_${risk.value}`, message: `Select the level of risk of ${risk.text.toLowerCase()}` });
      continue;
    }
    if (level !== 'none' && !management) problems.push({ field: `risk_${risk.value}_management`, message: `Enter how the risk of ${risk.text.toLowerCase()} is managed` });
    else if (management.length > 2000) problems.push({ field: `risk_${risk.value}_management`, message: 'How the risk is managed must be 2000 characters or fewer' });
    assessment[risk.value] = { level: level as RiskAssessment[string]['level'], management: management || null };
  }
  return { risks: assessment, problems };
}

/**
 * A request read from its form, checked against the child: the 18+ request only for a young
 * person of 18 or over on the date needed and the Decision to Seek Accommodation only under 18;
 * the risk assessment from 12 (3.1); the date needed today or later.
 */
export function readRequest(body: Record<string, unknown>, dateOfBirth: string | null, today: string): RequestInput {
  const parsed = requestSchema.safeParse(body);
  const needed = readDateInput(body, 'neededFrom', 'The date the placement is needed from', true);
  const problems: Problem[] = needed.problem ? [needed.problem] : [];
  if (needed.value && needed.value < today) problems.push({ field: 'neededFrom-day', message: 'The date the placement is needed from must be today or later' });
  else if (needed.value && needed.value > addDays(today, 366)) problems.push({ field: 'neededFrom-day', message: 'The date the placement is needed from must be within a year' });
  const kind: RequestKind | null = parsed.success ? (parsed.data.kind as RequestKind) : (requestKinds.find((k) => k.value === body.kind)?.value ?? null);
  if (kind && needed.value) {
    const refusal = kindRefusal(kind, dateOfBirth, needed.value);
    if (refusal) problems.push({ field: 'kind', message: refusal });
  }
  const assessed = readRisks(body, kind !== null && riskAssessmentRequired(kind, dateOfBirth, today));
  // What the under-18 decision needs beyond the 18+ request, checked with everything else.
  const given = (name: string) => [body[name] ?? []].flat().some((v) => typeof v === 'string' && v.trim() !== '');
  if (kind === 'under_18' && !given('providerTypes')) problems.push({ field: 'providerTypes', message: 'Select the kinds of placement sought' });
  if (kind === 'under_18' && !given('familyAndFriends')) problems.push({ field: 'familyAndFriends', message: 'Enter the family and friends options explored, and why they cannot care for the child' });
  if (given('school') && !given('schoolPostcode')) problems.push({ field: 'schoolPostcode', message: 'Enter the school’s postcode, to judge the distance from school' });
  const all = mergeProblems(problems, parsed.success ? [] : problemsOf(parsed.error), assessed.problems);
  if (all.length > 0 || !parsed.success || !needed.value) throw new ValidationError(all);
  const d = parsed.data;
  return {
    ...d,
    kind: d.kind as RequestKind,
    // The 18+ workflow is for supported accommodation (3.1).
    providerTypes: d.kind === 'supported_accommodation_18_plus' ? ['supported_accommodation'] : d.providerTypes,
    familyAndFriends: d.familyAndFriends,
    homePostcode: d.homePostcode.toUpperCase(),
    schoolPostcode: d.schoolPostcode?.toUpperCase() ?? null,
    neededFrom: needed.value,
    complexNeeds: d.complexNeeds === 'yes',
    riskOfDisruption: d.riskOfDisruption === 'yes',
    hasEhcp: d.hasEhcp === 'yes',
    risks: assessed.risks,
  };
}

export const withdrawSchema = z.object({ reason: requiredText('Enter why the request is withdrawn', 2000, 'Why it is withdrawn') });
export const authoriseSchema = z.object({ comments: optionalText(2000, 'Your comments') });
export const considerSchema = z.object({
  providerId: z.string({ error: 'Select the provider' }).min(1, 'Select the provider'),
  decision: z.enum(['shortlisted', 'rejected'], { error: 'Select whether the provider is shortlisted or rejected' }),
  reason: requiredText('Enter the reason for the decision', 2000, 'The reason'),
});
export const providerStepSchema = (notes: string, label: string) =>
  z.object({ providerId: z.string({ error: 'Select the provider' }).min(1, 'Select the provider'), notes: requiredText(notes, 4000, label) });
export const introductionKinds = [
  { value: 'phased_visit', text: 'Phased visit with the new carers' },
  { value: 'call_or_visit', text: 'Telephone call or visit' },
  { value: 'overnight_stay', text: 'Overnight stay with the new carers' },
] as const;
export const introductionSchema = z.object({
  providerId: z.string({ error: 'Select the provider' }).min(1, 'Select the provider'),
  kind: z.enum(choiceValues(introductionKinds), { error: 'Select the kind of introduction' }),
  notes: requiredText('Enter how the introduction went', 4000, 'How it went'),
});
export const matchSchema = z.object({
  providerId: z.string({ error: 'Select the provider' }).min(1, 'Select the shortlisted provider'),
  rationale: requiredText('Enter why this placement meets the child’s needs', 4000, 'Why it meets the child’s needs'),
});

export const ageOf = (dateOfBirth: string | null, on: string) => (dateOfBirth ? ageOn(dateOfBirth, on) : null);

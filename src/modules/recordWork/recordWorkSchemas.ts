import { z } from 'zod';
import { labelOf, legalStatuses } from '../../domain/people/codes';
import type { Problem } from '../../domain/people/personDetails';
import { closureReasons, type RecordedWord } from '../../domain/returns/cinCensus/cinWords';
import type { MatchValue } from '../../domain/standards/rule';
import { optionalText } from '../../platform/validation';
import type { EventTypeDefinition } from '../../standards/catalogueTypes';

/**
 * The questions of the Record work form: what was done, when, a note, why it was late, and the
 * facts the event type itself carries (a conference's kind, a placement's setting), drawn from
 * its zod schema in the catalogue so that a new event type needs no new form.
 */
export type WorkField =
  | { name: string; label: string; required: boolean; kind: 'choice'; options: { value: string; text: string }[]; radios?: true }
  | { name: string; label: string; required: boolean; kind: 'yes-no' }
  | { name: string; label: string; required: boolean; kind: 'text'; maxLength: number | null }
  | { name: string; label: string; required: boolean; kind: 'number'; min: number | null; max: number | null; integer: boolean };

/** The common part of the form, checked the same way whoever records the work. */
export const workNotesSchema = z.object({
  summary: optionalText(2000, 'What happened'),
  lateReason: optionalText(500, 'Why it was late'),
});

/**
 * Facts the form never asks: when a contact was put on the record is when Hearth saved it, and a
 * name or date of birth belongs to the person's details. What happened and why it was late are
 * the form's own questions.
 */
const notAsked = new Set(['recordedAt', 'name', 'dateOfBirth', 'summary', 'lateReason']);

/** The catalogue's field names, as a worker would ask about them. */
const fieldLabels: Record<string, string> = {
  kind: 'Kind of conference',
  planMade: 'Was a child protection plan made?',
  planContinues: 'Does the child protection plan continue?',
  category: 'Category of abuse',
  legalStatus: 'Legal status',
  setting: 'Kind of placement',
  placementId: 'Placement reference',
  complexNeeds: 'Does the child have complex needs?',
  riskOfDisruption: 'Is the placement at risk of disruption?',
  move: 'Is this a move from another placement during the period of care?',
  section47ThresholdMet: 'Was the Section 47 threshold met?',
  grade: 'Grade of the MASH enquiry',
  lastBeforeEighteen: 'Was this the last review before their 18th birthday?',
  externalPlacementAfterEighteen: 'Will they need an external placement after they are 18?',
  leadProfessional: 'Lead professional',
  arrangement: 'Visiting arrangement agreed',
  assessment: 'Assessment needed',
  turned18InCustody: 'Did they turn 18 in custody?',
  stepDown: 'Was the case stepped down to Early Help?',
  age: 'Age of the young person',
  admitted: 'Was the child admitted to hospital?',
  outOfArea: 'Does the child live outside the authority?',
  continuingSupportAsAdult: 'Are they likely to need support as an adult?',
  reason: 'Reason for going to panel',
  seenAlone: 'Was the child seen alone?',
  whyNotSeenAlone: 'If not seen alone: why not',
  seenIn: 'Where was the child seen?',
  bedroomSeen: "Was the child's bedroom seen?",
  concern: 'Reason change has been limited',
  concernReason: 'Reason for concern about change in risk, non-engagement or no change',
  nextStep: 'Next step decided by the Early Help Manager',
  views: 'Multi-agency and family views',
  attributableToParenting: 'Are the safeguarding concerns attributable to the parenting the child is receiving?',
  safetyPlanAgreed: 'Was a support or safety plan agreed to stay in place after closure?',
  closureReason: 'Reason the case closed',
};

/**
 * Choices whose words are a list of their own: what the CIN census needs, recorded in Hearth's
 * words (cinWords.ts). Shown as radios however many there are, so every reason can be read.
 */
const wordLists: Record<string, readonly RecordedWord[]> = {
  closureReason: closureReasons,
};

/**
 * Questions optional in the event type, so that history imports without them, but asked of whoever
 * records the work now: why a case closed, which the CIN census needs (issue 10; cin-census/rules.csv 8640).
 */
const requiredOnTheForm: Record<string, readonly string[]> = {
  'closure.completed': ['closureReason'],
};

/** Values whose words are not their code made readable. */
const valueLabels: Record<string, string> = {
  initial: 'Initial child protection conference',
  review: 'Review child protection conference',
  red: 'Red (within 4 hours)',
  amber: 'Amber (within 24 hours)',
  in_house_fostering: 'In-house fostering',
  early_help: 'Early help',
  social_care: "Children's social care",
  home: 'At home',
  contact_centre: 'At a contact centre',
  placement: 'In their placement',
  high_risks_continuing: 'High level risks are continuing',
  risk_increased: 'Risk and safeguarding concerns have increased',
  no_engagement: 'No engagement with the plan to meet the outcomes',
  consult_duty_worker: "Consult the Duty Worker about the Early Help Worker's proposal",
  marf_with_duty_worker: 'Multi-Agency Referral Form confirmed with the Duty Worker',
  immediate_safeguarding_to_dta: 'Immediate safeguarding concerns: Duty, Triage and Assessment contacted',
};

/** "turned18InCustody" → "Turned 18 in custody"; "no_further_action" → "No further action". */
export function humanise(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueText(field: string, value: string): string {
  if (field === 'legalStatus') return labelOf(legalStatuses, value);
  const words = wordLists[field]?.find((w) => w.value === value);
  if (words) return words.text;
  return valueLabels[value] ?? humanise(value);
}

function fieldOf(name: string, schema: z.ZodType, askedAsRequired: boolean): WorkField | null {
  const required = askedAsRequired || !(schema instanceof z.ZodOptional);
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const label = fieldLabels[name] ?? humanise(name);
  if (inner instanceof z.ZodEnum) {
    const options = (inner.options as string[]).map((value) => ({ value, text: valueText(name, value) }));
    return { name, label, required, kind: 'choice', options, ...(wordLists[name] ? { radios: true as const } : {}) };
  }
  if (inner instanceof z.ZodBoolean) return { name, label, required, kind: 'yes-no' };
  if (inner instanceof z.ZodNumber) return { name, label, required, kind: 'number', min: inner.minValue, max: inner.maxValue, integer: inner.isInt };
  if (inner instanceof z.ZodString) return { name, label, required, kind: 'text', maxLength: inner.maxLength };
  return null; // a shape the form cannot ask about: the event type's own check still runs
}

/** The questions an event type asks, in the order its schema declares them. */
export function workFields(definition: EventTypeDefinition | undefined): WorkField[] {
  const schema = definition?.data;
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([name]) => !notAsked.has(name))
    .map(([name, field]) => fieldOf(name, field, requiredOnTheForm[definition?.type ?? '']?.includes(name) ?? false))
    .filter((f): f is WorkField => f !== null);
}

/** A form field's name and id: `data.kind` is sent, `#data-kind` is where the error summary links. */
export const dataField = (name: string) => `data.${name}`;

function readOne(field: WorkField, raw: string): { value?: unknown; problem?: string } {
  // Labels are noun phrases ("Kind of conference") or, for yes or no, questions.
  const lower = field.label.charAt(0).toLowerCase() + field.label.slice(1);
  if (raw === '') {
    if (!field.required) return {};
    if (field.kind === 'choice') return { problem: `Select the ${lower}` };
    if (field.kind === 'yes-no') return { problem: `Answer yes or no: ${field.label}` };
    return { problem: `Enter the ${lower}` };
  }
  switch (field.kind) {
    case 'choice':
      return field.options.some((o) => o.value === raw) ? { value: raw } : { problem: `Select the ${lower} from the list` };
    case 'yes-no':
      return raw === 'yes' ? { value: true } : raw === 'no' ? { value: false } : { problem: `Answer yes or no: ${field.label}` };
    case 'text':
      return field.maxLength !== null && raw.length > field.maxLength ? { problem: `${field.label} must be ${field.maxLength} characters or fewer` } : { value: raw };
    case 'number': {
      const value = Number(raw);
      const range = field.min !== null && field.max !== null ? `between ${field.min} and ${field.max}` : field.min !== null ? `${field.min} or more` : `${field.max} or less`;
      if (!/^-?\d+(\.\d+)?$/.test(raw) || (field.integer && !Number.isInteger(value))) return { problem: `${field.label} must be a whole number, like ${field.min ?? 1}` };
      if ((field.min !== null && value < field.min) || (field.max !== null && value > field.max)) return { problem: `${field.label} must be ${range}` };
      return { value };
    }
  }
}

/**
 * The event type's facts from the form's boxes: choices, yes or no, text and numbers, each
 * problem naming its field. Unanswered optional questions are left out of the data.
 */
export function readWorkData(fields: readonly WorkField[], body: Record<string, unknown>): { data: Record<string, unknown>; problems: Problem[] } {
  const data: Record<string, unknown> = {};
  const problems: Problem[] = [];
  for (const field of fields) {
    const sent = body[dataField(field.name)];
    const raw = typeof sent === 'string' ? sent.trim() : '';
    const { value, problem } = readOne(field, raw);
    if (problem) problems.push({ field: dataField(field.name), message: problem });
    else if (value !== undefined) data[field.name] = value;
  }
  return { data, problems };
}

/** A standard's `where` (kind: review) as the form's answers, to ask only what it does not say. */
export function presetAnswers(where: Readonly<Record<string, MatchValue>> | undefined): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [name, value] of Object.entries(where ?? {})) {
    if (Array.isArray(value)) continue; // any of several: the worker says which
    answers[dataField(name)] = value === true ? 'yes' : value === false ? 'no' : String(value);
  }
  return answers;
}

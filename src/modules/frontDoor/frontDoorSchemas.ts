import { formList } from '../../platform/http/forms';
import { z } from 'zod';
import { consentValues, contactSourceValues, enquiryGrades, thresholdOutcomeValues } from '../../domain/frontDoor/contact';
import { optionalText, requiredText } from '../../platform/validation';
import { referrerAgencyValues } from '../../domain/frontDoor/referrerAgencies';
import { primaryNeeds } from '../../domain/returns/cinCensus/cinWords';

/**
 * What a contact's form holds while it is a draft: the boxes as typed, and the people added to
 * it. Anything can be missing in a draft; what a contact needs is checked on submission.
 */
export interface ContactDraftData {
  receivedOn: { day: string; month: string; year: string };
  receivedTime: string;
  source: string;
  referrerName: string;
  referrerOrganisation: string;
  /** Who the referrer is, as the CIN census counts referrers (src/domain/frontDoor/referrerAgencies.ts). */
  referrerAgency: string;
  referrerRelationship: string;
  referrerPhone: string;
  concerns: string;
  homeAuthority: string;
  children: { personId: string }[];
  adults: { personId: string; relationship: string; parent: string; consent: string }[];
}

export const emptyContactDraft: ContactDraftData = {
  receivedOn: { day: '', month: '', year: '' },
  receivedTime: '',
  source: '',
  referrerName: '',
  referrerOrganisation: '',
  referrerAgency: '',
  referrerRelationship: '',
  referrerPhone: '',
  concerns: '',
  homeAuthority: '',
  children: [],
  adults: [],
};

const uuid = z.uuid();
const box = (value: unknown, max = 20000) => (typeof value === 'string' ? value.slice(0, max) : '');

/** A draft as a form sent it: every value a string, too-long text cut so a draft always saves. */
export function draftFromForm(body: Record<string, unknown>, previous: ContactDraftData): ContactDraftData {
  const ids = (name: string) => formList(body, name).filter((v) => uuid.safeParse(v).success);
  return {
    receivedOn: { day: box(body['receivedOn-day'], 10), month: box(body['receivedOn-month'], 10), year: box(body['receivedOn-year'], 10) },
    receivedTime: box(body.receivedTime, 20),
    source: box(body.source, 50),
    referrerName: box(body.referrerName, 500),
    referrerOrganisation: box(body.referrerOrganisation, 500),
    referrerAgency: box(body.referrerAgency, 50),
    referrerRelationship: box(body.referrerRelationship, 500),
    referrerPhone: box(body.referrerPhone, 100),
    concerns: box(body.concerns),
    homeAuthority: box(body.homeAuthority, 500),
    // The people come from the form's hidden lists when it sent them, otherwise from the draft as it was.
    children: 'childIds' in body ? [...new Set(ids('childIds'))].map((personId) => ({ personId })) : previous.children,
    adults:
      'adultIds' in body
        ? [...new Set(ids('adultIds'))].map((personId) => ({
            personId,
            relationship: box(body[`relationship-${personId}`], 200),
            parent: box(body[`parent-${personId}`], 5),
            consent: box(body[`consent-${personId}`], 20),
          }))
        : previous.adults,
  };
}

/** A stored draft read back, whatever an older version of the form saved. */
export function readDraft(data: Record<string, unknown>): ContactDraftData {
  return { ...emptyContactDraft, ...(data as Partial<ContactDraftData>) };
}

/** What a contact must have when it is submitted (Duty Team (MASH) 1: who, why, about whom). */
export const contactSubmissionSchema = z
  .object({
    source: z.enum(contactSourceValues, { error: 'Select how the contact came in' }),
    referrerName: requiredText('Enter the name of the person who made the contact', 200, 'Name of the person who made the contact'),
    referrerOrganisation: optionalText(200, 'Their organisation'),
    referrerAgency: z.enum(referrerAgencyValues, { error: 'Select who the referrer is, like a school, the police or a family member' }),
    referrerRelationship: requiredText('Enter their relationship to the child, like "class teacher" or "neighbour"', 200, 'Their relationship to the child'),
    referrerPhone: optionalText(50, 'Their phone number or email'),
    concerns: requiredText('Enter the concerns the contact raises', 20000, 'The concerns'),
    homeAuthority: optionalText(200, 'Home local authority'),
    children: z.array(z.object({ personId: uuid })).min(1, 'Add the child or children the contact is about'),
    adults: z.array(
      z.object({
        personId: uuid,
        relationship: requiredText('Enter their relationship to the child', 200, 'Relationship to the child'),
        parent: z.enum(['yes', 'no'], { error: 'Say whether they are a parent' }),
        consent: z.enum(consentValues, { error: 'Select whether they consented to information being shared' }),
      }),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.source === 'hospital' && !value.homeAuthority) {
      ctx.addIssue({ code: 'custom', path: ['homeAuthority'], message: "Enter the child's home local authority, which the referral is passed to" });
    }
  });

export type ContactSubmission = z.infer<typeof contactSubmissionSchema>;

const grades = enquiryGrades.map((g) => g.value) as ['red', 'amber'];

export const enquirySchema = z.object({
  agency: requiredText('Select the partner agency the enquiry goes to', 200, 'Partner agency'),
  grade: z.enum(grades, { error: 'Select the grading: red (4 hours) or amber (24 hours)' }),
  overrideRationale: optionalText(5000, 'Why parental consent is overridden'),
});

export const replySchema = z.object({
  reply: requiredText('Enter what the agency said', 10000, 'What the agency said'),
});

export const recommendationSchema = z.object({
  outcome: z.enum(thresholdOutcomeValues, { error: 'Select the recommended next step' }),
  rationale: requiredText('Enter why: the risks, the needs and the information gathered', 10000, 'Why'),
});

/**
 * The primary needs the Duty Manager chooses from when the referral goes on to an assessment or a
 * strategy discussion. "Not stated" (N0) is left out, as at the assessment's sign-off: it is what
 * the census says when nothing was recorded.
 */
export const frontDoorPrimaryNeeds = primaryNeeds.filter((w) => w.value !== 'not_stated');
const frontDoorNeedValues = new Set(frontDoorPrimaryNeeds.map((w) => w.value));
export const primaryNeedMessage = "Select the child's primary need, as it looks now";

/**
 * The outcomes that make the contact a referral going on to further action, for which the CIN
 * census needs a PrimaryNeedCode from the referral on, while the assessment is still under way
 * (cin-census/rules.csv 8610): the need is asked at the decision, and confirmed at sign-off.
 */
export const outcomesNeedingPrimaryNeed: ReadonlySet<string> = new Set(['assessment', 'strategy_discussion']);

export const decisionSchema = z
  .object({
    outcome: z.enum(thresholdOutcomeValues, { error: 'Select the decision' }),
    reason: requiredText('Enter the reason for the decision', 10000, 'Reason for the decision'),
    adviceToReferrer: optionalText(5000, 'Advice to the referrer'),
    teamId: z.union([z.literal(''), uuid]).nullish().transform((v) => v || null),
    // Checked below against the outcome; anything but one of the words is no answer.
    primaryNeed: z.unknown().optional().transform((v) => (typeof v === 'string' && frontDoorNeedValues.has(v) ? v : null)),
  })
  .superRefine((value, ctx) => {
    if (outcomesNeedingPrimaryNeed.has(value.outcome) && !value.primaryNeed) {
      ctx.addIssue({ code: 'custom', path: ['primaryNeed'], message: primaryNeedMessage });
    }
    if (value.outcome === 'no_further_action' && !value.adviceToReferrer) {
      ctx.addIssue({ code: 'custom', path: ['adviceToReferrer'], message: 'Enter the advice given to the referrer' });
    }
    if (value.outcome === 'assessment' && !value.teamId) {
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: "Select the team whose assistant team manager will allocate the assessment" });
    }
  });

export const handOverSchema = z.object({
  note: requiredText('Enter who at the home authority took the referral, and how', 5000, 'Hand-over'),
});

export const consentSchema = z.object({
  adultId: uuid,
  consent: z.enum(['given', 'refused'], { error: 'Select whether they gave or refused consent' }),
});

import { z } from 'zod';
import { codeValues, legalStatuses } from '../domain/people/codes';
import { storedPreviousPermanenceProblem } from '../domain/inCare/previousPermanence';
import { factorsProblem, primaryNeeds, recordedAssessmentFactors, type RecordedWord } from '../domain/returns/cinCensus/cinWords';
import { interventionValues, sdqNotDoneValues, substanceMisuseAnswers } from '../domain/inCare/healthOutcomes';
import type { EventTypeDefinition } from './catalogueTypes';

/**
 * The event types of a child's journey that issue 3 names, which later modules record from
 * their pages and an authority's old system can import. Data holds at least what the rules
 * read; other keys are kept. More are declared beside the rules that use them.
 */
const passthrough = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const yesNo = (field: string) => z.boolean({ error: `${field} must be true or false` }).optional();
/**
 * Where a child is placed, as `cic.placement_started` says it in `data.setting`: the Resource
 * Service commissions independent fostering, residential and supported accommodation
 * (resource-service-policy.txt 4.1); the rest are the authority's own or family arrangements.
 */
export const placementSettings = [
  'in_house_fostering',
  'connected_person',
  'independent_fostering',
  'residential',
  'supported_accommodation',
  'placed_with_parents',
  'secure',
  'parent_and_child',
  'other',
] as const;
/**
 * What a social work visit records (issue 4: "social work visits (seen alone, seen in which setting,
 * bedroom seen)"; practice-standards.txt, Section 2: Child Protection Plans and Reviews 4-6 and Child
 * in Need Plans and Reviews 4): asked on every visit, none required, so history without them imports.
 */
export const visitSettings = ['home', 'school', 'nursery', 'contact_centre', 'placement', 'hospital', 'other'] as const;
const visit = passthrough({
  seenAlone: yesNo('seenAlone'),
  // Children in Care 37, Child Protection Plans and Reviews 4: if not seen alone, the reasons. Asked, not required, so history imports.
  whyNotSeenAlone: z.string().trim().max(1000, 'whyNotSeenAlone must be at most 1,000 characters').optional(),
  seenIn: z.enum(visitSettings, { error: `seenIn must be one of ${visitSettings.join(', ')}` }).optional(),
  bedroomSeen: yesNo('bedroomSeen'),
});
const legalStatus = z.enum(codeValues(legalStatuses), { error: 'legalStatus must be an SSDA903 legal status code, like C2 or V2' });

/** One of a list of the words the CIN census needs (cinWords.ts), refused with the values it may be. */
export function recordedWord(field: string, list: readonly RecordedWord[]) {
  const values = list.map((w) => w.value) as [string, ...string[]];
  return z.enum(values, { error: `${field} must be one of ${values.join(', ')}` });
}

/**
 * The factors identified at an assessment, as history may hold them (retired codes too): each one
 * Hearth knows, "none" alone (cin-census/rules.csv 8869), none twice (8898). An empty list is
 * taken as nothing recorded; the sign-off page itself asks for at least one.
 */
const factorsRecorded = z.array(z.string({ error: 'factors must be a list of factor values' }), { error: 'factors must be a list of factor values' }).superRefine((values, ctx) => {
  const problem = factorsProblem(values, recordedAssessmentFactors);
  if (!problem || problem.kind === 'none_chosen') return;
  const allowed = recordedAssessmentFactors.map((w) => w.value).join(', ');
  const message = {
    unknown: () => `factors must each be one of ${allowed}: "${problem.kind === 'unknown' ? problem.value : ''}" is not`,
    none_with_others: () => 'factors cannot hold none (no factors identified) with other factors',
    repeated: () => `factors holds ${problem.kind === 'repeated' ? problem.value : ''} more than once`,
  }[problem.kind]();
  ctx.addIssue({ code: 'custom', message });
});

/**
 * Whether the child had left care before through adoption, special guardianship or a child
 * arrangements order (src/domain/inCare/previousPermanence.ts), for the SSDA903 return: asked on
 * the page, optional for history, checked when present.
 */
const previousPermanence = z.unknown().optional().superRefine((value, ctx) => {
  if (value === undefined) return;
  const problem = storedPreviousPermanenceProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const coreEventTypes: readonly EventTypeDefinition[] = [
  {
    type: 'child.registered',
    title: 'Child added',
    data: passthrough({
      name: z.string({ error: 'name is needed to add a child' }).trim().min(1, 'name is needed to add a child').max(200).optional(),
      dateOfBirth: z.iso.date({ error: 'dateOfBirth must be a real date written YYYY-MM-DD' }).optional(),
    }),
  },
  {
    type: 'contact.received',
    title: 'Contact received',
    recordedOn: 'front-door',
    data: passthrough({ recordedAt: z.iso.datetime({ offset: true, error: 'recordedAt must be an ISO-8601 instant with an offset' }).optional() }),
  },
  {
    type: 'mash_enquiry.started',
    title: 'MASH enquiry started',
    recordedOn: 'front-door',
    data: passthrough({ grade: z.enum(['red', 'amber'], { error: 'grade must be red or amber' }) }),
  },
  { type: 'mash_enquiry.completed', title: 'MASH enquiry completed', after: [{ type: 'mash_enquiry.started' }], recordedOn: 'front-door' },
  { type: 'contact.consent_recorded', title: "A parent's consent to share information recorded", after: [{ type: 'contact.received' }], recordedOn: 'front-door' },
  { type: 'document.attached', title: "Document attached to the child's record", recordedOn: 'case-record' },
  { type: 'contact.document_attached', title: 'Document attached to a contact', after: [{ type: 'contact.received' }], recordedOn: 'front-door' },
  {
    type: 'threshold.decided',
    title: 'Threshold decision',
    recordedOn: 'front-door',
    data: passthrough({
      outcome: z.enum(['no_further_action', 'early_help', 'assessment', 'strategy_discussion'], {
        error: 'outcome must be no_further_action, early_help, assessment or strategy_discussion',
      }),
      // The child's primary need as it looked at the referral (issue 10, cin-census/rules.csv 8610):
      // asked on the page for an assessment or a strategy discussion, optional here so that history imports.
      primaryNeed: recordedWord('primaryNeed', primaryNeeds).optional(),
    }),
  },
  { type: 'assessment.allocated', title: 'Child and Family Assessment allocated' },
  {
    type: 'assessment.child_seen',
    title: 'Child seen for the assessment',
    during: 'assessment',
    // Issue 4: "child seen (seen alone or why not)"; optional, so history without it imports.
    data: passthrough({
      seenAlone: yesNo('seenAlone'),
      whyNotSeenAlone: z.string().trim().max(1000, 'whyNotSeenAlone must be at most 1,000 characters').optional(),
    }).refine((d) => d.seenAlone !== false || Boolean(d.whyNotSeenAlone), { path: ['whyNotSeenAlone'], message: 'Say why the child was not seen alone' }),
  },
  {
    type: 'assessment.completed',
    title: 'Child and Family Assessment completed (signed off by a manager)',
    during: 'assessment',
    recordedOn: 'assessment',
    // What the CIN census needs of it (issue 10): asked at sign-off, optional here so that history imports without them.
    data: passthrough({ primaryNeed: recordedWord('primaryNeed', primaryNeeds).optional(), factors: factorsRecorded.optional() }),
  },
  {
    type: 'strategy.discussion_held',
    title: 'Strategy discussion held',
    recordedOn: 'strategy',
    data: passthrough({ section47ThresholdMet: z.boolean({ error: 'section47ThresholdMet must be true or false' }).optional() }),
  },
  { type: 'strategy.minutes_distributed', title: 'Strategy discussion minutes distributed', after: [{ type: 'strategy.discussion_held' }], recordedOn: 'strategy' },
  // Recorded on the enquiry's page (src/modules/section47/).
  { type: 's47.started', title: 'Section 47 enquiry started', recordedOn: 'section-47' },
  { type: 's47.child_visited', title: 'Child visited for the Section 47 enquiry', during: 'section-47', recordedOn: 'section-47' },
  {
    type: 's47.completed',
    title: 'Section 47 enquiry completed',
    during: 'section-47',
    recordedOn: 'section-47',
    data: passthrough({
      outcome: z.enum(['initial_conference', 'child_in_need_plan', 'no_further_action'], { error: 'outcome must be initial_conference, child_in_need_plan or no_further_action' }).optional(),
    }),
  },
  {
    type: 'cp.conference_held',
    title: 'Child protection conference held',
    // Only the chair records a conference's decision (issue 5); its own page asks the whole decision.
    permission: 'conference:chair',
    data: passthrough({
      kind: z.enum(['initial', 'review'], { error: 'kind must be initial or review' }),
      planMade: z.boolean().optional(),
      planContinues: z.boolean().optional(),
      category: z.enum(['neglect', 'physical', 'sexual', 'emotional', 'multiple'], { error: 'category must be neglect, physical, sexual, emotional or multiple' }).optional(),
    }),
  },
  // Recorded on the conference's page (src/modules/conference/); a plan ends only by a review conference's decision.
  { type: 'cp.decision_circulated', title: 'Conference decision circulated', after: [{ type: 'cp.conference_held' }], recordedOn: 'conference' },
  { type: 'cp.core_group_held', title: 'Core group meeting held', during: 'cp-plan', recordedOn: 'core-groups' },
  { type: 'cp.visit', title: 'Child protection visit', during: 'cp-plan', data: visit },
  { type: 'cp.plan_ended', title: 'Child protection plan ended', during: 'cp-plan', recordedOn: 'conference' },
  { type: 'cin.plan_started', title: 'Child in need plan started', recordedOn: 'cin-plan' },
  { type: 'cin.visit', title: 'Child in need visit', during: 'cin-plan', data: visit },
  { type: 'cin.review_held', title: 'Child in need review held', during: 'cin-plan', recordedOn: 'cin-plan' },
  { type: 'cin.plan_ended', title: 'Child in need plan ended', during: 'cin-plan', recordedOn: 'cin-plan' },
  { type: 'cic.started', title: 'Became looked after', data: passthrough({ legalStatus, previousPermanence }), recordedOn: 'in-care' },
  { type: 'cic.legal_status_changed', title: 'Legal status changed', during: 'in-care', data: passthrough({ legalStatus }), recordedOn: 'in-care' },
  { type: 'cic.notification_sent', title: 'Child in care notification sent', during: 'in-care' },
  { type: 'cic.iro_appointed', title: 'Independent reviewing officer appointed', during: 'in-care', recordedOn: 'in-care' },
  { type: 'cic.information_given', title: 'Child given information on advocacy, independent visitors or complaints', during: 'in-care', recordedOn: 'in-care' },
  {
    type: 'cic.placement_started',
    title: 'Placement started',
    during: 'in-care',
    // What the Resource Service's rules read of a placement (resource-service-policy.txt 1.2, 4.1, 4.4).
    data: passthrough({
      setting: z.enum(placementSettings, { error: `setting must be one of ${placementSettings.join(', ')}` }).optional(),
      placementId: z.string({ error: 'placementId must be text' }).trim().min(1).max(100).optional(),
      complexNeeds: yesNo('complexNeeds'),
      riskOfDisruption: yesNo('riskOfDisruption'),
      // A move from one placement to another during a period of care, not its first placement (Children in Care 36).
      move: yesNo('move'),
    }),
    // Recorded on the In care and Placements pages, where the provider rule and the agreement to a move are checked (issue 7).
    recordedOn: 'placements',
  },
  { type: 'cic.placement_ended', title: 'Placement ended', during: 'in-care', after: [{ type: 'cic.placement_started' }], recordedOn: 'placements' },
  { type: 'cic.placement_planning_meeting_held', title: 'Placement planning meeting held', during: 'in-care', recordedOn: 'placements' },
  { type: 'cic.care_plan_completed', title: 'Care plan completed', during: 'in-care', recordedOn: 'in-care' },
  { type: 'cic.health_assessment_completed', title: 'Health assessment completed', during: 'in-care' },
  { type: 'cic.sdq_completed', title: 'Strengths and Difficulties Questionnaire completed with the carer', during: 'in-care', recordedOn: 'health-education' },
  { type: 'cic.health_check_completed', title: 'Dental, optician or medical check completed', during: 'in-care', recordedOn: 'health-education' },
  {
    type: 'cic.sdq_not_completed',
    title: 'Strengths and Difficulties Questionnaire not completed',
    during: 'in-care',
    recordedOn: 'health-education',
    // Why there is no SDQ score (the SSDA903 SDQ_REASON): asked on the page, optional for history.
    data: passthrough({ reason: z.enum(sdqNotDoneValues, { error: `reason must be one of ${sdqNotDoneValues.join(', ')}` }).optional() }),
  },
  {
    type: 'cic.health_outcomes_recorded',
    title: 'Health and wellbeing for the year recorded',
    during: 'in-care',
    recordedOn: 'health-education',
    // What the SSDA903 OC2 table asks of a child looked after for a year (domain/inCare/healthOutcomes.ts):
    // every answer optional so history imports, each one checked, and the intervention only after an identified problem.
    data: passthrough({
      immunisationsUpToDate: yesNo('immunisationsUpToDate'),
      substanceMisuse: z.enum(substanceMisuseAnswers, { error: `substanceMisuse must be one of ${substanceMisuseAnswers.join(', ')}` }).optional(),
      intervention: z.enum(interventionValues, { error: `intervention must be one of ${interventionValues.join(', ')}` }).optional(),
      convicted: yesNo('convicted'),
    }).refine((d) => d.intervention === undefined || d.substanceMisuse === 'identified', { message: 'intervention is only recorded when substanceMisuse is identified', path: ['intervention'] }),
  },
  {
    type: 'cic.review_held',
    title: 'Child in care review held',
    during: 'in-care',
    recordedOn: 'cic-reviews',
    // The Resource and Care Panel's leaving-care rule reads these (resource-and-care-panel-policy.txt 1.4 g).
    data: passthrough({ lastBeforeEighteen: yesNo('lastBeforeEighteen'), externalPlacementAfterEighteen: yesNo('externalPlacementAfterEighteen') }),
  },
  { type: 'cic.visit', title: 'Child in care visit', during: 'in-care', data: visit },
  { type: 'cic.missing_started', title: 'Went missing', recordedOn: 'missing' },
  { type: 'cic.missing_ended', title: 'Returned from missing', during: 'missing', recordedOn: 'missing' },
  { type: 'cic.return_interview_held', title: 'Return home interview held', after: [{ type: 'cic.missing_ended' }], recordedOn: 'missing' },
  { type: 'cic.ended', title: 'Stopped being looked after', during: 'in-care', recordedOn: 'in-care' },
  { type: 'care_leaver.pa_allocated', title: 'Personal adviser allocated', recordedOn: 'care-leaver' },
  { type: 'care_leaver.returned_for_support', title: 'Former relevant young person over 21 returned to ask for support', recordedOn: 'care-leaver' },
  { type: 'care_leaver.contact', title: 'Personal adviser contact', during: 'care-leaver' },
  { type: 'care_leaver.pathway_plan_completed', title: 'Pathway plan completed', recordedOn: 'care-leaver' },
  { type: 'care_leaver.support_ended', title: 'Care leaver support ended', during: 'care-leaver' },
  // Allegations are recorded only on the LADO's pages (allegation:record), never from Record work (issue 11).
  { type: 'lado.allegation_received', title: 'Allegation received by the LADO', recordedOn: 'lado' },
  { type: 'lado.strategy_meeting_held', title: 'LADO strategy meeting held', during: 'allegation', recordedOn: 'lado' },
  { type: 'lado.allegation_concluded', title: 'Allegation concluded', during: 'allegation', recordedOn: 'lado' },
];

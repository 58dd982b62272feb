import { z } from 'zod';
import type { CatalogueFile } from '../catalogueTypes';
import { rules } from '../catalogueTypes';

/** practice-standards.txt, Section 2: Referral and Assessment Services. */
const document = 'practice-standards' as const;
const duty = { document, section: 'Section 2: Duty Team (MASH)' };
const assessment = { document, section: 'Section 2: Child and Family Assessment' };
const strategy = { document, section: 'Section 2: Strategy Discussions' };
const s47 = { document, section: 'Section 2: Section 47 Enquiries' };
const cpPlans = { document, section: 'Section 2: Child Protection Plans and Reviews' };
const cinPlans = { document, section: 'Section 2: Child in Need Plans and Reviews' };
const cinClosures = { document, section: 'Section 2: Case closures and step-down from long-term teams following a CIN plan' };
const dtaStepDown = { document, section: 'Section 2: Step down from DTA to Early Help following an assessment' };
const safetyPlanning = { document, section: 'Section 2: Safety Planning' };
const parallelPlanning = { document, section: 'Section 2: Parallel Planning for Adoption' };

const passthrough = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const closureOutcome = z.enum(['close', 'step_down'], { error: 'outcome must be close or step_down' });

/** A decision or a strategy-discussion decision on an open case: both start the strategy discussion clock. */
const strategyDecided = [{ type: 'threshold.decided', where: { outcome: 'strategy_discussion' } }, { type: 'strategy.discussion_decided' }] as const;
/** The new information the strategy discussion clock counts from: a contact, or information on an open case. */
const newInformation = [{ type: 'contact.received' }, { type: 'strategy.new_information_received' }] as const;
const s47ThresholdMet = [{ type: 'strategy.discussion_held', where: { section47ThresholdMet: true } }] as const;

export const section2: CatalogueFile = {
  eventTypes: [
    {
      type: 'threshold.recommended',
      title: 'Threshold recommendation made',
      during: 'contact',
      data: passthrough({
        outcome: z.enum(['no_further_action', 'early_help', 'assessment', 'strategy_discussion'], {
          error: 'outcome must be no_further_action, early_help, assessment or strategy_discussion',
        }),
      }),
    },
    {
      type: 'assessment.reminder_sent',
      title: 'Day 23 reminder of the assessment sent to the assistant team manager',
      after: [{ type: 'threshold.decided', where: { outcome: 'assessment' } }],
    },
    { type: 'assessment.case_reviewed', title: 'Case reviewed after allocation (draft Danger Statement and Safety Goals)', during: 'assessment' },
    { type: 'assessment.agency_checks_completed', title: 'Agency checks completed for the assessment', during: 'assessment' },
    { type: 'assessment.progress_reviewed', title: 'Progress of the assessment reviewed with the assistant team manager', during: 'assessment' },
    { type: 'assessment.family_network_meeting_considered', title: 'Family Network Meeting considered', during: 'assessment' },
    { type: 'assessment.extension_requested', title: 'Extension of the assessment requested from the team manager', during: 'assessment' },
    { type: 'assessment.extension_agreed', title: 'Extension of the assessment agreed', during: 'assessment' },
    { type: 'cin.plan_amendments_signed_off', title: 'Amendments to the child in need plan signed off', after: [{ type: 'cin.review_held' }] },
    { type: 'cin.review_record_signed_off', title: 'Child in need review record signed off', after: [{ type: 'cin.review_held' }] },
    { type: 'supervision.case_discussed', title: 'Case discussed in formal case supervision' },
    { type: 'oversight.recorded', title: 'Management oversight recorded' },
    {
      type: 'closure.decided',
      title: 'Management decision to close the case or step it down to Early Help',
      data: passthrough({ outcome: closureOutcome }),
    },
    { type: 'closure.casework_recorded', title: 'Case work recorded before closure (letters, chronology, case summary)', after: [{ type: 'closure.decided' }] },
    {
      type: 'closure.workflow_started',
      title: 'Case closure workflow triggered and allocated to a social worker',
      after: [{ type: 'closure.decided' }],
      data: passthrough({ outcome: closureOutcome }),
    },
    { type: 'closure.workflow_submitted', title: 'Case closure workflow or step-down form completed and sent to a manager', after: [{ type: 'closure.workflow_started' }] },
    { type: 'closure.copied_to_siblings', title: 'Case closure workflow copied to siblings', after: [{ type: 'closure.workflow_started' }] },
    { type: 'closure.completed', title: 'Case closed', after: [{ type: 'closure.decided' }] },
    { type: 'closure.end_dates_checked', title: 'End dates of involvement checked after closure', after: [{ type: 'closure.completed' }] },
    { type: 'closure.letters_sent', title: 'Closure letters sent to parents and professionals', after: [{ type: 'closure.completed' }] },
    { type: 'step_down.agreed', title: 'Step down to Early Help agreed during the assessment', during: 'assessment' },
    { type: 'step_down.consent_sought', title: 'Conclusions shared and consent sought to share them with Early Help', during: 'dta-step-down' },
    { type: 'step_down.transfer_meeting_held', title: 'Case Transfer Meeting held', during: 'dta-step-down' },
    { type: 'step_down.transfer_document_circulated', title: 'Case Transfer Document circulated', during: 'dta-step-down' },
    { type: 'step_down.early_help_worker_named', title: 'Early Help worker named', during: 'dta-step-down', after: [{ type: 'step_down.transfer_meeting_held' }] },
    { type: 'step_down.joint_meeting_held', title: 'Joint Team Around the Family meeting or home visit held', during: 'dta-step-down' },
    { type: 'step_down.withdrawn', title: 'Step down to Early Help withdrawn', during: 'dta-step-down' },
    { type: 'strategy.new_information_received', title: 'New information received that prompts a review of threshold' },
    { type: 'strategy.discussion_decided', title: 'Decision to hold a strategy discussion' },
    { type: 'strategy.workflow_triggered', title: 'Strategy discussion workflow triggered', after: strategyDecided },
    { type: 'strategy.police_referral_made', title: 'Referral made to the Police Enquiry Centre', after: strategyDecided },
    { type: 'strategy.actions_circulated', title: 'Strategy discussion actions circulated', after: [{ type: 'strategy.discussion_held' }] },
    { type: 'strategy.cp_admin_advised', title: 'Child Protection Admin Team advised of the Section 47 threshold', after: [{ type: 'strategy.discussion_held' }] },
    { type: 's47.safety_plan_agreed', title: 'Safety plan agreed with the family for the Section 47 enquiry', after: [{ type: 'strategy.discussion_held' }] },
    { type: 's47.agency_checks_completed', title: 'Agency checks completed for the Section 47 enquiry', after: [{ type: 'strategy.discussion_held' }] },
    { type: 'cp.core_group_record_signed_off', title: 'Core group record signed off and sent to attendees', after: [{ type: 'cp.core_group_held' }] },
    { type: 'cp.conference_report_signed_off', title: 'Report to the review conference signed off by the manager', during: 'cp-plan' },
    { type: 'safety_plan.concluded', title: 'Safety plan concluded and signed by the network' },
    { type: 'adoption.parallel_planning_agreed', title: 'Parallel planning for adoption agreed', during: 'in-care' },
    { type: 'adoption.parallel_planning_ended', title: 'Parallel planning for adoption ended', during: 'parallel-planning' },
    { type: 'adoption.cpr_completed', title: 'Child Permanence Report completed by the social worker', during: 'parallel-planning' },
    { type: 'adoption.cpr_finalisation_meeting_held', title: 'Meeting with Adopt Thames Valley to finalise the Child Permanence Report', during: 'parallel-planning' },
    { type: 'adoption.cpr_sent_to_adm', title: 'Child Permanence Report sent to the Agency Decision Maker', during: 'parallel-planning' },
    { type: 'adoption.final_evidence_sent_to_manager', title: 'Final evidence and care plan sent to the manager', during: 'parallel-planning' },
    { type: 'court.final_evidence_filed', title: 'Final evidence and care plan filed with the court' },
  ],
  episodes: [
    {
      id: 'dta-step-down',
      title: 'A step down to Early Help agreed during an assessment, until the joint meeting with the Early Help worker',
      starts: [{ type: 'step_down.agreed' }],
      ends: [{ type: 'step_down.joint_meeting_held' }, { type: 'step_down.withdrawn' }],
    },
    {
      id: 'parallel-planning',
      title: 'Parallel planning for adoption, from the decision to use it until it ends',
      starts: [{ type: 'adoption.parallel_planning_agreed' }],
      ends: [{ type: 'adoption.parallel_planning_ended' }],
    },
  ],
  notModelled: [
    {
      citation: { ...strategy, paragraph: '7' },
      quote: 'Once the minutes are received by the attending agencies, they will be provided with 5 working days to submit any amendments.',
      reason:
        "A window for partner agencies, who may have no amendments: nothing is owed by Hearth's staff, and the engine cannot test an optional event against a clock that started before it except by when it was recorded.",
    },
    {
      citation: { ...cpPlans, paragraph: '6' },
      quote: "At a minimum the children's bedrooms will be seen once in every three visits.",
      reason: 'Counts visits, not time: the engine has no shape for "one in every three of these events".',
    },
    {
      citation: { ...parallelPlanning, paragraph: '5' },
      quote: 'These dates will need to allow sufficient time for sign-off of the CPR, and will also need to give consideration to the 26 week time limit for care proceedings.',
      reason: "The 26 week limit is the court's for the proceedings, which the standard only asks the social worker to bear in mind; the steps it does time (paragraphs 8 and 9) are rules.",
    },
  ],
  rules: rules([
    {
      id: 'front-door.contact-recorded',
      kind: 'after',
      title: 'Contact recorded within 1 hour of being received',
      citation: { ...duty, paragraph: '1' },
      quote:
        'A Safeguarding Administrator will add the new contact/referral record to Mosaic within one hour … the Social Worker who receives the call … will do so within one hour of receiving the call.',
      notes:
        "The contact's own time is when it was received; it is met by recording it. The recording time is the event's `data.recordedAt` when given (an import from another system), otherwise when it was recorded in Hearth.",
      responsible: 'business-support',
      starts: [{ type: 'contact.received' }],
      satisfiedBy: [],
      satisfiedByRecording: true,
      within: { amount: 1, unit: 'hours' },
    },
    {
      id: 'front-door.mash-enquiry-red',
      kind: 'after',
      title: 'Red MASH enquiry checks received within 4 hours',
      citation: { ...duty, paragraph: '3' },
      quote: 'Red grading will require that checks are received within 4 hours.',
      notes: 'An enquiry and its completion are tied by `data.enquiryId` when both carry one.',
      responsible: 'social-worker',
      starts: [{ type: 'mash_enquiry.started', where: { grade: 'red' } }],
      satisfiedBy: [{ type: 'mash_enquiry.completed' }],
      correlate: 'enquiryId',
      within: { amount: 4, unit: 'hours' },
    },
    {
      id: 'front-door.mash-enquiry-amber',
      kind: 'after',
      title: 'Amber MASH enquiry checks received within 24 hours',
      citation: { ...duty, paragraph: '3' },
      quote: 'Amber grading will require that checks are received within 24 hours.',
      notes: 'An enquiry and its completion are tied by `data.enquiryId` when both carry one.',
      responsible: 'social-worker',
      starts: [{ type: 'mash_enquiry.started', where: { grade: 'amber' } }],
      satisfiedBy: [{ type: 'mash_enquiry.completed' }],
      correlate: 'enquiryId',
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 'front-door.threshold-decision',
      kind: 'after',
      title: 'Threshold decision within 24 hours of the contact',
      citation: { ...assessment, paragraph: '1' },
      quote: 'A decision will be made about the need for a Child and Family Assessment by the Duty Manager within 24 hours of the contact or referral being made.',
      responsible: 'team-manager',
      starts: [{ type: 'contact.received' }],
      satisfiedBy: [{ type: 'threshold.decided' }],
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 'assessment.complete',
      kind: 'after',
      title: 'Child and Family Assessment completed within 45 working days of the contact',
      citation: { ...assessment, paragraph: '1' },
      quote:
        'The timescale for an assessment starts on Day 2. It is expected that the majority of assessments will be completed within 25 days of allocation but in some circumstances, an extension can be agreed up to 45 days.',
      notes:
        "Read as 45 working days (Section 2, Step down from DTA to Early Help 1: 'The assessment will be completed within 45 working days'), counted from the contact whose threshold decision asked for the assessment. The local expectation of 25 days from allocation is a rule of its own.",
      responsible: 'social-worker',
      starts: [{ type: 'threshold.decided', where: { outcome: 'assessment' } }],
      countFrom: [{ type: 'contact.received' }],
      satisfiedBy: [{ type: 'assessment.completed' }],
      within: { amount: 45, unit: 'working-days' },
    },
    {
      id: 'strategy.minutes',
      kind: 'after',
      title: 'Strategy meeting minutes distributed within 24 hours',
      citation: { ...strategy, paragraph: '6' },
      quote: 'The minutes of the meeting will be written by the Chair (or Admin Team), uploaded to Mosaic and distributed to attending agencies within 24 hours.',
      responsible: 'assistant-team-manager',
      starts: [{ type: 'strategy.discussion_held' }],
      satisfiedBy: [{ type: 'strategy.minutes_distributed' }],
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 's47.child-visited',
      kind: 'after',
      title: 'Child visited within 24 hours of the Section 47 threshold decision',
      citation: { ...s47, paragraph: '2' },
      quote:
        'As a minimum standard the allocated Social Worker will visit the family and child within 24 hours of the threshold decision being made, and with the consent of the parents will see the child alone.',
      notes: 'The threshold decision is the strategy discussion that found the Section 47 threshold met (`data.section47ThresholdMet`).',
      responsible: 'social-worker',
      starts: [{ type: 'strategy.discussion_held', where: { section47ThresholdMet: true } }],
      satisfiedBy: [{ type: 's47.child_visited' }],
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 's47.complete',
      kind: 'after',
      title: 'Section 47 enquiry completed within 5 working days of the strategy discussion',
      citation: { ...s47, paragraph: '5' },
      quote: 'The Social Worker will complete the Section 47 workflow on Mosaic, with recommendations for next steps indicated within 5 working days of the Strategy Meeting being held.',
      responsible: 'social-worker',
      starts: [{ type: 'strategy.discussion_held', where: { section47ThresholdMet: true } }],
      satisfiedBy: [{ type: 's47.completed' }],
      within: { amount: 5, unit: 'working-days' },
    },
    {
      id: 'cp.visit',
      kind: 'recurring',
      title: 'Child protection visit at least every 10 working days',
      citation: { ...cpPlans, paragraph: '1' },
      quote: 'The frequency of visits to children subject to Child Protection plans need to be at a minimum of once every 10 working days.',
      notes: 'The first visit is due 10 working days from the conference that made the plan; each later one 10 working days from the last visit. The plan ending cancels the next.',
      responsible: 'social-worker',
      starts: [{ type: 'cp.conference_held', where: { planMade: true } }],
      satisfiedBy: [{ type: 'cp.visit' }],
      episode: 'cp-plan',
      every: { amount: 10, unit: 'working-days' },
    },
    {
      id: 'cp.first-core-group',
      kind: 'after',
      title: 'First core group within 10 working days of the initial conference',
      citation: { ...cpPlans, paragraph: '8' },
      quote: 'The first core group meeting following the Initial Child Protection Conference will be held within 10 working days of the Conference.',
      responsible: 'social-worker',
      starts: [{ type: 'cp.conference_held', where: { kind: 'initial', planMade: true } }],
      satisfiedBy: [{ type: 'cp.core_group_held' }],
      episode: 'cp-plan',
      within: { amount: 10, unit: 'working-days' },
    },
    {
      id: 'cp.core-group',
      kind: 'recurring',
      title: 'Core group at least every 6 weeks',
      citation: { ...cpPlans, paragraph: '9' },
      quote: 'Thereafter, core group meetings will be held at a minimum of every 6 weeks.',
      notes: 'Counted from the first core group of the plan, then from each one held.',
      responsible: 'social-worker',
      starts: [{ type: 'cp.core_group_held' }],
      occurrence: 1,
      satisfiedBy: [{ type: 'cp.core_group_held' }],
      episode: 'cp-plan',
      every: { amount: 6, unit: 'weeks' },
    },
    {
      id: 'cin.visit',
      kind: 'recurring',
      title: 'Child in need visit at least every 15 working days',
      citation: { ...cinPlans, paragraph: '1' },
      quote: 'The frequency of visits to children subject to Child in Need plans will ordinarily be at a minimum of 15 working days/three weeks.',
      notes: 'From the start of the plan, then from each visit. The plan ending cancels the next.',
      responsible: 'social-worker',
      starts: [{ type: 'cin.plan_started' }],
      satisfiedBy: [{ type: 'cin.visit' }],
      episode: 'cin-plan',
      every: { amount: 15, unit: 'working-days' },
    },
    {
      id: 'cin.review',
      kind: 'recurring',
      title: 'Child in need review at least every 6 weeks',
      citation: { ...cinPlans, paragraph: '7' },
      quote: 'CIN reviews will be held at a minimum of every six weeks.',
      responsible: 'social-worker',
      starts: [{ type: 'cin.plan_started' }],
      satisfiedBy: [{ type: 'cin.review_held' }],
      episode: 'cin-plan',
      every: { amount: 6, unit: 'weeks' },
    },
  ]),
};

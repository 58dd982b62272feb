import { z } from 'zod';
import type { EventMatch } from '../../domain/standards/rule';
import type { CatalogueFile } from '../catalogueTypes';
import { rules } from '../catalogueTypes';

/** practice-standards.txt, Section 5: Overarching Standards for Practitioners, Recording Standards. */
const document = 'practice-standards' as const;
const recording = { document, section: 'Section 5: Recording Standards' };
const table = 'Recording Timescales Table';
const cpTable = 'Recording Timescales Table: Child Protection';
const cicTable = 'Recording Timescales Table: Child in Care and Care Leavers';

/**
 * What opens a case to children's social care, for "the case start date" of the Recording
 * Timescales Table: the first assessment, Section 47 enquiry, plan or period in care.
 */
export const socialCareCaseStarts: readonly EventMatch[] = [
  { type: 'assessment.allocated' },
  { type: 's47.started' },
  { type: 'cin.plan_started' },
  { type: 'cp.conference_held', where: { planMade: true } },
  { type: 'cic.started' },
];

/** Kinds of case note (issue 4: "case notes with types"). */
export const caseNoteTypes = ['home_visit', 'office_visit', 'phone_call', 'email_or_letter', 'meeting', 'direct_work', 'management', 'other'] as const;

export const section5: CatalogueFile = {
  eventTypes: [
    { type: 'chronology.updated', title: 'Chronology reviewed and brought up to date', recordedOn: 'case-record' },
    { type: 'case_summary.updated', title: 'Case summary updated', recordedOn: 'case-record' },
    { type: 'case.significant_event_occurred', title: 'Significant event in the case', recordedOn: 'case-record' },
    {
      type: 'case_note.recorded',
      title: 'Case note',
      recordedOn: 'case-record',
      data: z.looseObject({ noteType: z.enum(caseNoteTypes, { error: `noteType must be one of ${caseNoteTypes.join(', ')}` }).optional(), significant: z.boolean().optional() }),
    },
    { type: 'supervision.worker_signed', title: 'Case supervision record signed by the worker', after: [{ type: 'supervision.case_discussed' }], recordedOn: 'case-record' },
    { type: 'cp.chair_checklist_completed', title: "Conference chair's checklist completed", after: [{ type: 'cp.conference_held' }], recordedOn: 'conference' },
    { type: 'cic.placement_plan_completed', title: 'Placement plan completed', during: 'in-care' },
  ],
  episodes: [
    {
      id: 'social-care-case',
      title: "A case open to children's social care, from its first assessment, enquiry, plan or period in care until it is closed",
      starts: socialCareCaseStarts,
      ends: [{ type: 'closure.completed' }],
    },
  ],
  notModelled: [
    {
      citation: { ...recording, paragraph: '4' },
      quote: 'At the latest, unless specifically detailed in the tables below, records should be updated within two working days.',
      reason:
        'A default for every record no other standard times, whatever its type: the engine opens obligations only from the event types a rule names. The timescales the tables and Sections 1–4 set for particular records are rules.',
    },
  ],
  rules: rules([
    {
      id: 'recording.contact-referral',
      kind: 'after',
      title: 'Contact or referral recorded within 24 hours',
      citation: { ...recording, paragraph: `${table}: Contact & Referral` },
      quote: 'Contact & Referral — CH – Contact / Referral Record — Within 24 Hours.',
      notes:
        "Off by default: Section 2 (Duty Team 1) has the contact added to the record within one hour (front-door.contact-recorded), the more specific standard; meeting it meets this. Met by recording the contact: its `data.recordedAt`, or when it was recorded in Hearth.",
      responsible: 'business-support',
      starts: [{ type: 'contact.received' }],
      satisfiedBy: [],
      satisfiedByRecording: true,
      within: { amount: 24, unit: 'hours' },
      enabled: false,
      alternativeTo: 'front-door.contact-recorded',
    },
    {
      id: 'recording.assessment',
      kind: 'after',
      title: 'Child and Family Assessment recorded within 5 working days of its completion',
      citation: { ...recording, paragraph: `${table}: Child & Family Assessment` },
      quote: 'Child & Family Assessment — Within 45 days of referral date, or within 5 working days of assessment completion.',
      notes:
        'Met by recording the completed assessment (its `data.recordedAt`, or when it was recorded in Hearth) within 5 working days of its completion. Completing it within 45 working days of the referral is assessment.complete (Section 2).',
      responsible: 'social-worker',
      starts: [{ type: 'assessment.completed' }],
      satisfiedBy: [],
      satisfiedByRecording: true,
      within: { amount: 5, unit: 'working-days' },
    },
    {
      id: 'recording.chronology',
      kind: 'recurring',
      title: 'Chronology recorded at least every 3 months',
      citation: { ...recording, paragraph: `${table}: Chronology` },
      quote:
        'Chronology — CH – Start / Update Chronology — Within 3 months of previous chronology / case start date. Chronologies must be recorded every 3 months, even when no significant incident has taken place within that time.',
      notes:
        "From the case start (its first assessment, enquiry, plan or period in care), then from each update, until the case is closed. Children with Disabilities 28 and Children in Care 39 set the same. For care leavers Section 3 (Care Leavers 8) sets 6 months, and early help cases have their own (Section 1).",
      responsible: 'social-worker',
      starts: socialCareCaseStarts,
      satisfiedBy: [{ type: 'chronology.updated' }],
      episode: 'social-care-case',
      every: { amount: 3, unit: 'months' },
    },
    {
      id: 'recording.supervision',
      kind: 'after',
      title: 'Case supervision recorded within 5 working days',
      citation: { ...recording, paragraph: `${table}: Supervision` },
      quote: 'Supervision — CH – Case Supervision (CH Case Supervision (1:1)) — Within 5 working days of supervision.',
      notes:
        "Met by recording the supervision (its `data.recordedAt`, or when it was recorded in Hearth). Section 3 (Children in Care 43) asks for a child in care's supervision to be recorded within 48 hours, which is stricter and meets this one too.",
      responsible: 'assistant-team-manager',
      starts: [{ type: 'supervision.case_discussed' }],
      satisfiedBy: [],
      satisfiedByRecording: true,
      within: { amount: 5, unit: 'working-days' },
    },
    {
      id: 'recording.case-summary',
      kind: 'recurring',
      title: 'Case summary updated at least every 3 months',
      citation: { ...recording, paragraph: `${table}: Case Summaries` },
      quote: 'Case Summaries — CH – Case Summary — Every 3 months, or within 5 working days of a significant event.',
      notes:
        'From the case start (its first assessment, enquiry, plan or period in care), then from each update, until the case is closed. Children with Disabilities 27 sets the same. After a significant event, see recording.case-summary-significant-event.',
      responsible: 'social-worker',
      starts: socialCareCaseStarts,
      satisfiedBy: [{ type: 'case_summary.updated' }],
      episode: 'social-care-case',
      every: { amount: 3, unit: 'months' },
    },
    {
      id: 'recording.case-summary-significant-event',
      kind: 'after',
      title: 'Case summary updated within 5 working days of a significant event',
      citation: { ...recording, paragraph: `${table}: Case Summaries` },
      quote: 'Case Summaries — CH – Case Summary — Every 3 months, or within 5 working days of a significant event.',
      responsible: 'social-worker',
      starts: [{ type: 'case.significant_event_occurred' }],
      satisfiedBy: [{ type: 'case_summary.updated' }],
      episode: 'social-care-case',
      within: { amount: 5, unit: 'working-days' },
    },
    {
      id: 'recording.strategy-discussion',
      kind: 'after',
      title: 'Strategy discussion recorded within 24 hours of the meeting',
      citation: { ...recording, paragraph: `${cpTable}: Initial Strategy Discussion/Meeting` },
      quote: 'Initial Strategy Discussion/Meeting — CH – Strategy Discussion — Within 24 Hours of meeting.',
      notes: "Met by recording the discussion (its `data.recordedAt`, or when it was recorded in Hearth). Distributing the minutes within 24 hours is strategy.minutes (Section 2).",
      responsible: 'assistant-team-manager',
      starts: [{ type: 'strategy.discussion_held' }],
      satisfiedBy: [],
      satisfiedByRecording: true,
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 'recording.icpc-report',
      kind: 'before-event',
      title: 'Report for the initial conference prepared 2 working days before it',
      citation: { ...recording, paragraph: `${cpTable}: Initial Child Protection Conference` },
      quote: 'Initial Child Protection Conference — CH – Prepare Report for Initial CP Conference — 2 working days prior to the conference.',
      notes:
        "Off by default: Section 4 (Child Protection Conferences 4) has the report given to the chair at least 2 days before (cp.icpc-report-submitted), the standard about the conference itself. Known once the conference is recorded.",
      responsible: 'social-worker',
      starts: [{ type: 'cp.conference_held', where: { kind: 'initial' } }],
      satisfiedBy: [{ type: 'cp.conference_report_submitted' }],
      ahead: { amount: 2, unit: 'working-days' },
      enabled: false,
      alternativeTo: 'cp.icpc-report-submitted',
    },
    {
      id: 'recording.conference-outcome',
      kind: 'after',
      title: 'Outcome of a child protection conference recorded within 24 hours',
      citation: { ...recording, paragraph: `${cpTable}: Initial and Review Child Protection Conference` },
      quote:
        'CH – Initial Child Protection Conference (Initial Child Protection Conference Outcome) — Within 24 Hours of ICPC … CH – Review Child Protection Conference (Review Child Protection Conference Outcome) — Within 24 Hours of RCPC.',
      notes: "Met by recording the conference and its outcome (its `data.recordedAt`, or when it was recorded in Hearth), for initial and review conferences alike.",
      responsible: 'cp-chair',
      starts: [{ type: 'cp.conference_held' }],
      satisfiedBy: [],
      satisfiedByRecording: true,
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 'recording.conference-chair-checklist',
      kind: 'after',
      title: "Conference chair's checklist completed within 24 hours",
      citation: { ...recording, paragraph: `${cpTable}: Initial and Review Child Protection Conference` },
      quote: 'CH – Initial Child Protection Conference (Conference Chair Checklist) — Within 24 Hours of ICPC … CH – Review Child Protection Conference (Conference Chair Checklist) — Within 24 Hours of RCPC.',
      notes: 'A conference and its checklist are tied by `data.conferenceId` when both carry one.',
      responsible: 'cp-chair',
      starts: [{ type: 'cp.conference_held' }],
      satisfiedBy: [{ type: 'cp.chair_checklist_completed' }],
      correlate: 'conferenceId',
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 'recording.core-group',
      kind: 'after',
      title: 'Core group meeting recorded within 5 working days',
      citation: { ...recording, paragraph: `${cpTable}: Core Group Meeting` },
      quote: 'Core Group Meeting — CH – Core Group Meeting (Record of Core Group Meeting) — Within 5 working days of Core Group Meeting.',
      notes:
        'Met by recording the meeting (its `data.recordedAt`, or when it was recorded in Hearth). Signing the record off within two weeks is cp.core-group-record (Section 2).',
      responsible: 'social-worker',
      starts: [{ type: 'cp.core_group_held' }],
      satisfiedBy: [],
      satisfiedByRecording: true,
      within: { amount: 5, unit: 'working-days' },
    },
    {
      id: 'recording.cp-oversight',
      kind: 'after',
      title: 'Management oversight on a child protection plan recorded within 24 hours',
      citation: { ...recording, paragraph: `${cpTable}: Management Oversight relating to Child Protection` },
      quote: 'Management Oversight relating to Child Protection — Case Notes — Within 24 Hours.',
      notes: 'Met by recording the oversight (its `data.recordedAt`, or when it was recorded in Hearth) within 24 hours of when it was given, during a child protection plan; recording.s47-oversight covers Section 47 enquiries.',
      responsible: 'assistant-team-manager',
      starts: [{ type: 'oversight.recorded' }],
      satisfiedBy: [],
      satisfiedByRecording: true,
      episode: 'cp-plan',
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 'recording.s47-oversight',
      kind: 'after',
      title: 'Management oversight on a Section 47 enquiry recorded within 24 hours',
      citation: { ...recording, paragraph: `${cpTable}: Management Oversight relating to Child Protection` },
      quote: 'Management Oversight relating to Child Protection — Case Notes — Within 24 Hours.',
      notes: 'Met by recording the oversight (its `data.recordedAt`, or when it was recorded in Hearth) within 24 hours of when it was given, during a Section 47 enquiry.',
      responsible: 'assistant-team-manager',
      starts: [{ type: 'oversight.recorded' }],
      satisfiedBy: [],
      satisfiedByRecording: true,
      episode: 'section-47',
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 'recording.placement-plan',
      kind: 'after',
      title: 'Placement plan completed within 5 working days of the placement planning meeting',
      citation: { ...recording, paragraph: `${cicTable}: Placement Plan` },
      quote: "Placement Plan — CH – LAC Planning (Child / Young Person's Placement Plan) — Within 5 working days of the Placement Planning Meeting.",
      responsible: 'social-worker',
      starts: [{ type: 'cic.placement_planning_meeting_held' }],
      satisfiedBy: [{ type: 'cic.placement_plan_completed' }],
      episode: 'in-care',
      within: { amount: 5, unit: 'working-days' },
    },
    {
      id: 'recording.cic-review-record',
      kind: 'after',
      title: 'Record of a child in care review provided within 15 working days',
      citation: { ...recording, paragraph: `${cicTable}: Child in Care Review Meeting` },
      quote: 'CH – Record of Second LAC Review … CH – Record of Subsequent LAC Review (Decisions from the Child In Care Review) — Report provided within 15 working days of the review.',
      notes:
        "Off by default: Section 4 (Reviews for Children in Care 52) has the full written record distributed within 20 working days (cic.review-record), the IRO service's own standard. The table gives 15 working days for the second and later reviews; the engine cannot leave out the first, so, if chosen, every review opens one.",
      responsible: 'iro',
      starts: [{ type: 'cic.review_held' }],
      satisfiedBy: [{ type: 'cic.review_record_distributed' }],
      episode: 'in-care',
      within: { amount: 15, unit: 'working-days' },
      enabled: false,
      alternativeTo: 'cic.review-record',
    },
  ]),
};

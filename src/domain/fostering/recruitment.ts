import { addDays, addMonths, londonDate } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';
import { termsOf, type Terms } from './terms';

/**
 * Recruitment of foster carers (practice-standards.txt, Section 3 "Family Placement (Fostering)"
 * 1-20; specialist-service-statement.txt 7.4): an enquiry, the application with the whole
 * household, the statutory checks, preparation training, the assessment (6 months from the
 * completed application), the report shared two weeks before the Fostering Panel, the panel's
 * recommendation, the agency decision maker's decision (with a qualifying determination and the
 * Independent Review Mechanism when the ADM proposes not to approve), and the Foster Care
 * Agreement. Connected persons: viability assessments and temporary approval.
 *
 * Everything is read from the first applicant's event stream; nothing here does I/O.
 */
export const fosteringEvent = {
  enquiryReceived: 'fostering.enquiry_received',
  enquiryResponded: 'fostering.enquiry_responded',
  enquiryClosed: 'fostering.enquiry_closed',
  householdMemberAdded: 'fostering.household_member_added',
  memberInvolved: 'fostering.household_member_involved',
  applicationCompleted: 'fostering.application_completed',
  applicationWithdrawn: 'fostering.application_withdrawn',
  assessingWorkerAllocated: 'fostering.assessing_worker_allocated',
  checkRecorded: 'fostering.check_recorded',
  trainingAttended: 'fostering.training_attended',
  progressFeedback: 'fostering.progress_feedback_given',
  assessmentCompleted: 'fostering.assessment_completed',
  assessmentSignedOff: 'fostering.assessment_signed_off',
  reportShared: 'fostering.report_shared',
  applicantComments: 'fostering.applicant_comments_received',
  panelInvitation: 'fostering.panel_invitation_sent',
  panelConsidered: 'fostering.panel_considered',
  admDecided: 'fostering.adm_decided',
  qualifyingResponse: 'fostering.qualifying_determination_response',
  irmRecommendation: 'fostering.irm_recommendation',
  carerApproved: 'fostering.carer_approved',
  agreementSigned: 'fostering.agreement_signed',
  viabilityAssessed: 'fostering.viability_assessed',
  temporaryApprovalExtended: 'fostering.temporary_approval_extended',
  approvalEnded: 'fostering.approval_ended',
} as const;
export const recruitmentTypes: string[] = Object.values(fosteringEvent);

export const enquirySources = [
  { value: 'phone', text: 'Telephone' },
  { value: 'website', text: 'Website form' },
  { value: 'email', text: 'Email' },
  { value: 'event', text: 'Information event' },
  { value: 'referral', text: 'Referred by a foster carer' },
  { value: 'social_worker', text: "From a child's social worker (family and friends)" },
] as const;
export const enquiryInterests = [
  { value: 'mainstream', text: 'Fostering (mainstream)' },
  { value: 'connected_person', text: 'Caring for a child they know (family and friends)' },
  { value: 'short_breaks', text: 'Short breaks (Family Link)' },
] as const;
export const responseKinds = [
  { value: 'information_pack', text: 'Information pack sent' },
  { value: 'phone_call', text: 'Telephone conversation' },
  { value: 'initial_visit', text: 'Initial home visit' },
  { value: 'information_event', text: 'Invited to an information event' },
] as const;

export const householdRelationships = [
  { value: 'second_applicant', text: 'Second applicant (joint applicant)', adult: true, applicant: true, inHousehold: true },
  { value: 'adult_in_household', text: 'Other adult living in the household', adult: true, applicant: false, inHousehold: true },
  { value: 'adult_child_in_household', text: 'Adult son or daughter living at home', adult: true, applicant: false, inHousehold: true },
  { value: 'birth_child', text: 'Son or daughter under 18 living at home', adult: false, applicant: false, inHousehold: true },
  { value: 'fostered_or_adopted_child', text: 'Child fostered or previously adopted, living at home', adult: false, applicant: false, inHousehold: true },
  { value: 'adult_child_elsewhere', text: 'Adult son or daughter living elsewhere', adult: true, applicant: false, inHousehold: false },
] as const;
export type HouseholdRelationship = (typeof householdRelationships)[number]['value'];

/** The statutory checks (Family Placement 8; Fostering Services (England) Regulations 2011, Schedule 3). */
export const checkKinds = [
  { value: 'dbs', text: 'Enhanced DBS (criminal records) check', who: 'every adult in the household', renewYears: 3 },
  { value: 'health', text: 'Medical (health) assessment', who: 'each applicant', renewYears: null },
  { value: 'references', text: 'Personal references (at least two)', who: 'each applicant', renewYears: null },
  { value: 'local_authority', text: 'Local authority (children’s services) check', who: 'each applicant', renewYears: null },
  { value: 'employer', text: 'Employer reference', who: 'each applicant in work', renewYears: null },
  { value: 'previous_partners', text: 'Previous partners check', who: 'applicants with significant previous partners', renewYears: null },
] as const;
export type CheckKind = (typeof checkKinds)[number]['value'];
/** Checks every applicant must have before the assessment is complete; a DBS check for every adult in the household. */
export const requiredApplicantChecks: CheckKind[] = ['health', 'references', 'local_authority'];
export const checkOutcomes = [
  { value: 'satisfactory', text: 'Satisfactory' },
  { value: 'information_to_consider', text: 'Information to consider in the assessment' },
] as const;

export const trainingCourses = [
  { value: 'skills_to_foster', text: 'Skills to Foster (preparation training)' },
  { value: 'meet_carers', text: 'Meeting experienced foster carers' },
  { value: 'connected_carers', text: 'Preparation for family and friends carers' },
] as const;

export const recommendations = [
  { value: 'approve', text: 'Approve, with the terms below' },
  { value: 'not_approve', text: 'Do not approve' },
  { value: 'defer', text: 'Defer: more information needed' },
] as const;
export type Recommendation = (typeof recommendations)[number]['value'];
const isRecommendation = (v: unknown): v is Recommendation => recommendations.some((r) => r.value === v);

export const admDecisions = [
  { value: 'approve', text: 'Approve as a foster carer, with the terms below' },
  { value: 'qualifying_determination', text: 'Propose not to approve: give a qualifying determination' },
  { value: 'not_approve', text: 'Not approved (final decision)' },
] as const;
export type AdmDecision = (typeof admDecisions)[number]['value'];

export const qualifyingRoutes = [
  { value: 'representations', text: 'Written representations to the agency decision maker (the panel reconsiders)' },
  { value: 'irm', text: 'Applied to the Independent Review Mechanism (IRM)' },
  { value: 'none', text: 'No representations or IRM application within 28 days' },
] as const;
export type QualifyingRoute = (typeof qualifyingRoutes)[number]['value'];

/** Fostering Services (England) Regulations 2011 reg 27(4)-(6): 28 days to make representations or apply to the IRM. */
export const qualifyingDeterminationDays = 28;
/** Care Planning, Placement and Case Review (England) Regulations 2010 reg 24-25: temporary approval of a connected person for up to 16 weeks, extendable once by up to 8 weeks. */
export const temporaryApprovalWeeks = 16;
export const temporaryExtensionWeeks = 8;

export interface HouseholdMember {
  memberId: string;
  name: string;
  relationship: HouseholdRelationship | 'first_applicant';
  dateOfBirth: string | null;
  adult: boolean;
  applicant: boolean;
  inHousehold: boolean;
  involved: { on: string; how: string }[];
}

export interface CheckRecord {
  eventId: string;
  memberId: string;
  check: CheckKind;
  completedOn: string;
  outcome: string;
  renewOn: string | null;
  notes: string | null;
}

export type Stage =
  | 'none'
  | 'enquiry'
  | 'enquiry_closed'
  | 'viability'
  | 'temporarily_approved'
  | 'application'
  | 'assessment'
  | 'awaiting_panel'
  | 'awaiting_decision'
  | 'qualifying_determination'
  | 'approved'
  | 'not_approved'
  | 'withdrawn'
  | 'approval_ended';

export const stageLabels: Record<Stage, string> = {
  none: 'No fostering enquiry or application',
  enquiry: 'Enquiry',
  enquiry_closed: 'Enquiry closed',
  viability: 'Connected person: viability assessment',
  temporarily_approved: 'Connected person: temporarily approved',
  application: 'Application received: assessment not started',
  assessment: 'Being assessed',
  awaiting_panel: 'Assessment complete: awaiting Fostering Panel',
  awaiting_decision: 'Panel recommendation made: awaiting the agency decision maker',
  qualifying_determination: 'Qualifying determination: proposed not to approve',
  approved: 'Approved foster carer',
  not_approved: 'Not approved',
  withdrawn: 'Application withdrawn or closed',
  approval_ended: 'Approval ended',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const dateOf = (e: WorkflowEvent) => londonDate(e.occurredAt);

export interface RecruitmentState {
  stage: Stage;
  enquiry: { on: string; source: string | null; interest: string | null; summary: string | null } | null;
  responses: { on: string; how: string | null; summary: string | null }[];
  enquiryClosed: { on: string; reason: string | null } | null;
  household: HouseholdMember[];
  application: { eventId: string; on: string; at: Date; kind: 'mainstream' | 'connected_person'; childIds: string[] } | null;
  withdrawn: { on: string; reason: string | null } | null;
  assessingWorker: { workerId: string; workerName: string; overseerId: string | null; overseerName: string | null; limitedExperience: boolean; on: string } | null;
  checks: CheckRecord[];
  training: { on: string; course: string; attendees: string[] }[];
  feedback: { on: string; summary: string; workNeeded: string | null; by: string | null }[];
  assessment: { on: string; at: Date; recommendation: string; terms: Terms | null; summary: string | null; lateReason: string | null; byId: string | null; byName: string | null } | null;
  /** The Team Manager's quality assurance and sign-off before the panel (specialist-service-statement.txt 7.4.3). */
  signedOff: { on: string; byName: string | null; comments: string | null } | null;
  reportShared: { on: string; at: Date } | null;
  comments: { on: string; comments: string }[];
  invitation: { on: string; panelOn: string; supporter: boolean } | null;
  panel: { on: string; at: Date; recommendation: Recommendation; terms: Terms | null; attended: boolean; reasons: string | null } | null;
  decision: { on: string; decision: AdmDecision; terms: Terms | null; reasons: string | null; responseBy: string | null } | null;
  qualifyingResponse: { on: string; route: QualifyingRoute } | null;
  irm: { on: string; recommendation: string } | null;
  approval: { on: string; terms: Terms; approvalKind: string; panelOn: string | null; decisionOn: string } | null;
  temporary: { approvedOn: string; expiresOn: string; extended: boolean; childIds: string[] } | null;
  agreement: { on: string; terms: Terms | null; handbookGiven: boolean } | null;
  viability: { eventId: string; on: string; childId: string; childName: string; outcome: string; summary: string | null }[];
  ended: { on: string; reason: string | null } | null;
}

function memberOf(e: WorkflowEvent): HouseholdMember {
  const relationship = String(e.data.relationship) as HouseholdRelationship;
  const kind = householdRelationships.find((r) => r.value === relationship);
  return {
    memberId: String(e.data.memberId ?? e.id),
    name: String(e.data.name ?? ''),
    relationship,
    dateOfBirth: str(e.data.dateOfBirth),
    adult: kind?.adult ?? true,
    applicant: kind?.applicant ?? false,
    inHousehold: kind?.inHousehold ?? true,
    involved: [],
  };
}

/**
 * The recruitment as it stands. A new application (after a withdrawal or a refusal) starts its
 * own assessment, panel and decision: those are read from the latest application on.
 */
export function recruitmentOf(stream: readonly WorkflowEvent[], applicantName: string): RecruitmentState {
  const s: RecruitmentState = {
    stage: 'none', enquiry: null, responses: [], enquiryClosed: null,
    household: [{ memberId: 'applicant', name: applicantName, relationship: 'first_applicant', dateOfBirth: null, adult: true, applicant: true, inHousehold: true, involved: [] }],
    application: null, withdrawn: null, assessingWorker: null, checks: [], training: [], feedback: [], assessment: null, reportShared: null,
    comments: [], invitation: null, panel: null, signedOff: null, decision: null, qualifyingResponse: null, irm: null, approval: null, temporary: null, agreement: null,
    viability: [], ended: null,
  };
  for (const e of chronological(stream)) {
    const d = e.data;
    switch (e.type) {
      case fosteringEvent.enquiryReceived:
        s.enquiry = { on: dateOf(e), source: str(d.source), interest: str(d.interest), summary: str(d.summary) };
        s.enquiryClosed = null;
        break;
      case fosteringEvent.enquiryResponded:
        s.responses.push({ on: dateOf(e), how: str(d.how), summary: str(d.summary) });
        break;
      case fosteringEvent.enquiryClosed:
        s.enquiryClosed = { on: dateOf(e), reason: str(d.reason) };
        break;
      case fosteringEvent.householdMemberAdded:
        s.household.push(memberOf(e));
        break;
      case fosteringEvent.memberInvolved: {
        const m = s.household.find((h) => h.memberId === d.memberId);
        if (m) m.involved.push({ on: dateOf(e), how: String(d.how ?? '') });
        break;
      }
      case fosteringEvent.applicationCompleted:
        // A new application: its assessment, panel and decision start again.
        s.application = { eventId: e.id, on: dateOf(e), at: e.occurredAt, kind: d.kind === 'connected_person' ? 'connected_person' : 'mainstream', childIds: Array.isArray(d.childIds) ? d.childIds.map(String) : [] };
        s.withdrawn = null; s.assessment = null; s.signedOff = null; s.reportShared = null; s.comments = []; s.invitation = null; s.panel = null;
        s.decision = null; s.qualifyingResponse = null; s.irm = null; s.feedback = [];
        break;
      case fosteringEvent.applicationWithdrawn:
        s.withdrawn = { on: dateOf(e), reason: str(d.reason) };
        break;
      case fosteringEvent.assessingWorkerAllocated:
        s.assessingWorker = { workerId: String(d.workerId), workerName: String(d.workerName), overseerId: str(d.overseerId), overseerName: str(d.overseerName), limitedExperience: d.limitedExperience === true, on: dateOf(e) };
        break;
      case fosteringEvent.checkRecorded:
        s.checks.push({ eventId: e.id, memberId: String(d.memberId), check: String(d.check) as CheckKind, completedOn: String(d.completedOn ?? dateOf(e)), outcome: String(d.outcome ?? ''), renewOn: str(d.renewOn), notes: str(d.notes) });
        break;
      case fosteringEvent.trainingAttended:
        s.training.push({ on: dateOf(e), course: String(d.course), attendees: Array.isArray(d.attendees) ? d.attendees.map(String) : [] });
        break;
      case fosteringEvent.progressFeedback:
        s.feedback.push({ on: dateOf(e), summary: String(d.summary ?? ''), workNeeded: str(d.workNeeded), by: e.recordedByName ?? null });
        break;
      case fosteringEvent.assessmentCompleted:
        s.assessment = { on: dateOf(e), at: e.occurredAt, recommendation: String(d.recommendation ?? ''), terms: termsOf(d.terms), summary: str(d.summary), lateReason: str(d.lateReason), byId: e.recordedBy ?? null, byName: e.recordedByName ?? null };
        s.signedOff = null;
        break;
      case fosteringEvent.assessmentSignedOff:
        s.signedOff = { on: dateOf(e), byName: e.recordedByName ?? null, comments: str(d.comments) };
        break;
      case fosteringEvent.reportShared:
        // Only the assessment's report: a foster carer review's report (the carers' work) is not it, nor one written with no data.
        if (d.about !== 'assessment') break;
        s.reportShared = { on: dateOf(e), at: e.occurredAt };
        break;
      case fosteringEvent.applicantComments:
        s.comments.push({ on: dateOf(e), comments: String(d.comments ?? '') });
        break;
      case fosteringEvent.panelInvitation:
        s.invitation = { on: dateOf(e), panelOn: String(d.panelOn), supporter: d.supporter === true };
        break;
      case fosteringEvent.panelConsidered:
        // Only the panel on the application with a real recommendation (Family Placement 11-15): a review's, a change of
        // terms' or a termination's panel is the carers' work, and one written without the recommendation is no panel's.
        if (d.about !== 'application' || !isRecommendation(d.recommendation)) break;
        s.panel = { on: dateOf(e), at: e.occurredAt, recommendation: String(d.recommendation) as Recommendation, terms: termsOf(d.terms), attended: d.attended === true, reasons: str(d.reasons) };
        s.invitation = null;
        break;
      case fosteringEvent.admDecided:
        s.decision = { on: dateOf(e), decision: String(d.decision) as AdmDecision, terms: termsOf(d.terms), reasons: str(d.reasons), responseBy: str(d.responseBy) };
        if (d.decision === 'qualifying_determination') { s.qualifyingResponse = null; s.irm = null; }
        break;
      case fosteringEvent.qualifyingResponse:
        s.qualifyingResponse = { on: dateOf(e), route: String(d.route) as QualifyingRoute };
        break;
      case fosteringEvent.irmRecommendation:
        s.irm = { on: dateOf(e), recommendation: String(d.recommendation) };
        break;
      case fosteringEvent.carerApproved: {
        const terms = termsOf(d.terms);
        if (!terms) break;
        s.approval = { on: dateOf(e), terms, approvalKind: String(d.approvalKind), panelOn: str(d.panelOn), decisionOn: String(d.decisionOn ?? dateOf(e)) };
        s.ended = null;
        s.temporary = d.approvalKind === 'temporary_connected_person'
          ? { approvedOn: dateOf(e), expiresOn: addDays(dateOf(e), temporaryApprovalWeeks * 7), extended: false, childIds: terms.namedChildIds ?? [] }
          : null;
        break;
      }
      case fosteringEvent.temporaryApprovalExtended:
        if (s.temporary) s.temporary = { ...s.temporary, expiresOn: String(d.until), extended: true };
        break;
      case fosteringEvent.agreementSigned:
        s.agreement = { on: dateOf(e), terms: termsOf(d.terms), handbookGiven: d.handbookGiven === true };
        break;
      case fosteringEvent.viabilityAssessed:
        s.viability.push({ eventId: e.id, on: dateOf(e), childId: String(d.childId), childName: String(d.childName ?? ''), outcome: String(d.outcome), summary: str(d.summary) });
        break;
      case fosteringEvent.approvalEnded:
        s.ended = { on: dateOf(e), reason: str(d.reason) };
        s.temporary = null;
        break;
      default:
        break;
    }
  }
  s.stage = stageOf(s);
  return s;
}

function stageOf(s: RecruitmentState): Stage {
  if (s.approval && !s.ended) return afterApproval(s);
  // An ended approval, unless an application made since it was given is still open (a connected person's full
  // assessment goes on after a temporary approval lapses; a former carer may apply again).
  if (s.approval && s.ended && !applicationOpenSince(s, s.approval.on)) return 'approval_ended';
  if (s.application) {
    if (s.withdrawn) return 'withdrawn';
    if (s.decision?.decision === 'not_approve') return 'not_approved';
    if (s.decision?.decision === 'qualifying_determination') return 'qualifying_determination';
    if (s.panel && s.panel.recommendation !== 'defer' && (!s.assessment || s.panel.at >= s.assessment.at)) return 'awaiting_decision';
    if (s.assessment) return 'awaiting_panel';
    return s.assessingWorker ? 'assessment' : 'application';
  }
  if (s.viability.length > 0) return 'viability';
  if (s.enquiry) return s.enquiryClosed ? 'enquiry_closed' : 'enquiry';
  return 'none';
}

/** A temporarily approved connected person being fully assessed shows the assessment's stage. */
function afterApproval(s: RecruitmentState): Stage {
  if (s.temporary && s.application && s.application.on >= s.temporary.approvedOn) {
    const { temporary: _t, approval: _a, ...rest } = s;
    const inner = stageOf({ ...rest, temporary: null, approval: null } as RecruitmentState);
    return inner === 'none' ? 'temporarily_approved' : inner;
  }
  return s.temporary ? 'temporarily_approved' : 'approved';
}

function applicationOpenSince(s: RecruitmentState, on: string): boolean {
  const decided = s.decision && s.decision.decision !== 'qualifying_determination';
  return Boolean(s.application && s.application.on >= on && !s.withdrawn && !decided);
}

/** 6 months from the completed application (Family Placement 10). */
export function assessmentDueOn(applicationOn: string): string {
  return addMonths(applicationOn, 6);
}

/** What is still missing before the assessment can be completed (Family Placement 5-8). */
export function missingBeforeAssessment(s: RecruitmentState): string[] {
  const missing: string[] = [];
  if (!s.application) return ['Record the completed application first'];
  if (!s.assessingWorker) missing.push('Allocate the assessing social worker (Family Placement 5)');
  if (s.assessingWorker?.limitedExperience && !s.assessingWorker.overseerId) missing.push('Name the experienced practitioner or manager overseeing the assessment (Family Placement 5)');
  const done = (memberId: string, check: CheckKind) => s.checks.some((c) => c.memberId === memberId && c.check === check);
  for (const m of s.household.filter((h) => h.adult && h.inHousehold)) {
    if (!done(m.memberId, 'dbs')) missing.push(`Record the DBS check for ${m.name} (Family Placement 8)`);
  }
  for (const m of s.household.filter((h) => h.applicant)) {
    for (const check of requiredApplicantChecks) {
      if (!done(m.memberId, check)) missing.push(`Record the ${checkKinds.find((k) => k.value === check)!.text.toLowerCase()} for ${m.name} (Family Placement 8)`);
    }
  }
  if (s.application.kind === 'mainstream' && s.training.length === 0) missing.push('Record the preparation training the applicants attended (Family Placement 7)');
  return missing;
}

/** A check's renewal: none set, due (within 3 months) or overdue. */
export function renewalState(check: CheckRecord, today: string): 'none' | 'current' | 'due_soon' | 'overdue' {
  if (!check.renewOn) return 'none';
  if (check.renewOn < today) return 'overdue';
  return check.renewOn <= addMonths(today, 3) ? 'due_soon' : 'current';
}

/** The renewal date a check gets when the worker gives none: a DBS check is renewed every 3 years (Family Placement 8). */
export function defaultRenewal(check: CheckKind, completedOn: string): string | null {
  const years = checkKinds.find((k) => k.value === check)?.renewYears;
  return years ? addMonths(completedOn, years * 12) : null;
}

/** Whether the report reached the applicant at least 14 days before the panel (Family Placement 13). */
export function reportNoticeDays(sharedOn: string, panelOn: string): number {
  return Math.round((Date.parse(`${panelOn}T00:00:00Z`) - Date.parse(`${sharedOn}T00:00:00Z`)) / 86_400_000);
}

/**
 * Can the agency decision maker approve? Only on the panel's recommendation to approve, made since
 * the assessment (Family Placement 11-15), or, after a qualifying determination, on the panel's
 * reconsideration or the IRM panel's recommendation (16). Returns the refusal, or null.
 */
export function approvalRefusal(s: RecruitmentState, today: string): string | null {
  if (!s.application || s.withdrawn) return 'There is no application being considered: record the completed application first';
  if (!s.assessment) return 'The assessment must be completed and presented to the Fostering Panel before a decision';
  if (!s.panel || s.panel.at < s.assessment.at) return 'Record the Fostering Panel’s recommendation first: an approval needs the panel’s recommendation and the agency decision maker’s decision';
  if (s.panel.recommendation === 'defer') return 'The panel deferred its recommendation: record its recommendation when it considers the application again';
  if (s.decision?.decision === 'approve' || s.decision?.decision === 'not_approve') return 'The agency decision maker has already decided on this application';
  const panelApproves = s.panel.recommendation === 'approve';
  if (s.decision?.decision === 'qualifying_determination') {
    const response = s.qualifyingResponse;
    if (!response) {
      if (s.decision.responseBy && today <= s.decision.responseBy) return `The applicant has until ${s.decision.responseBy} to make representations or apply to the IRM: record their response, or wait until then`;
      return panelApproves ? null : panelRefusedApproval;
    }
    if (response.route === 'irm' && !s.irm) return 'Record the Independent Review Mechanism panel’s recommendation first';
    if (response.route === 'representations' && s.panel.on < response.on) return 'Record the Fostering Panel’s reconsideration of the representations first';
    if (panelApproves || (response.route === 'irm' && s.irm?.recommendation === 'approve')) return null;
    return response.route === 'irm' ? 'Both the Fostering Panel and the Independent Review Mechanism panel recommended not to approve' : panelRefusedApproval;
  }
  return panelApproves ? null : panelRefusedApproval;
}
const panelRefusedApproval = 'The Fostering Panel recommended not to approve: the agency decision maker gives a qualifying determination, and approves only on the Independent Review Mechanism panel’s recommendation or the Fostering Panel’s reconsideration';

/** A connected person's temporary approval: the latest positive viability for the child, and none in force. */
export function temporaryApprovalRefusal(s: RecruitmentState, childId: string): string | null {
  if (s.approval && !s.ended) return 'They are already approved as a foster carer';
  const viability = s.viability.filter((v) => v.childId === childId).at(-1);
  if (!viability) return 'Record a viability assessment for this child first';
  if (viability.outcome !== 'positive') return 'The latest viability assessment for this child was not positive';
  return null;
}

export function temporaryExtensionRefusal(s: RecruitmentState): string | null {
  if (!s.temporary || s.ended) return 'There is no temporary approval in force';
  if (s.temporary.extended) return 'A temporary approval can be extended only once, by up to 8 weeks (reg 25)';
  if (!s.application) return 'An extension is for completing the full assessment: record the connected person’s completed application first';
  return null;
}

/** How the recruitment's own events read in a chronology (the catalogue's types have their titles there). */
export const recruitmentEventTitles: Record<string, string> = {
  [fosteringEvent.enquiryReceived]: 'Fostering enquiry received',
  [fosteringEvent.enquiryResponded]: 'Fostering enquiry answered',
  [fosteringEvent.enquiryClosed]: 'Fostering enquiry closed',
  [fosteringEvent.householdMemberAdded]: 'Member of the fostering household added',
  [fosteringEvent.memberInvolved]: 'Household member involved in the fostering assessment',
  [fosteringEvent.assessingWorkerAllocated]: 'Assessing social worker allocated (fostering)',
  [fosteringEvent.checkRecorded]: 'Fostering check recorded',
  [fosteringEvent.trainingAttended]: 'Fostering preparation training attended',
  [fosteringEvent.progressFeedback]: 'Applicant told of progress with their fostering application',
  [fosteringEvent.assessmentSignedOff]: 'Fostering assessment signed off by the Team Manager',
  [fosteringEvent.applicantComments]: "Applicant's comments on the assessment report",
  [fosteringEvent.panelInvitation]: 'Invited to the Fostering Panel',
  [fosteringEvent.admDecided]: "Agency decision maker's decision on fostering approval",
  [fosteringEvent.qualifyingResponse]: 'Response to the qualifying determination',
  [fosteringEvent.irmRecommendation]: 'Independent Review Mechanism recommendation',
  [fosteringEvent.agreementSigned]: 'Foster Care Agreement signed',
  [fosteringEvent.viabilityAssessed]: 'Connected person viability assessment',
  [fosteringEvent.temporaryApprovalExtended]: 'Temporary approval of a connected person extended',
};

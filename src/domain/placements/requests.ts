import { ageOn, londonDate } from '../calendar/localDate';
import { inCareOf } from '../inCare/inCareState';
import { chronological, type WorkflowEvent } from '../records/events';
import { textOrNull as text } from '../records/eventData';

/**
 * Placement requests on a child's record (resource-service-policy.txt 3.1): the "Decision to Seek
 * Accommodation" for a child under 18 (the record of the accommodation decision, the child's
 * profile and matching information, and a risk assessment for a child of 12 or over) or the
 * "18+ Supported Accommodation Request" with its risk assessment; authorised by the worker's
 * manager before it reaches the Resource Service, then allocated to a Placement social worker, who
 * matches it. Every event of a request carries its `requestId`; a placement made from it carries
 * it too (`cic.placement_started`), and that makes the request placed.
 */
export const requestKinds = [
  { value: 'under_18', text: 'Decision to Seek Accommodation (under 18)' },
  { value: 'supported_accommodation_18_plus', text: '18+ Supported Accommodation Request' },
] as const;
export type RequestKind = (typeof requestKinds)[number]['value'];

/** The risks the risk assessment covers, each with a level and how it is managed. */
export const risks = [
  { value: 'exploitation', text: 'Exploitation (sexual or criminal)' },
  { value: 'missing', text: 'Going missing' },
  { value: 'self_harm', text: 'Self-harm' },
  { value: 'violence', text: 'Violence or aggression' },
  { value: 'substance_misuse', text: 'Substance misuse' },
  { value: 'offending', text: 'Offending' },
] as const;
export const riskLevels = [
  { value: 'none', text: 'No known risk' },
  { value: 'low', text: 'Low' },
  { value: 'medium', text: 'Medium' },
  { value: 'high', text: 'High' },
] as const;
export type RiskLevel = (typeof riskLevels)[number]['value'];
export type RiskAssessment = Record<string, { level: RiskLevel; management: string | null }>;

/** "Risk assessment for children aged 12+" (3.1): required when the child is 12 or over on the day of the request. */
export const riskAssessmentAge = 12;
/** The 18+ workflow is for young people of 18 or over (3.1, "For individuals aged 18 and over"). */
export const adultAge = 18;

export const requestStatuses = {
  awaiting_authorisation: 'Awaiting manager authorisation',
  authorised: 'In the queue: not yet allocated',
  allocated: 'Allocated to a Placement social worker',
  matched: 'Matched: awaiting the placement',
  placed: 'Placed',
  withdrawn: 'Withdrawn',
} as const;
export type RequestStatus = keyof typeof requestStatuses;

export interface OptionConsidered {
  providerId: string;
  providerName: string;
  decision: 'shortlisted' | 'rejected';
  reason: string;
  inHouse: boolean;
  milesFromHome: number | null;
  milesFromSchool: number | null;
  at: Date;
  byName: string | null;
}

export interface RequestStep {
  providerId: string;
  providerName: string;
  at: Date;
  byName: string | null;
  /** Findings of a site visit, the child's views on a carer profile, or an introduction's notes. */
  notes: string;
  /** An introduction's kind: a phased visit, a telephone call or visit, an overnight stay. */
  kind?: string;
}

export interface PlacementRequest {
  requestId: string;
  kind: RequestKind;
  status: RequestStatus;
  madeAt: Date;
  madeBy: string | null;
  madeByName: string | null;
  neededFrom: string;
  /** Section 1 (or the 18+ request): why, the outline plan, what is sought, family and friends explored. */
  reason: string;
  outlinePlan: string;
  providerTypes: string[];
  familyAndFriends: string | null;
  /** Section 2: the child's profile and matching information. */
  needs: string[];
  interests: string | null;
  routines: string | null;
  identity: string | null;
  health: string | null;
  school: string | null;
  schoolPostcode: string | null;
  homePostcode: string | null;
  contact: string | null;
  complexNeeds: boolean;
  riskOfDisruption: boolean;
  hasEhcp: boolean;
  /** Section 3 (or the 18+ risk assessment), when one was made. */
  risks: RiskAssessment | null;
  authorised: { at: Date; byName: string | null; comments: string | null } | null;
  allocated: { at: Date; officerId: string; officerName: string; byName: string | null } | null;
  options: OptionConsidered[];
  siteVisits: RequestStep[];
  profilesShared: RequestStep[];
  introductions: RequestStep[];
  matched: { at: Date; providerId: string; providerName: string; rationale: string | null; byName: string | null } | null;
  withdrawn: { at: Date; reason: string; byName: string | null } | null;
  placedAt: Date | null;
}

const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const miles = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function requestFrom(e: WorkflowEvent): PlacementRequest {
  const d = e.data;
  return {
    requestId: String(d.requestId),
    kind: d.kind === 'supported_accommodation_18_plus' ? 'supported_accommodation_18_plus' : 'under_18',
    status: 'awaiting_authorisation',
    madeAt: e.occurredAt,
    madeBy: e.recordedBy ?? null,
    madeByName: e.recordedByName,
    neededFrom: String(d.neededFrom ?? londonDate(e.occurredAt)),
    reason: String(d.reason ?? ''),
    outlinePlan: String(d.outlinePlan ?? ''),
    providerTypes: list(d.providerTypes),
    familyAndFriends: text(d.familyAndFriends),
    needs: list(d.needs),
    interests: text(d.interests),
    routines: text(d.routines),
    identity: text(d.identity),
    health: text(d.health),
    school: text(d.school),
    schoolPostcode: text(d.schoolPostcode),
    homePostcode: text(d.homePostcode),
    contact: text(d.contact),
    complexNeeds: d.complexNeeds === true,
    riskOfDisruption: d.riskOfDisruption === true,
    hasEhcp: d.hasEhcp === true,
    risks: d.risks && typeof d.risks === 'object' ? (d.risks as RiskAssessment) : null,
    authorised: null,
    allocated: null,
    options: [],
    siteVisits: [],
    profilesShared: [],
    introductions: [],
    matched: null,
    withdrawn: null,
    placedAt: null,
  };
}

const closed = (r: PlacementRequest) => r.status === 'placed' || r.status === 'withdrawn';

/** A child's placement requests from their record, oldest first, each with where it has got to. */
export function placementRequestsOf(stream: readonly WorkflowEvent[]): PlacementRequest[] {
  const requests = new Map<string, PlacementRequest>();
  const ordered = chronological(stream);
  // The requests first: a step dated before its request was made (an import) still belongs to it.
  for (const e of ordered) if (e.type === 'placements.request_made' && typeof e.data.requestId === 'string' && !requests.has(e.data.requestId)) requests.set(e.data.requestId, requestFrom(e));
  for (const e of ordered) {
    const id = typeof e.data.requestId === 'string' ? e.data.requestId : null;
    if (!id || e.type === 'placements.request_made') continue;
    const r = requests.get(id);
    if (!r) continue;
    const d = e.data;
    const step = (): RequestStep => ({ providerId: String(d.providerId ?? ''), providerName: String(d.providerName ?? ''), at: e.occurredAt, byName: e.recordedByName, notes: String(d.findings ?? d.childViews ?? d.notes ?? ''), ...(typeof d.kind === 'string' ? { kind: d.kind } : {}) });
    if (e.type === 'cic.placement_started') {
      if (r.status !== 'withdrawn') [r.status, r.placedAt] = ['placed', e.occurredAt];
      continue;
    }
    if (closed(r)) continue;
    switch (e.type) {
      case 'placements.request_authorised':
        r.authorised = { at: e.occurredAt, byName: e.recordedByName, comments: text(d.comments) };
        if (r.status === 'awaiting_authorisation') r.status = 'authorised';
        break;
      case 'placements.request_allocated':
        r.allocated = { at: e.occurredAt, officerId: String(d.officerId ?? ''), officerName: String(d.officerName ?? ''), byName: e.recordedByName };
        if (r.status === 'authorised') r.status = 'allocated';
        break;
      case 'placements.option_considered': {
        const option: OptionConsidered = { providerId: String(d.providerId ?? ''), providerName: String(d.providerName ?? ''), decision: d.decision === 'shortlisted' ? 'shortlisted' : 'rejected', reason: String(d.reason ?? ''), inHouse: d.inHouse === true, milesFromHome: miles(d.milesFromHome), milesFromSchool: miles(d.milesFromSchool), at: e.occurredAt, byName: e.recordedByName };
        // A provider reconsidered (shortlisted, then ruled out after the visit) keeps only its latest decision.
        r.options = [...r.options.filter((o) => o.providerId !== option.providerId), option];
        break;
      }
      case 'placements.site_visited':
        r.siteVisits.push(step());
        break;
      case 'placements.carer_profile_shared':
        r.profilesShared.push(step());
        break;
      case 'placements.introduction_held':
        r.introductions.push(step());
        break;
      case 'placements.request_matched':
        r.matched = { at: e.occurredAt, providerId: String(d.providerId ?? ''), providerName: String(d.providerName ?? ''), rationale: text(d.rationale), byName: e.recordedByName };
        r.status = 'matched';
        break;
      case 'placements.request_withdrawn':
        r.withdrawn = { at: e.occurredAt, reason: String(d.reason ?? ''), byName: e.recordedByName };
        r.status = 'withdrawn';
        break;
    }
  }
  return [...requests.values()];
}

/** The requests still being worked on: not yet placed, not withdrawn. */
export function openRequestsOf(stream: readonly WorkflowEvent[]): PlacementRequest[] {
  return placementRequestsOf(stream).filter((r) => !closed(r));
}

/**
 * A matched request, for the placement made from it (src/modules/placements/): the provider chosen,
 * whether it needed a site visit, and where the child's home and school are. Null unless the
 * request is matched and not yet placed or withdrawn.
 */
export function matchedRequestOf(stream: readonly WorkflowEvent[], requestId: string) {
  const r = placementRequestsOf(stream).find((x) => x.requestId === requestId);
  if (!r || r.status !== 'matched' || !r.matched) return null;
  return { requestId: r.requestId, providerId: r.matched.providerId, providerName: r.matched.providerName, complexNeeds: r.complexNeeds, riskOfDisruption: r.riskOfDisruption, homePostcode: r.homePostcode, schoolPostcode: r.schoolPostcode, neededFrom: r.neededFrom };
}

/** Which workflow a young person's age allows on the day they need accommodation (3.1), or why not. */
export function kindRefusal(kind: RequestKind, dateOfBirth: string | null, neededFrom: string): string | null {
  if (!dateOfBirth) return kind === 'supported_accommodation_18_plus' ? 'The 18+ Supported Accommodation Request needs the young person’s date of birth on the record' : null;
  const age = ageOn(dateOfBirth, neededFrom);
  if (kind === 'supported_accommodation_18_plus' && age < adultAge) return `The 18+ Supported Accommodation Request is for young people of 18 or over: this young person is ${age} on the date needed. Use the Decision to Seek Accommodation`;
  if (kind === 'under_18' && age >= adultAge) return `The Decision to Seek Accommodation is for children under 18: this young person is ${age} on the date needed. Use the 18+ Supported Accommodation Request`;
  return null;
}

/** Is the risk assessment required? Always for the 18+ request; for a child of 12 or over on the day of the request. */
export function riskAssessmentRequired(kind: RequestKind, dateOfBirth: string | null, today: string): boolean {
  return kind === 'supported_accommodation_18_plus' || (dateOfBirth !== null && ageOn(dateOfBirth, today) >= riskAssessmentAge);
}

export const requiredDocumentKinds = [
  { value: 'assessment', text: "An assessment of the child's needs" },
  { value: 'pathway_plan', text: 'Pathway plan' },
  { value: 'ehcp', text: 'Education, Health and Care Plan (EHCP)' },
  { value: 'pep', text: 'Personal Education Plan (PEP)' },
] as const;

export interface DocumentCheck {
  kind: string;
  text: string;
  required: boolean;
  /** Why it is or is not needed for this child. */
  why: string;
  present: boolean;
  /** What on the record counts for it. */
  evidence: string | null;
}

/** Compulsory school age, for the Personal Education Plan of a child in care. */
const schoolAge = { from: 5, to: 16 };

/**
 * The documents the Resource Service needs to see (resource-service-policy.txt 3.1: "must ensure
 * that all relevant documents, including the assessment, pathway plans, EHCP, PEP ... are
 * uploaded"): which this child needs, and whether each is on the record. An assessment always (an
 * uploaded one, or a Child and Family Assessment completed in Hearth); a pathway plan from 16 and
 * for the 18+ request (or one completed in Hearth); an EHCP when the worker says the child has one;
 * a PEP for a child in care of compulsory school age.
 */
export function documentsCheck(stream: readonly WorkflowEvent[], request: Pick<PlacementRequest, 'kind' | 'hasEhcp'>, dateOfBirth: string | null, today: string): DocumentCheck[] {
  const age = dateOfBirth ? ageOn(dateOfBirth, today) : null;
  const uploaded = (kind: string) => stream.filter((e) => e.type === 'document.attached' && e.data.kind === kind).at(-1);
  const event = (type: string) => chronological(stream).filter((e) => e.type === type).at(-1);
  const inCare = inCareOf(stream).inCare;
  const checks: DocumentCheck[] = [];
  const add = (kind: string, required: boolean, why: string, evidence: WorkflowEvent | undefined, what: (e: WorkflowEvent) => string) =>
    checks.push({ kind, text: requiredDocumentKinds.find((k) => k.value === kind)!.text, required, why, present: evidence !== undefined, evidence: evidence ? what(evidence) : null });
  const doc = (e: WorkflowEvent) => `${String(e.data.filename ?? 'Uploaded')}, uploaded ${londonDate(e.occurredAt)}`;

  const assessment = uploaded('assessment') ?? event('assessment.completed');
  add('assessment', true, 'Always needed', assessment, (e) => (e.type === 'assessment.completed' ? `Child and Family Assessment completed ${londonDate(e.occurredAt)}` : doc(e)));
  const pathwayNeeded = request.kind === 'supported_accommodation_18_plus' || (age !== null && age >= 16);
  const pathway = uploaded('pathway_plan') ?? event('care_leaver.pathway_plan_completed');
  add('pathway_plan', pathwayNeeded, pathwayNeeded ? 'Needed from 16 and for care leavers' : 'Not needed under 16', pathway, (e) => (e.type === 'care_leaver.pathway_plan_completed' ? `Pathway plan completed ${londonDate(e.occurredAt)}` : doc(e)));
  add('ehcp', request.hasEhcp, request.hasEhcp ? 'The child has an EHCP' : 'The child has no EHCP', uploaded('ehcp'), doc);
  const pepNeeded = inCare && age !== null && age >= schoolAge.from && age <= schoolAge.to;
  add('pep', pepNeeded, pepNeeded ? 'A child in care of school age' : inCare ? 'Not of school age' : 'Not in care', uploaded('pep'), doc);
  return checks;
}

/** The documents still to upload, in words for a refusal: "Upload the assessment and the PEP". */
export function missingDocuments(checks: readonly DocumentCheck[]): DocumentCheck[] {
  return checks.filter((c) => c.required && !c.present);
}

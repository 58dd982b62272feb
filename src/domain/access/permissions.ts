import type { Role } from './roles';

/**
 * The permission matrix: the one place that says which role may do what. Everything not
 * listed here is denied. Record-level rules (allocation, team, restriction) are in can.ts.
 */
export const permissions = [
  'child:search', // find a person
  'child:read', // open a person's record (a child, or an adult or professional on a child's record)
  'child:create', // add a person
  'child:correct', // correct recorded details, add addresses, warnings and relationships
  'child:allocate', // change a child's allocated worker and team
  'child:restrict', // restrict a record and say who may see it
  'caseload:read', // my caseload
  'team:read', // team lists
  'audit:read', // search the audit log
  'user:manage', // create users, assign roles and teams, unlock accounts
  'token:manage', // issue and revoke API tokens
  'compliance:read', // how the practice standards are being met, by team and worker
  'standards:manage', // change a standard's timescale, or switch it off, from a date
  'work:record', // record practice work on a record: a visit, a review, a conference (what meets the standards)
  'contact:record', // record a contact or referral at the front door, about any child one may see
  'contact:triage', // triage a contact: MASH enquiries to partner agencies, their replies, a threshold recommendation
  'threshold:decide', // the Duty Manager's threshold decision, and overriding parental consent to agency checks
  'assessment:sign_off', // a manager's sign-off of a Child and Family Assessment (or its return for changes)
  'conference:chair', // record a child protection conference's decision, and sign its record (practice-standards.txt, Section 4: Child Protection Conferences)
  'strategy:chair', // decide on, trigger and chair a strategy discussion, about any child one may see (practice-standards.txt, Section 2: Strategy Discussions 1 and 5)
  'review:chair', // chair a child in care review and record it, its decisions and the IRO's challenges (practice-standards.txt, Section 4: Reviews for Children in Care 36, 49-52, 66-67)
  'assessment:extend', // the Team Manager's decision on a request to extend an assessment (practice-standards.txt, Section 2: Child and Family Assessment 7)
  'provider:manage', // register placement providers, their Ofsted ratings, downgrade action plans and monthly Regulation 44 reports (resource-service-policy.txt 1.2)
  'placement:match', // the Resource Service's work on any child's record: requests taken from the queue, matching, site visits, care packages, quality visits (resource-service-policy.txt 2.1, 3.1, 4.1)
  'placement:authorise', // a Head of Service's agreement to a placement move, or to a provider rated below Good (placement-stability-guidance.txt; resource-service-policy.txt 1.1)
  'package:approve', // a service manager's or head of service's approval of a care package's cost (resource-service-policy.txt 4.1)
  'family_time:record', // the Family Time team's supervised contact: bookings, attendance and observations (resource-service-policy.txt 2.2)
  'resources:read', // the Resource Service's lists and reports: providers, the request queue, stability, spend
  'panel:read', // the Resource and Care Panel's meetings, agenda, papers and finance log, as a member reads them (resource-and-care-panel-policy.txt 1.7, I.12)
  'panel:administer', // the panel administrator's work: the schedule, the agenda, attendance and declarations (1.5, 1.7 i), 1.8, I.9)
  'returns:export', // produce the statutory returns (CIN census, SSDA903) and Ofsted's Annex A lists for the whole authority, and import earlier returns (issue 10)
  'returns:quality', // the data quality page: each child of a team whose record breaks a DfE validation rule (issue 10)
  'allegation:read', // open allegations against people who work with children, and the LADO's lists and annual figures: the LADO team and auditors only (practice-standards.txt, Section 4: Managing Allegations 80-88; issue 11)
  'allegation:record', // record an allegation, its strategy meeting, reviews and outcome (Managing Allegations 80-87)
  'fostering:read', // the Family Placement Team's lists: enquiries, applications, approved foster carers and their vacancies, prospective adopters (practice-standards.txt, Section 3: Family Placement 1-42)
  'fostering_panel:record', // record the Fostering Panel's (or adoption panel's) recommendation on an application, a review or a match (Family Placement 11-16, 32-33)
  'adm:decide', // the agency decision maker's decision on a panel's recommendation, a qualifying determination, or a child's plan for adoption (Family Placement 15-16; Parallel Planning for Adoption 8)
  'panel:chair', // chair a panel: agree a cancellation, record and sign its decisions, sign off the finance log, extend a return (1.6, 1.7 a)-c), I.18-I.20)
  'workforce:read', // caseloads weighted by complexity against each worker's limit, team capacity (the front door's too), practitioners to each manager (specialist-service-statement.txt 5.1-5.3, 7.1.3; issue 12)
  'workforce:manage', // a worker's workforce profile: qualified, newly qualified (protected caseload in the assessed year), hours, induction, caseload limits (5.2, 5.4)
  'supervision:read', // one's own supervision as supervisee or supervisor; a line manager's of those they manage (5.4); checked against the staff record in the service
  'supervision:record', // a supervising manager's supervision contracts and sessions (5.4)
  'supervision:audit', // a line manager's observation of supervision with feedback, and audit of its frequency and quality (5.4)
  'youth_justice:read', // the Youth Offending Service's lists, performance indicators and youth justice records of any child (practice-standards.txt, Section 1: Youth Offending Service 1-22); others see a child's only while working with them (can.ts seesYouthJustice)
  'youth_justice:record', // record the Youth Offending Service's work on any child's record (Youth Offending Service 1-22)
  'ot:read', // the Occupational Therapy duty inbox, referrals, priorities and waiting list (Occupational Therapy 1-6)
  'ot:record', // record Occupational Therapy work on any child's record (Occupational Therapy 1-14)
  'assist:read', // ASSIST's contacts, referrals (MARF) and programmes (ASSIST 1-5)
  'assist:record', // record ASSIST's work on any child's record (ASSIST 1-5)
  'transitions:read', // the Children with Disabilities transitions tracking list and its monthly meeting (Children with Disabilities 20-26)
  'hospital_duty:record', // the hospital duty service: referrals from the hospital, ward visits, referrals on to other authorities (specialist-service-statement.txt 7.3.3)
] as const;

export type Permission = (typeof permissions)[number];

/** Route-level markers that are not permissions: no sign-in needed, or any signed-in user. */
export type RouteAccess = Permission | 'public' | 'authenticated';

const caseReader: Permission[] = ['child:search', 'child:read', 'caseload:read', 'team:read'];
const caseRecorder: Permission[] = [...caseReader, 'child:create', 'child:correct', 'work:record'];
/**
 * The front door (practice-standards.txt, Section 2: Duty Team (MASH), 1-6): social workers and
 * Safeguarding Administrators record contacts and trigger MASH enquiries; the Duty Manager (an
 * assistant team manager or above) decides threshold and may override parental consent.
 */
const frontDoor: Permission[] = ['contact:record', 'contact:triage'];
const dutyManager: Permission[] = [...frontDoor, 'threshold:decide', 'assessment:sign_off', 'strategy:chair'];
const manager: Permission[] = [...caseRecorder, ...dutyManager, 'child:allocate', 'child:restrict', 'compliance:read', 'assessment:extend', 'returns:quality'];
/**
 * The Resource Service (resource-service-policy.txt 1.3): placements social workers keep the
 * providers' records and do the matching, quality and package work on any child's record; its
 * service manager approves packages. Everyone who manages cases reads its lists and reports.
 */
const resourceService: Permission[] = ['provider:manage', 'placement:match', 'resources:read'];
/**
 * Workforce (issue 12; specialist-service-statement.txt 5.1-5.4): every member of staff in the
 * service is supervised and reads their own supervision; managers supervise, see caseloads and
 * capacity; team managers and above also set workers' profiles and observe and audit supervision.
 */
const supervised: Permission[] = ['supervision:read'];
const supervisor: Permission[] = [...supervised, 'supervision:record', 'workforce:read'];
const lineManager: Permission[] = [...supervisor, 'workforce:manage', 'supervision:audit'];
/** The Disabled Children's Team's services (7.3): hospital duty, transitions, occupational therapy (read by its managers). */
const disabledChildrenManager: Permission[] = ['transitions:read', 'hospital_duty:record', 'ot:read', 'assist:read'];

export const permissionMatrix: Record<Role, readonly Permission[]> = {
  // The Disabled Children's Team's social workers do the hospital duty rota and track transitions (7.3.3).
  'social-worker': [...caseRecorder, ...frontDoor, 'fostering:read', ...supervised, 'transitions:read', 'hospital_duty:record'],
  'personal-adviser': [...caseRecorder, ...supervised],
  // ASSIST is part of Integrated Early Help (practice-standards.txt, Section 1: ASSIST 3-5).
  'early-help-worker': [...caseRecorder, ...supervised, 'assist:read', 'assist:record'],
  'assistant-team-manager': [...caseRecorder, ...dutyManager, 'child:allocate', 'compliance:read', 'returns:quality', 'fostering:read', ...supervisor, ...disabledChildrenManager],
  // The Family Placement Team's manager is the Fostering Panel's adviser and records its recommendation.
  'team-manager': [...manager, 'resources:read', 'fostering:read', 'fostering_panel:record', ...lineManager, ...disabledChildrenManager],
  'service-manager': [...manager, ...resourceService, 'package:approve', 'panel:read', 'panel:chair', 'fostering:read', 'fostering_panel:record', ...lineManager, ...disabledChildrenManager],
  'head-of-service': [...manager, 'standards:manage', ...resourceService, 'placement:authorise', 'package:approve', 'panel:read', 'panel:chair', 'returns:export', 'fostering:read', 'fostering_panel:record', 'adm:decide', ...lineManager, ...disabledChildrenManager],
  // Reviewing officers and conference chairs watch the timeliness of reviews and conferences, and
  // record the reviews and conferences they chair (practice-standards.txt Section 4).
  // IROs also chair foster carers' annual reviews (Family Placement 27).
  iro: [...caseReader, 'compliance:read', 'work:record', 'review:chair', 'fostering:read', ...supervised],
  'cp-chair': [...caseReader, 'compliance:read', 'work:record', 'conference:chair', ...supervised],
  // The Resource Service's matching sees the authority's own foster carers' vacancies (resource-and-care-panel-policy.txt 1.4 b: in-house first).
  'placements-officer': [...caseReader, ...resourceService, 'fostering:read', ...supervised],
  'family-time-worker': [...caseReader, 'family_time:record', ...supervised],
  // The Deputy Director chairs the panel (1.7 a); a head of service or the vice chair (a service manager) may chair in their absence (1.7 b-c).
  'panel-chair': ['child:search', 'child:read', 'team:read', 'panel:read', 'panel:administer', 'panel:chair'],
  // Finance officers see the panel's finance log (a later module), not case records.
  'finance-officer': ['team:read', 'resources:read', 'panel:read'],
  // The performance team produce the statutory returns and chase the data quality behind them; they open a child's record to see what is wrong with it.
  'performance-officer': ['child:search', 'child:read', 'team:read', 'compliance:read', 'returns:export', 'returns:quality'],
  // Business support record and correct details for their teams (specialist-service-statement.txt 6.6).
  // The panel's business support officer records its decisions and actions (resource-and-care-panel-policy.txt 1.7 i).
  // The Fostering Panel's administrator records its recommendations too.
  'business-support': ['child:search', 'child:read', 'child:create', 'child:correct', 'team:read', 'work:record', ...frontDoor, 'panel:read', 'panel:administer', 'fostering_panel:record', ...supervised],
  // The agency decision maker (a senior manager) decides on the panel's recommendations and on a child's plan for adoption (Family Placement 15-16, footnote 4).
  'agency-decision-maker': ['child:search', 'child:read', 'team:read', 'fostering:read', 'adm:decide'],
  // Allegation records are restricted to the LADO team (issue 11); auditors may read them, and nothing else of a case.
  lado: [...caseRecorder, 'allegation:read', 'allegation:record', ...supervised],
  // The Youth Offending Service's case managers (and its managers, who hold this role too): youth justice records are theirs and those working with the child's (issue 12).
  'youth-justice-officer': [...caseRecorder, ...supervised, 'youth_justice:read', 'youth_justice:record'],
  // The Disabled Children's Team's occupational therapists (7.3; practice-standards.txt, Section 1: Occupational Therapy 1-14).
  'occupational-therapist': [...caseRecorder, ...supervised, 'ot:read', 'ot:record'],
  // An administrator manages users but, like anyone, sees children only through a case-work role.
  administrator: ['user:manage', 'token:manage', 'team:read', 'standards:manage'],
  auditor: ['audit:read', 'allegation:read'],
};

export function rolesGrant(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((role) => permissionMatrix[role].includes(permission));
}

import { managerRoles, type Role } from '../access/roles';
import { inAsyeOn, type WorkforceProfile, type WorkforceProfileData, type Practitioner } from './profile';

/**
 * Caseloads weighted by complexity, against each worker's limit (specialist-service-statement.txt
 * 5.2: "Newly Qualified Social Workers will have a protected caseload within their assessed and
 * supported year in employment. Our intention is that Qualified Social Workers' (FTE) caseloads
 * will ordinarily be no less than 20 cases and no more than 25 cases, across the Service. In
 * determining this, due consideration will be given to the relative complexity of cases.").
 */

/** A manager's assessment of a case's complexity, recorded on the child's record. */
export const complexityEvent = 'case.complexity_assessed';

/** How much a case counts towards a caseload: the "relative complexity of cases" of 5.2. */
export const complexityLevels = [
  { value: 'standard', text: 'Standard (counts as 1 case)', weight: 1 },
  { value: 'complex', text: 'Complex (counts as 1.5 cases)', weight: 1.5 },
  { value: 'high', text: 'High complexity (counts as 2 cases)', weight: 2 },
] as const;

export type ComplexityLevel = (typeof complexityLevels)[number]['value'];

/** A case without an assessment of its complexity counts as one. */
export const defaultWeight = 1;

export function weightOfLevel(level: unknown): number {
  return complexityLevels.find((l) => l.value === level)?.weight ?? defaultWeight;
}

/** The weight of a case from its latest complexity assessment (`data.weight`: standard, complex or high); 1 when none is recorded. */
export function caseWeight(latest: { data: Record<string, unknown> } | null | undefined): number {
  return latest ? weightOfLevel(latest.data.weight) : defaultWeight;
}

/** Qualified social workers' caseloads (5.2), per full-time equivalent. */
export const qualifiedCaseload = { minimum: 20, maximum: 25 } as const;

/**
 * A newly qualified social worker's protected caseload in the assessed and supported year (5.2),
 * per full-time equivalent. The policy says the caseload is protected but gives no number: 15 is
 * three-fifths of a qualified worker's 25, low enough to leave room for the weekly and fortnightly
 * supervision (5.4) and the learning of the year, and high enough to be a real caseload. No minimum
 * is set in the year. A manager who wants another figure records it on the worker's profile.
 */
export const protectedCaseload = { minimum: null, maximum: 15 } as const;

/**
 * The kinds of practitioner whose caseloads have a service default: qualified social workers
 * (5.2), and family support practitioners, whose Team Managers set their caseloads "but they will
 * reflect the above numbers" (5.2). For others (personal advisers, early help workers, occupational
 * therapists, youth justice officers, managers) the policy sets no number: a limit applies only
 * when their manager records one on the profile.
 */
const serviceDefaultKinds: readonly Practitioner[] = ['qualified_social_worker', 'family_support_practitioner'];

export interface CaseloadLimit {
  minimum: number | null;
  maximum: number | null;
  /** Where the figures come from, for the page to say. */
  basis: 'manager' | 'protected' | 'service' | 'none';
  /** A newly qualified social worker's protected caseload in the assessed year (5.2). */
  protected: boolean;
}

/** Figures per full-time equivalent scaled to the worker's hours, to one decimal place. */
function scaled(perFte: number | null, fte: number): number | null {
  return perFte === null ? null : Math.round(perFte * fte * 10) / 10;
}

/**
 * A worker's caseload limit on a day. A minimum or maximum their manager set on the profile stands
 * as set (it is the manager's figure for this worker, hours already considered); otherwise the
 * service's default for their kind of practitioner, scaled by their hours: a newly qualified social
 * worker in the assessed year has the protected caseload, a qualified one 20 to 25 (5.2).
 */
export function caseloadLimitOn(profile: Pick<WorkforceProfile, 'practitioner' | 'fte' | 'caseloadMinimum' | 'caseloadMaximum' | 'asyeEndsOn'>, date: string | Date): CaseloadLimit {
  const inYear = inAsyeOn(profile, date);
  const qualified = profile.practitioner === 'newly_qualified_social_worker' && !inYear ? 'qualified_social_worker' : profile.practitioner;
  const base = inYear ? protectedCaseload : serviceDefaultKinds.includes(qualified) ? qualifiedCaseload : { minimum: null, maximum: null };
  let minimum = profile.caseloadMinimum ?? scaled(base.minimum, profile.fte);
  let maximum = profile.caseloadMaximum ?? scaled(base.maximum, profile.fte);
  // A manager's figure wins over the default it contradicts: a maximum set below the default
  // minimum leaves no minimum; a minimum set above the default maximum raises the maximum to it.
  if (minimum !== null && maximum !== null && minimum > maximum) {
    if (profile.caseloadMaximum !== null && profile.caseloadMinimum === null) minimum = null;
    else if (profile.caseloadMinimum !== null && profile.caseloadMaximum === null) maximum = minimum;
  }
  const managerSet = profile.caseloadMinimum !== null || profile.caseloadMaximum !== null;
  return {
    minimum,
    maximum,
    basis: managerSet ? 'manager' : inYear ? 'protected' : base.maximum !== null ? 'service' : 'none',
    protected: inYear,
  };
}

export type CaseloadStatus = 'over_limit' | 'at_limit' | 'within' | 'under_minimum' | 'no_limit';

export const caseloadStatusLabels: Record<CaseloadStatus, { text: string; classes: string }> = {
  over_limit: { text: 'Over limit', classes: 'govuk-tag--red' },
  at_limit: { text: 'At limit', classes: 'govuk-tag--orange' },
  within: { text: 'Within limits', classes: 'govuk-tag--green' },
  under_minimum: { text: 'Under minimum', classes: 'govuk-tag--blue' },
  no_limit: { text: 'No limit set', classes: 'govuk-tag--grey' },
};

/** Weighted caseloads are sums of halves: kept to one decimal place so 0.1 + 0.2 never shows. */
export function roundCases(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * How a weighted caseload stands against a limit: over it; at it (less than one standard case of
 * room left, so the next allocation would take the worker over); under the minimum; or within.
 */
export function caseloadStatus(weighted: number, limit: Pick<CaseloadLimit, 'minimum' | 'maximum'>): CaseloadStatus {
  if (limit.maximum !== null) {
    if (weighted > limit.maximum) return 'over_limit';
    if (limit.maximum - weighted < defaultWeight) return 'at_limit';
  }
  if (limit.minimum !== null && weighted < limit.minimum) return 'under_minimum';
  return limit.maximum === null && limit.minimum === null ? 'no_limit' : 'within';
}

/** Room left before the maximum (negative when over it); null without a maximum. */
export function headroom(weighted: number, limit: Pick<CaseloadLimit, 'maximum'>): number | null {
  return limit.maximum === null ? null : roundCases(limit.maximum - weighted);
}

const cases = (n: number) => `${n} ${n === 1 ? 'case' : 'cases'}`;

/**
 * Why allocating a case to a worker needs a manager's recorded reason, or null when it does not:
 * an allocation that takes the worker's weighted caseload over their maximum (issue 12: "Allocation
 * beyond a worker's limit needs a manager's recorded reason"; 5.2).
 */
export function overLimitRefusal(worker: { name: string; weighted: number; limit: CaseloadLimit }, caseWeighting: number): string | null {
  const { maximum } = worker.limit;
  if (maximum === null) return null;
  const after = roundCases(worker.weighted + caseWeighting);
  if (after <= maximum) return null;
  const kind = worker.limit.protected ? 'protected caseload limit (newly qualified, in the assessed and supported year)' : 'caseload limit';
  return (
    `${worker.name}'s weighted caseload is ${roundCases(worker.weighted)} against a ${kind} of ${maximum}: ` +
    `this case (weighted ${caseWeighting}) would take it to ${after}, ${cases(roundCases(after - maximum))} over. ` +
    'Allocate to someone else, or enter the manager’s reason for allocating beyond the limit'
  );
}

/**
 * The practitioner-to-manager ratio of a team (5.3: "our proposed ratio of approximately 6
 * practitioner staff to each Manager"). Flagged when clearly above it: more than 7 practitioners
 * to a manager, or practitioners with no manager at all.
 */
export const ratioTarget = 6;
export const ratioFlagAbove = 7;

export function practitionerRatio(practitioners: number, managers: number): { ratio: number | null; flagged: boolean } {
  if (managers === 0) return { ratio: null, flagged: practitioners > 0 };
  const ratio = Math.round((practitioners / managers) * 10) / 10;
  return { ratio, flagged: ratio > ratioFlagAbove };
}

/**
 * The front door's capacity (7.1.3: "The duty rota will make provision for a minimum of 2 QSWs per
 * session"; "The Deputy Team Managers will monitor the number of children in need cases within the
 * Duty Teams to ensure that there is always capacity for providing the contact, referral and
 * assessment services"): the concerns to show a duty manager.
 */
export const dutyRotaMinimum = 2;

export function frontDoorConcerns(figures: { qualifiedAvailable: number; awaitingDecision: number; awaitingDecisionOverdue: number; headroom: number }): string[] {
  const concerns: string[] = [];
  if (figures.qualifiedAvailable < dutyRotaMinimum) {
    concerns.push(`Only ${figures.qualifiedAvailable} qualified social ${figures.qualifiedAvailable === 1 ? 'worker has' : 'workers have'} room for a new referral: the duty rota needs at least ${dutyRotaMinimum} per session (7.1.3)`);
  }
  if (figures.awaitingDecisionOverdue > 0) {
    concerns.push(`${figures.awaitingDecisionOverdue} ${figures.awaitingDecisionOverdue === 1 ? 'child is' : 'children are'} past the 24 hours for a threshold decision`);
  }
  // Each child awaiting a decision may become a referral to allocate in the duty teams.
  if (figures.headroom < figures.awaitingDecision) {
    concerns.push(`The duty teams have room for ${Math.max(0, roundCases(figures.headroom))} more standard ${roundCases(figures.headroom) === 1 ? 'case' : 'cases'} and ${figures.awaitingDecision} ${figures.awaitingDecision === 1 ? 'child is' : 'children are'} awaiting a threshold decision: consider transferring children in need cases on (7.1.3)`);
  }
  return concerns;
}

/**
 * What a worker with no recorded profile is taken to be, from their roles: a social worker as a
 * full-time qualified social worker (so the service's 20 to 25 applies until a manager records
 * otherwise), a manager as a manager, and so on. Full time, no limits of their own.
 */
export function practitionerOfRoles(roles: readonly Role[]): Practitioner {
  if (roles.some((r) => managerRoles.includes(r))) return 'manager';
  if (roles.includes('social-worker')) return 'qualified_social_worker';
  if (roles.includes('personal-adviser')) return 'personal_adviser';
  if (roles.includes('early-help-worker')) return 'early_help_worker';
  if (roles.includes('occupational-therapist')) return 'occupational_therapist';
  if (roles.includes('youth-justice-officer')) return 'youth_justice_officer';
  return 'other';
}

export function assumedProfile(roles: readonly Role[]): WorkforceProfileData {
  return { practitioner: practitionerOfRoles(roles), fte: 1, caseloadMinimum: null, caseloadMaximum: null, inductionEndsOn: null, asyeEndsOn: null, lineManagerId: null };
}

export interface WorkerCaseload {
  /** The profile used: the one recorded, or the one assumed from the roles. */
  profile: WorkforceProfileData;
  recorded: boolean;
  limit: CaseloadLimit;
  cases: number;
  weighted: number;
  status: CaseloadStatus;
  headroom: number | null;
}

/** A worker's caseload on a day: the cases they hold by weight, against their limit (5.2). */
export function workerCaseload(recorded: WorkforceProfileData | null, roles: readonly Role[], weights: readonly number[], date: string | Date): WorkerCaseload {
  const profile = recorded ?? assumedProfile(roles);
  const limit = caseloadLimitOn(profile, date);
  const weighted = roundCases(weights.reduce((sum, w) => sum + w, 0));
  return { profile, recorded: recorded !== null, limit, cases: weights.length, weighted, status: caseloadStatus(weighted, limit), headroom: headroom(weighted, limit) };
}

/** Roles of the practitioners counted in a team's ratio to its managers (5.3): case work, not administration. */
const practitionerRoles: readonly Role[] = ['social-worker', 'personal-adviser', 'early-help-worker', 'occupational-therapist', 'youth-justice-officer', 'family-time-worker', 'placements-officer', 'iro', 'cp-chair', 'lado'];

/**
 * A team member's place in the ratio (5.3: "approximately 6 practitioner staff to each Manager",
 * made possible by the Deputy Team Managers): team managers and assistant (deputy) team managers
 * are its managers; service managers and heads of service, who oversee several teams, are neither.
 */
export function ratioPlace(roles: readonly Role[]): 'manager' | 'practitioner' | null {
  if (roles.includes('team-manager') || roles.includes('assistant-team-manager')) return 'manager';
  if (roles.some((r) => managerRoles.includes(r))) return null;
  return roles.some((r) => practitionerRoles.includes(r)) ? 'practitioner' : null;
}

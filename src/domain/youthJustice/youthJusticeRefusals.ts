import { addMonths, ageOn, londonDate } from '../calendar/localDate';
import { inCustody, latestFor, longDate, workOf, workText, type Custody, type YouthJustice } from './youthJusticeCase';

/**
 * What each step of the Youth Offending Service's work needs first (practice-standards.txt, Section 1:
 * Youth Offending Service 1-22; issue 12): each function says why a step cannot be recorded now, in
 * words that say what to record first, or null. And what the page shows before a release (20-22).
 */

const never = 'The child is not open to the Youth Offending Service: record the referral first';

/** Why a referral cannot be recorded now, or null. The age of criminal responsibility is 10; at 18 the Probation Service takes over. */
export function referralRefusal(y: YouthJustice, ageAtReferral: number | null): string | null {
  if (y.open && y.current) return `The child is already open to the Youth Offending Service (since ${longDate(y.current.startedAt)}): record a new offence as a re-offence or a sentence on the open case, or close it first`;
  if (ageAtReferral !== null && ageAtReferral < 10) return `The child was ${ageAtReferral} on that date: children under 10 are below the age of criminal responsibility and are not referred to the Youth Offending Service`;
  if (ageAtReferral !== null && ageAtReferral >= 18) return `The young person was ${ageAtReferral} on that date: adults are referred to the Probation Service, not the Youth Offending Service`;
  return null;
}

/** Steps that need an open case: allocation, disposals, reports, sentences, the intervention's end. */
export function openCaseRefusal(y: YouthJustice): string | null {
  if (!y.open || !y.current) return never;
  return null;
}

export function allocationRefusal(y: YouthJustice, caseManagerId: string): string | null {
  return openCaseRefusal(y) ?? (y.current!.caseManager?.id === caseManagerId ? `${y.current!.caseManager.name} is already the case manager` : null);
}

export function disposalRefusal(y: YouthJustice): string | null {
  const open = openCaseRefusal(y);
  if (open) return open;
  const c = y.current!;
  if (c.referral?.route === 'court') return 'This referral came by the court route: record a sentence, not an out-of-court disposal, or record a new out-of-court referral once this case is closed';
  if (c.sentences.length > 0) return 'The child has been sentenced on this case: an out-of-court disposal cannot follow a sentence';
  return null;
}

export function sentenceRefusal(y: YouthJustice): string | null {
  const open = openCaseRefusal(y);
  if (open) return open;
  const custody = inCustody(y);
  if (custody) return `The young person is in custody on a Detention and Training Order since ${longDate(custody.since)}: record the release before a new sentence`;
  if (y.current!.interventionEnded) return 'The intervention has ended: close this case and record a new referral for a new sentence';
  return null;
}

/** The AssetPlus assessment is done by the allocated case manager (standard 1): allocation comes first. */
export function assessmentRefusal(y: YouthJustice): string | null {
  const open = openCaseRefusal(y);
  if (open) return open;
  if (!y.current!.caseManager) return 'Allocate the case to a Youth Offending Service case manager first: the assessment is theirs (within 5 working days of allocation)';
  if (y.current!.interventionEnded) return 'The intervention has ended';
  return null;
}

/** The plan is made from the assessment for the work the case is for now (standards 2 and 12). */
export function planRefusal(y: YouthJustice): string | null {
  const open = assessmentRefusal(y);
  if (open) return open;
  const c = y.current!;
  const work = workOf(c);
  const assessment = latestFor(c.assessments, work);
  if (!assessment) return `Record the AssetPlus assessment for the ${workText(work)} first: the intervention plan is made from it`;
  return null;
}

/** Reviews are of the plan for the work the case is for now (standard 14). */
export function reviewRefusal(y: YouthJustice): string | null {
  const open = openCaseRefusal(y) ?? (y.current!.interventionEnded ? 'The intervention has ended' : null);
  if (open) return open;
  const c = y.current!;
  if (!latestFor(c.plans, workOf(c))) return 'Record the intervention plan first: reviews are of the plan';
  return null;
}

export type CustodyStep = 'contact' | 'sentencePlanning' | 'sentencePlanReview' | 'resettlement' | 'accommodation' | 'ete' | 'releaseDate' | 'probationTransfer' | 'release';

/**
 * Steps in custody (standards 17-22) are recorded while the young person is in custody on a
 * Detention and Training Order. A review of the sentence plan follows the sentence planning (19);
 * the transfer to the Probation Service is for one who turns 18 in custody (22).
 */
export function custodyRefusal(y: YouthJustice, step: CustodyStep, dateOfBirth: string | null): string | null {
  const custody = inCustody(y);
  if (!custody) return 'This is recorded while the young person is in custody on a Detention and Training Order: record the sentence first';
  if (step === 'sentencePlanReview' && !custody.planningAt) return 'Record the sentence planning meeting first: its reviews follow it';
  if (step === 'probationTransfer') {
    if (custody.probationTransferAt) return `The transfer was finalised on ${longDate(custody.probationTransferAt)}`;
    if (dateOfBirth && custody.releaseOn && ageOn(dateOfBirth, custody.releaseOn) < 18) return `The young person will be ${ageOn(dateOfBirth, custody.releaseOn)} on the expected release date: the transfer to the National Probation Service is for those who turn 18 in custody`;
  }
  return null;
}

/** What should be in place before the release on licence and is not (21; 22 for one who turned 18 in custody). */
export function missingForRelease(custody: Custody, turned18: boolean): string[] {
  return [
    custody.accommodation ? null : 'suitable accommodation',
    custody.ete ? null : 'education, training or employment',
    turned18 && !custody.probationTransferAt ? 'the transfer to the National Probation Service' : null,
  ].filter((x): x is string => x !== null);
}

/**
 * Release on licence (21): suitable accommodation and education, training or employment must be in
 * place first, and for one who turned 18 in custody the transfer to the Probation Service finalised
 * (22). Without them the release is refused unless the reason is given: the release is a fact to
 * record, and the standard then shows as missed.
 */
export function releaseRefusal(y: YouthJustice, reason: string | null, turned18 = false): string | null {
  const refused = custodyRefusal(y, 'release', null);
  if (refused) return refused;
  const missing = missingForRelease(inCustody(y)!, turned18);
  if (missing.length > 0 && !reason) {
    const list = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}` : missing[0];
    const transfer = missing.includes('the transfer to the National Probation Service');
    return `Record ${list} before the release on licence (Youth Offending Service 21${transfer ? ' and 22' : ''}), or give the reason ${missing.length > 1 ? 'they are' : 'it is'} not in place`;
  }
  return null;
}

/** A re-offence is a further offence after a caution, conditional caution or conviction. */
export function reoffenceRefusal(y: YouthJustice): string | null {
  return y.formalOutcomes.length === 0 ? 'A re-offence follows a youth caution, a conditional caution or a conviction: record the earlier disposal or sentence first' : null;
}

export function endRefusal(y: YouthJustice): string | null {
  const open = openCaseRefusal(y);
  if (open) return open;
  if (y.current!.interventionEnded) return `The intervention ended on ${longDate(y.current!.interventionEnded.at)}: close the case`;
  const custody = inCustody(y);
  if (custody) return 'The young person is in custody: record the release on licence first, and end the intervention when the licence ends';
  return null;
}

export function closeRefusal(y: YouthJustice): string | null {
  const open = openCaseRefusal(y);
  if (open) return open;
  if (!y.current!.interventionEnded) return 'Record the end of the intervention first';
  return null;
}

/** Did the young person turn 18 while in custody (standard 22)? Under 18 when sentenced, 18 or over when released. */
export function turned18InCustody(dateOfBirth: string | null, sentencedAt: Date, releasedAt: Date): boolean {
  if (!dateOfBirth) return false;
  return ageOn(dateOfBirth, londonDate(sentencedAt)) < 18 && ageOn(dateOfBirth, londonDate(releasedAt)) >= 18;
}

/**
 * What the page shows before a release (20-22): the expected release date, what is in place, and
 * for a young person who will have turned 18 inside, the date the transfer to the National
 * Probation Service must be finalised by (a month before the release date, clamped to the month's end).
 */
export function releasePlan(y: YouthJustice, dateOfBirth: string | null, today: string) {
  const custody = inCustody(y);
  if (!custody) return null;
  const releaseOn = custody.releaseOn;
  const turns18 = Boolean(dateOfBirth && releaseOn && ageOn(dateOfBirth, londonDate(custody.since)) < 18 && ageOn(dateOfBirth, releaseOn) >= 18);
  const transferBy = turns18 && releaseOn ? addMonths(releaseOn, -1) : null;
  return {
    releaseOn,
    daysToRelease: releaseOn ? Math.round((Date.parse(`${releaseOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000) : null,
    accommodation: custody.accommodation,
    ete: custody.ete,
    resettlementAt: custody.resettlementAt,
    turns18,
    transferBy,
    transferOverdue: Boolean(transferBy && !custody.probationTransferAt && transferBy < today),
    probationTransferAt: custody.probationTransferAt,
  };
}


import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { inCustody, workOf, youthJusticeOf } from './youthJusticeCase';
import {
  allocationRefusal,
  assessmentRefusal,
  closeRefusal,
  custodyRefusal,
  disposalRefusal,
  endRefusal,
  planRefusal,
  referralRefusal,
  releasePlan,
  releaseRefusal,
  reoffenceRefusal,
  reviewRefusal,
  sentenceRefusal,
  turned18InCustody,
} from './youthJusticeRefusals';
import { isYouthJusticeEvent, isYouthJusticeRule } from './youthJusticeCodes';

let n = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Ellie Ford', data });
const referral = (route: 'out_of_court' | 'court', at = '2026-04-01T10:00:00+01:00') => ev('yos.referral_received', at, { source: 'police', route });
const allocated = (at = '2026-04-02T10:00:00+01:00') => ev('yos.referral_allocated', at, { caseManagerId: 'u1', caseManagerName: 'Ellie Ford' });
const dto = (at = '2026-04-08T12:00:00+01:00', releaseOn = '2026-10-07') => ev('yos.sentenced', at, { order: 'detention_and_training_order', court: 'youth_court', releaseOn });

describe('youth justice: the case read from the record', () => {
  it('knows only yos.* events and rules as youth justice records', () => {
    expect(isYouthJusticeEvent('yos.sentenced')).toBe(true);
    expect(isYouthJusticeEvent('cin.visit')).toBe(false);
    expect(isYouthJusticeRule('yos.assessment')).toBe(true);
    expect(isYouthJusticeRule('early-help.allocated')).toBe(false);
  });

  it('opens with a referral, refuses a second while open, and at under 10 or 18', () => {
    expect(referralRefusal(youthJusticeOf([]), 14)).toBeNull();
    expect(referralRefusal(youthJusticeOf([]), 9)).toMatch(/under 10 are below the age of criminal responsibility/);
    expect(referralRefusal(youthJusticeOf([]), 18)).toMatch(/referred to the Probation Service/);
    const open = youthJusticeOf([referral('out_of_court')]);
    expect(open.open).toBe(true);
    expect(referralRefusal(open, 14)).toMatch(/^The child is already open to the Youth Offending Service \(since 1 April 2026\)/);
    // Closed, a new referral opens a new case.
    const closed = youthJusticeOf([referral('out_of_court'), ev('yos.intervention_ended', '2026-06-01T10:00:00+01:00', { reason: 'completed' }), ev('yos.case_closed', '2026-06-02T10:00:00+01:00')]);
    expect(closed.open).toBe(false);
    expect(referralRefusal(closed, 14)).toBeNull();
    const again = youthJusticeOf([...[referral('out_of_court'), ev('yos.intervention_ended', '2026-06-01T10:00:00+01:00'), ev('yos.case_closed', '2026-06-02T10:00:00+01:00')], referral('court', '2026-09-01T10:00:00+01:00')]);
    expect(again.cases).toHaveLength(2);
    expect(again.current?.referral?.route).toBe('court');
    expect(again.current?.caseManager).toBeNull();
  });

  it('refuses each step until what it needs is recorded', () => {
    const none = youthJusticeOf([]);
    expect(allocationRefusal(none, 'u1')).toBe('The child is not open to the Youth Offending Service: record the referral first');
    const referred = youthJusticeOf([referral('out_of_court')]);
    expect(assessmentRefusal(referred)).toMatch(/^Allocate the case to a Youth Offending Service case manager first/);
    const withManager = youthJusticeOf([referral('out_of_court'), allocated()]);
    expect(allocationRefusal(withManager, 'u1')).toBe('Ellie Ford is already the case manager');
    expect(allocationRefusal(withManager, 'u2')).toBeNull();
    expect(assessmentRefusal(withManager)).toBeNull();
    expect(planRefusal(withManager)).toBe('Record the AssetPlus assessment for the out-of-court work first: the intervention plan is made from it');
    expect(reviewRefusal(withManager)).toBe('Record the intervention plan first: reviews are of the plan');
    const assessed = youthJusticeOf([referral('out_of_court'), allocated(), ev('yos.assessment_completed', '2026-04-09T10:00:00+01:00', { order: 'out_of_court' })]);
    expect(planRefusal(assessed)).toBeNull();
    expect(closeRefusal(assessed)).toBe('Record the end of the intervention first');
    expect(endRefusal(assessed)).toBeNull();
    expect(reoffenceRefusal(assessed)).toMatch(/^A re-offence follows a youth caution/);
  });

  it('keeps out-of-court disposals to the out-of-court route, and a new sentence needs a new assessment and plan', () => {
    expect(disposalRefusal(youthJusticeOf([referral('court')]))).toMatch(/^This referral came by the court route/);
    const sentenced = [referral('out_of_court'), allocated(), ev('yos.assessment_completed', '2026-04-09T10:00:00+01:00', { order: 'out_of_court' }), ev('yos.plan_completed', '2026-04-10T10:00:00+01:00', { order: 'out_of_court' }), ev('yos.sentenced', '2026-05-05T12:00:00+01:00', { order: 'referral_order', court: 'youth_court' })];
    const y = youthJusticeOf(sentenced);
    expect(workOf(y.current!)).toBe('referral_order');
    expect(disposalRefusal(y)).toBe('The child has been sentenced on this case: an out-of-court disposal cannot follow a sentence');
    expect(planRefusal(y)).toBe('Record the AssetPlus assessment for the referral order first: the intervention plan is made from it');
    expect(reviewRefusal(y)).toBe('Record the intervention plan first: reviews are of the plan');
    expect(reoffenceRefusal(y)).toBeNull();
    expect(y.formalOutcomes.map((o) => o.what)).toEqual(['Referral order']);
  });

  it('counts a youth caution, not a community resolution, as a formal outcome', () => {
    const y = youthJusticeOf([referral('out_of_court'), ev('yos.disposal_delivered', '2026-04-03T10:00:00+01:00', { disposal: 'community_resolution' }), ev('yos.disposal_delivered', '2026-05-03T10:00:00+01:00', { disposal: 'youth_caution' })]);
    expect(y.current!.disposals).toHaveLength(2);
    expect(y.formalOutcomes.map((o) => o.what)).toEqual(['Youth caution']);
  });

  it('follows custody from the sentence to the release, refusing release without accommodation and ETE unless the reason is given', () => {
    const sentenced = [referral('court'), allocated(), dto()];
    const y = youthJusticeOf(sentenced);
    expect(inCustody(y)?.releaseOn).toBe('2026-10-07');
    expect(sentenceRefusal(y)).toMatch(/^The young person is in custody on a Detention and Training Order since 8 April 2026/);
    expect(custodyRefusal(y, 'sentencePlanReview', null)).toBe('Record the sentence planning meeting first: its reviews follow it');
    expect(custodyRefusal(y, 'contact', null)).toBeNull();
    expect(endRefusal(y)).toMatch(/^The young person is in custody: record the release on licence first/);
    expect(releaseRefusal(y, null)).toBe('Record suitable accommodation and education, training or employment before the release on licence (Youth Offending Service 21), or give the reason they are not in place');
    expect(releaseRefusal(y, 'The placement fell through on the day')).toBeNull();
    const housed = youthJusticeOf([...sentenced, ev('yos.release_accommodation_confirmed', '2026-09-01T10:00:00+01:00', { detail: 'Supported lodgings' })]);
    expect(releaseRefusal(housed, null)).toBe('Record education, training or employment before the release on licence (Youth Offending Service 21), or give the reason it is not in place');
    expect(releaseRefusal(housed, null, true)).toBe('Record education, training or employment and the transfer to the National Probation Service before the release on licence (Youth Offending Service 21 and 22), or give the reason they are not in place');
    const ready = youthJusticeOf([...sentenced, ev('yos.release_accommodation_confirmed', '2026-09-01T10:00:00+01:00', { detail: 'Supported lodgings' }), ev('yos.release_ete_confirmed', '2026-09-02T10:00:00+01:00', { detail: 'College place' })]);
    expect(releaseRefusal(ready, null)).toBeNull();
    const released = youthJusticeOf([...sentenced, ev('yos.released', '2026-10-07T09:00:00+01:00', { turned18InCustody: false, notInPlaceReason: 'No bed' })]);
    expect(inCustody(released)).toBeNull();
    expect(custodyRefusal(released, 'contact', null)).toMatch(/^This is recorded while the young person is in custody/);
    expect(released.current!.custody?.released?.notInPlaceReason).toBe('No bed');
    expect(endRefusal(released)).toBeNull();
  });

  it('moves the release date when it is set again, and works out the transfer to probation for one turning 18 inside', () => {
    const y = youthJusticeOf([referral('court'), allocated(), dto('2026-04-08T12:00:00+01:00', '2026-10-07'), ev('yos.release_date_set', '2026-06-01T10:00:00+01:00', { releaseOn: '2026-10-31' })]);
    // Born 15 August 2008: 17 at sentence, 18 on the release date. A month before Saturday 31 October is 30 September.
    const plan = releasePlan(y, '2008-08-15', '2026-09-20');
    expect(plan).toMatchObject({ releaseOn: '2026-10-31', daysToRelease: 41, turns18: true, transferBy: '2026-09-30', transferOverdue: false });
    expect(releasePlan(y, '2008-08-15', '2026-10-01')?.transferOverdue).toBe(true);
    expect(releasePlan(y, '2010-01-01', '2026-09-20')).toMatchObject({ turns18: false, transferBy: null });
    expect(custodyRefusal(y, 'probationTransfer', '2010-01-01')).toBe('The young person will be 16 on the expected release date: the transfer to the National Probation Service is for those who turn 18 in custody');
    expect(custodyRefusal(y, 'probationTransfer', '2008-08-15')).toBeNull();
  });

  it('knows who turned 18 in custody from the date of birth', () => {
    expect(turned18InCustody('2008-08-15', new Date('2026-04-08T12:00:00+01:00'), new Date('2026-10-31T09:00:00Z'))).toBe(true);
    expect(turned18InCustody('2008-08-15', new Date('2026-08-15T12:00:00+01:00'), new Date('2026-10-31T09:00:00Z'))).toBe(false);
    expect(turned18InCustody('2010-08-15', new Date('2026-04-08T12:00:00+01:00'), new Date('2026-10-31T09:00:00Z'))).toBe(false);
    expect(turned18InCustody(null, new Date('2026-04-08T12:00:00+01:00'), new Date('2026-10-31T09:00:00Z'))).toBe(false);
  });

  it('keeps arrests and re-offences whether or not a case is open', () => {
    const y = youthJusticeOf([ev('yos.arrested', '2026-03-01T22:00:00Z', { offence: 'Criminal damage' }), ev('yos.reoffended', '2027-01-10T10:00:00Z', { offence: 'Theft' })]);
    expect(y.open).toBe(false);
    expect(y.arrests.map((a) => a.offence)).toEqual(['Criminal damage']);
    expect(y.reoffences).toHaveLength(1);
  });
});

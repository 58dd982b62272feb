import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { handoverDueBy, hospitalRefusals, nextStepOf, referralsOf, wardVisitDueOn } from './hospitalReferral';

let n = 0;
const e = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Chloe Evans', data });
const received = (at: string, data: Record<string, unknown>) => e('cwd.hospital_referral_received', at, { hospital: 'Wealdmoor General Hospital', ward: 'Children’s ward', reason: 'Seizures', ...data });

describe('hospital referrals (specialist-service-statement.txt 7.3.3)', () => {
  it('keeps each referral with its own steps, tied by referralId', () => {
    const list = referralsOf('p', [
      received('2026-05-01T09:00:00+01:00', { referralId: 'a', admitted: true, homeAuthority: 'somerset', outOfArea: true }),
      e('cwd.ward_visited', '2026-05-01T15:00:00+01:00', { referralId: 'a', note: 'Seen with mother' }),
      received('2026-06-10T09:00:00+01:00', { referralId: 'b', admitted: false, homeAuthority: 'this_authority', outOfArea: false }),
      e('cwd.hospital_referral_passed_on', '2026-05-01T16:00:00+01:00', { referralId: 'a', contact: 'Duty team, Somerset' }),
      e('cwd.ward_visited', '2026-06-10T12:00:00+01:00', { referralId: 'zzz' }),
    ]);
    expect(list.map((r) => [r.referralId, r.authorityName, Boolean(r.wardVisit), Boolean(r.passedOn)])).toEqual([
      ['a', 'Somerset', true, true],
      ['b', 'This authority', false, false],
    ]);
    expect(list[0]?.wardVisit?.note).toBe('Seen with mother');
    expect(nextStepOf(list[0]!)).toBe('handover');
    expect(nextStepOf(list[1]!)).toBe('take_on');
  });

  it("reads the front door's hospital contacts too: the contact is the referral, the home authority as typed", () => {
    const [r] = referralsOf('p', [received('2026-08-20T10:00:00+01:00', { contactId: 'c1', outOfArea: true, homeAuthority: 'Somerset Council', hospital: undefined, ward: undefined })]);
    expect([r?.referralId, r?.homeAuthority, r?.authorityName, r?.hospital, r?.admitted]).toEqual(['c1', 'other', 'Somerset Council', 'Wealdmoor General Hospital', false]);
    expect(nextStepOf(r!)).toBe('pass_on');
  });

  it('knows a referral with neither referralId nor contactId (recorded before them, or imported) by its own event, with the steps that carry it', () => {
    const legacy = received('2026-04-03T09:00:00+01:00', { admitted: true, homeAuthority: 'wiltshire', outOfArea: true });
    const list = referralsOf('p', [
      legacy,
      e('cwd.ward_visited', '2026-04-03T11:00:00+01:00', { referralId: legacy.id, note: 'Seen on the ward' }),
      e('cwd.hospital_referral_passed_on', '2026-04-03T12:00:00+01:00', { contact: 'No id: cannot be told apart' }),
    ]);
    expect(list.map((r) => [r.referralId, r.eventId, r.authorityName, r.wardVisit?.note, r.passedOn])).toEqual([[legacy.id, legacy.id, 'Wiltshire', 'Seen on the ward', null]]);
    expect(nextStepOf(list[0]!)).toBe('pass_on');
  });

  it('counts the ward visit to the end of the London day and the hand-over to 24 hours after the referral', () => {
    // 23:30 UTC on Thursday 4 June 2026 is 00:30 BST on Friday 5 June.
    const r = { receivedAt: new Date('2026-06-04T23:30:00Z') };
    expect(wardVisitDueOn(r)).toBe('2026-06-05');
    expect(handoverDueBy(r).toISOString()).toBe('2026-06-05T23:30:00.000Z');
  });

  it('refuses a step that does not apply, saying why', () => {
    const [local, away] = referralsOf('p', [
      received('2026-05-01T09:00:00+01:00', { referralId: 'a', admitted: false, homeAuthority: 'this_authority', outOfArea: false }),
      received('2026-05-01T10:00:00+01:00', { referralId: 'b', admitted: true, homeAuthority: 'other', homeAuthorityName: 'Devon', outOfArea: true }),
    ]);
    expect(hospitalRefusals.wardVisit(local!)).toMatch(/not admitted/);
    expect(hospitalRefusals.passOn(local!)).toMatch(/lives in this authority/);
    expect(hospitalRefusals.handover(local!)).toMatch(/no hand-over/);
    expect(hospitalRefusals.takeOn(local!)).toBeNull();
    expect(hospitalRefusals.wardVisit(away!)).toBeNull();
    expect(hospitalRefusals.handover(away!)).toBe('Record that the referral was passed on to Devon first');
    expect(hospitalRefusals.takeOn(away!)).toBe('The child lives in Devon: pass the referral on to them instead');
    expect(nextStepOf(away!)).toBe('ward_visit');
  });
});

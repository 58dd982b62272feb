import { describe, expect, it } from 'vitest';
import { documentsCheck, kindRefusal, matchedRequestOf, missingDocuments, openRequestsOf, placementRequestsOf, riskAssessmentRequired } from './requests';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}) => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Sam Worker', data });
const made = (requestId: string, on: string, extra: Record<string, unknown> = {}) =>
  event('placements.request_made', `${on}T10:00:00Z`, { requestId, kind: 'under_18', neededFrom: '2027-05-01', reason: 'Mum in hospital', outlinePlan: 'Foster care', providerTypes: ['in_house_fostering'], needs: ['emotional_behavioural'], complexNeeds: true, homePostcode: 'WM5 7QR', schoolPostcode: 'WM6 1AA', ...extra });

describe('placement requests read from the record (resource-service-policy.txt 3.1)', () => {
  it('follows a request from authorisation to the placement made from it', () => {
    const stream = [
      made('r1', '2027-04-01'),
      event('placements.request_authorised', '2027-04-02T10:00:00Z', { requestId: 'r1' }),
      event('placements.request_allocated', '2027-04-03T10:00:00Z', { requestId: 'r1', officerId: 'u1', officerName: 'Noah Williams' }),
      event('placements.option_considered', '2027-04-04T10:00:00Z', { requestId: 'r1', providerId: 'p1', providerName: 'Our carers', decision: 'shortlisted', reason: 'Near school', inHouse: true, milesFromHome: 2.5 }),
      event('placements.option_considered', '2027-04-04T11:00:00Z', { requestId: 'r1', providerId: 'p2', providerName: 'Far Agency', decision: 'rejected', reason: 'Too far' }),
      event('placements.option_considered', '2027-04-05T11:00:00Z', { requestId: 'r1', providerId: 'p1', providerName: 'Our carers', decision: 'rejected', reason: 'Carers withdrew' }),
      event('placements.site_visited', '2027-04-05T12:00:00Z', { requestId: 'r1', providerId: 'p2', providerName: 'Far Agency', findings: 'Good' }),
    ];
    let [r] = placementRequestsOf(stream);
    expect([r?.status, r?.allocated?.officerName, r?.options.map((o) => [o.providerName, o.decision]), r?.siteVisits.length]).toEqual(['allocated', 'Noah Williams', [['Far Agency', 'rejected'], ['Our carers', 'rejected']], 1]);
    expect(matchedRequestOf(stream, 'r1')).toBeNull();

    stream.push(event('placements.request_matched', '2027-04-06T10:00:00Z', { requestId: 'r1', providerId: 'p2', providerName: 'Far Agency' }));
    expect(matchedRequestOf(stream, 'r1')).toEqual({ requestId: 'r1', providerId: 'p2', providerName: 'Far Agency', complexNeeds: true, riskOfDisruption: false, homePostcode: 'WM5 7QR', schoolPostcode: 'WM6 1AA', neededFrom: '2027-05-01' });
    expect(openRequestsOf(stream).map((x) => x.status)).toEqual(['matched']);

    stream.push(event('cic.placement_started', '2027-05-01T10:00:00Z', { requestId: 'r1', setting: 'independent_fostering' }));
    [r] = placementRequestsOf(stream);
    expect(r?.status).toBe('placed');
    expect(openRequestsOf(stream)).toEqual([]);
    expect(matchedRequestOf(stream, 'r1')).toBeNull();
  });

  it('keeps requests apart by their id, and a withdrawn one closed', () => {
    const stream = [made('a', '2027-01-01'), made('b', '2027-02-01'), event('placements.request_withdrawn', '2027-02-02T10:00:00Z', { requestId: 'a', reason: 'Went home' }), event('placements.request_authorised', '2027-02-03T10:00:00Z', { requestId: 'a' })];
    expect(placementRequestsOf(stream).map((r) => [r.requestId, r.status, r.withdrawn?.reason ?? null])).toEqual([['a', 'withdrawn', 'Went home'], ['b', 'awaiting_authorisation', null]]);
  });

  it('keeps a step recorded with an earlier date with its request', () => {
    const stream = [made('c', '2027-04-01'), event('placements.site_visited', '2027-03-31T10:00:00Z', { requestId: 'c', providerId: 'p', providerName: 'Home', findings: 'Fine' })];
    expect(placementRequestsOf(stream)[0]?.siteVisits.map((v) => v.notes)).toEqual(['Fine']);
  });

  it('uses the 18+ request only from 18 on the date needed, and the Decision to Seek Accommodation only under 18', () => {
    expect(kindRefusal('supported_accommodation_18_plus', '2010-06-01', '2027-03-01')).toMatch(/for young people of 18 or over: this young person is 16/);
    expect(kindRefusal('supported_accommodation_18_plus', '2009-03-01', '2027-03-01')).toBeNull();
    expect(kindRefusal('under_18', '2009-03-01', '2027-03-01')).toMatch(/for children under 18/);
    expect(kindRefusal('under_18', '2009-03-02', '2027-03-01')).toBeNull();
  });

  it('needs a risk assessment from the 12th birthday, and always for 18+', () => {
    expect(riskAssessmentRequired('under_18', '2015-03-02', '2027-03-01')).toBe(false);
    expect(riskAssessmentRequired('under_18', '2015-03-01', '2027-03-01')).toBe(true);
    expect(riskAssessmentRequired('supported_accommodation_18_plus', null, '2027-03-01')).toBe(true);
  });

  it('checks the documents the Resource Service needs for this child', () => {
    const inCare = event('cic.started', '2026-01-01T10:00:00Z', { legalStatus: 'C2' });
    const check = (stream: ReturnType<typeof event>[], dob: string, hasEhcp = false) =>
      documentsCheck(stream, { kind: 'under_18', hasEhcp }, dob, '2027-03-01').map((c) => `${c.kind}:${c.required ? 'required' : 'optional'}:${c.present ? 'present' : 'missing'}`);
    expect(check([inCare], '2017-01-01')).toEqual(['assessment:required:missing', 'pathway_plan:optional:missing', 'ehcp:optional:missing', 'pep:required:missing']);
    const done = [inCare, event('assessment.completed', '2026-02-01T10:00:00Z'), event('document.attached', '2026-02-02T10:00:00Z', { kind: 'pep', filename: 'pep.pdf' })];
    expect(check(done, '2017-01-01', true)).toEqual(['assessment:required:present', 'pathway_plan:optional:missing', 'ehcp:required:missing', 'pep:required:present']);
    expect(check([event('care_leaver.pathway_plan_completed', '2026-02-01T10:00:00Z')], '2010-06-01')).toEqual(['assessment:required:missing', 'pathway_plan:required:present', 'ehcp:optional:missing', 'pep:optional:missing']);
    expect(missingDocuments(documentsCheck([inCare], { kind: 'under_18', hasEhcp: false }, '2017-01-01', '2027-03-01')).map((c) => c.kind)).toEqual(['assessment', 'pep']);
  });
});

import { describe, expect, it } from 'vitest';
import { candidatesFor, inHouseFirstRefusal, matchRefusal } from './matching';
import type { Provider } from './providers';
import { placementRequestsOf } from './requests';

const provider = (id: string, overrides: Partial<Provider>): Provider => ({
  id, name: id, type: 'independent_fostering_agency', urn: null, address: '', postcode: 'WM5 1AA', contacts: [], places: 4, vacancies: 1, vacanciesOn: null,
  ageFrom: 0, ageTo: 17, needsMet: ['emotional_behavioural'], registeredOn: '2020-01-01', closedOn: null, inspections: [], rating: 'good', ratedOn: null, actionPlans: [], reg44: [], ...overrides,
});
const centres = new Map([['WM5', { latitude: 52.48, longitude: -1.9 }], ['WM9', { latitude: 52.9, longitude: -1.9 }]]);
const event = (type: string, data: Record<string, unknown>, at = '2027-04-01T10:00:00Z') => ({ id: `${type}${Math.random()}`, type, occurredAt: new Date(at), recordedByName: 'Noah', data: { requestId: 'r', ...data } });
const requestWith = (...more: ReturnType<typeof event>[]) =>
  placementRequestsOf([event('placements.request_made', { kind: 'under_18', providerTypes: ['independent_fostering_agency', 'in_house_fostering'], needs: ['emotional_behavioural'], homePostcode: 'WM5 7QR', complexNeeds: true }, '2027-03-01T10:00:00Z'), ...more])[0]!;

const providers = [
  provider('Our carers', { type: 'in_house_fostering' }),
  provider('Near Agency', {}),
  provider('Far Agency', { postcode: 'WM9 1AA' }),
  provider('Unknown Agency', { postcode: 'ZZ1 1ZZ' }),
  provider('Full Agency', { vacancies: 0 }),
  provider('Weak Agency', { rating: 'requires_improvement' }),
  provider('Closed Agency', { closedOn: '2026-01-01' }),
  provider('A home', { type: 'childrens_home' }),
  provider('Teen Agency', { ageFrom: 13 }),
];

describe('matching a request to providers (issue 7; resource-and-care-panel-policy.txt 1.4 b)', () => {
  it('filters by type, rating, vacancies, age, needs and distance, showing why each passes or fails', () => {
    const request = requestWith();
    const list = candidatesFor(request, providers, centres, { types: request.providerTypes, belowGood: false, maxMiles: 10, needsMet: true }, 9);
    expect(list.map((c) => [c.provider.name, c.passes, c.milesFromHome === null ? 'unknown' : 'known'])).toEqual([
      ['Our carers', true, 'known'],
      ['Near Agency', true, 'known'],
      ['Unknown Agency', true, 'unknown'],
      ['Full Agency', false, 'known'],
      ['Teen Agency', false, 'known'],
      ['Far Agency', false, 'known'],
    ]);
    expect(list.find((c) => c.provider.name === 'Teen Agency')?.checks.find((c) => c.filter === 'age')?.text).toBe('Takes 13 to 17: not 9');
    const all = candidatesFor(request, providers, centres, { types: request.providerTypes, belowGood: true, maxMiles: null, needsMet: true }, 9);
    expect(all.find((c) => c.provider.name === 'Weak Agency')?.checks[0]?.text).toContain("needs a head of service's exception");
  });

  it('considers in-house options first, and needs a site visit before matching complex needs', () => {
    const near = providers[1]!;
    expect(inHouseFirstRefusal(requestWith(), near, providers)).toMatch(/shortlist or reject Our carers before shortlisting Near Agency/);
    const considered = requestWith(event('placements.option_considered', { providerId: 'Our carers', providerName: 'Our carers', decision: 'rejected', reason: 'No carers free' }));
    expect(inHouseFirstRefusal(considered, near, providers)).toBeNull();
    // An agency's carers for a request that sought only a home: the in-house fostering service comes first all the same.
    const homeOnly = placementRequestsOf([event('placements.request_made', { kind: 'under_18', providerTypes: ['secure'], needs: [], homePostcode: 'WM5 7QR' }, '2027-03-01T10:00:00Z')])[0]!;
    expect(inHouseFirstRefusal(homeOnly, near, providers)).toMatch(/shortlist or reject Our carers before shortlisting Near Agency/);
    const listed = requestWith(event('placements.option_considered', { providerId: 'Near Agency', providerName: 'Near Agency', decision: 'shortlisted', reason: 'Near school' }));
    expect(matchRefusal(listed, 'Far Agency')).toMatch(/Select a shortlisted provider/);
    expect(matchRefusal(listed, 'Near Agency')).toMatch(/complex needs: record a site visit to Near Agency/);
    const visited = requestWith(event('placements.option_considered', { providerId: 'Near Agency', providerName: 'Near Agency', decision: 'shortlisted', reason: 'Near school' }), event('placements.site_visited', { providerId: 'Near Agency', findings: 'Fine' }));
    expect(matchRefusal(visited, 'Near Agency')).toBeNull();
  });
});

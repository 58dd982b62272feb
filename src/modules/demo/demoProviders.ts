import { addDays, addMonths, londonDate } from '../../domain/calendar/localDate';
import { milesBetweenPostcodes } from '../../domain/placements/distance';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

type At = (daysAgo: number, hour?: number) => Date;

/**
 * The centres of the fictional authority's postcode districts (Wealdmoor WM1-2, Ashbury WM3,
 * Kingsford WM5, Thornleigh WM7) and two districts further away, for distances from home. A real
 * authority loads the ONS district centres instead (`npx hearth postcodes import`).
 */
export const demoDistricts = [
  { outcode: 'WM1', latitude: 52.6012, longitude: -2.1301 },
  { outcode: 'WM2', latitude: 52.6153, longitude: -2.1104 },
  { outcode: 'WM3', latitude: 52.6504, longitude: -2.0702 },
  { outcode: 'WM5', latitude: 52.5707, longitude: -2.1809 },
  { outcode: 'WM7', latitude: 52.6402, longitude: -2.2305 },
  { outcode: 'NB2', latitude: 52.9801, longitude: -1.9203 },
  { outcode: 'SX4', latitude: 52.1502, longitude: -2.6904 },
];

interface DemoProvider {
  name: string;
  /** The Ofsted unique reference number (fictional); Mill Court has none, so the SSDA903 return asks for it. */
  urn?: string;
  type: string;
  address: string;
  postcode: string;
  places: number;
  vacancies: number;
  ages: [number, number];
  needs: string[];
  contact: [string, string];
  /** Inspections as [days ago, judgement]. */
  inspections: [number, string][];
  /** Months (counting back from last month) whose Regulation 44 report has not come. */
  reg44Missing?: number[];
}

/** Providers the Resource Service uses: in-house first (resource-and-care-panel-policy.txt 1.4 b), then the private and voluntary sector (resource-service-policy.txt 1.4). */
export const demoProviders: DemoProvider[] = [
  { name: 'Wealdmoor Fostering Service', urn: 'SC486201', type: 'in_house_fostering', address: 'Civic Centre, Market Square, Wealdmoor', postcode: 'WM2 1AA', places: 40, vacancies: 3, ages: [0, 17], needs: ['sibling_group', 'emotional_behavioural'], contact: ['Rachel Moss', 'Fostering Team Manager'], inspections: [[700, 'good']] },
  { name: 'Joseph House', urn: 'SC486215', type: 'in_house_childrens_home', address: '18 Priory Road, Kingsford', postcode: 'WM5 2BB', places: 6, vacancies: 1, ages: [11, 17], needs: ['emotional_behavioural', 'missing', 'exploitation'], contact: ['Owen Price', 'Registered Manager'], inspections: [[900, 'good'], [220, 'good']] },
  { name: 'Oakfield House', urn: 'SC512904', type: 'childrens_home', address: 'Oakfield House, Mill Road, Ashbury', postcode: 'WM3 4NP', places: 5, vacancies: 0, ages: [10, 17], needs: ['emotional_behavioural', 'self_harm'], contact: ['Grace Oduya', 'Registered Manager'], inspections: [[1000, 'outstanding'], [45, 'requires_improvement']], reg44Missing: [0] },
  { name: 'Brightside Fostering', urn: 'SC498733', type: 'independent_fostering_agency', address: 'Unit 4, Canal Wharf, Northbrook', postcode: 'NB2 3CD', places: 60, vacancies: 5, ages: [0, 17], needs: ['sibling_group', 'disability', 'unaccompanied'], contact: ['Paul Hart', 'Referrals Officer'], inspections: [[500, 'good']] },
  { name: 'Hollins Lodge', urn: 'SC530118', type: 'childrens_home', address: 'Hollins Lodge, Sea Lane, Saltmarsh', postcode: 'SX4 1EF', places: 4, vacancies: 1, ages: [12, 17], needs: ['exploitation', 'missing', 'education_on_site'], contact: ['Mia Lowe', 'Registered Manager'], inspections: [[400, 'good']], reg44Missing: [0, 1] },
  { name: 'Canal Street Supported Lodgings', urn: '2733415', type: 'supported_accommodation', address: '3 Canal Street, Wealdmoor', postcode: 'WM1 3EF', places: 8, vacancies: 2, ages: [16, 21], needs: ['unaccompanied'], contact: ['Sam Irving', 'Service Manager'], inspections: [[300, 'good']] },
  { name: 'Mill Court Semi-Independent Living', type: 'supported_accommodation', address: '9 Mill Court, Wealdmoor', postcode: 'WM2 9ST', places: 10, vacancies: 1, ages: [16, 21], needs: [], contact: ['Ade Bello', 'Manager'], inspections: [] },
  { name: 'Northbrook Secure Unit', urn: 'SC471066', type: 'secure', address: 'Northbrook Secure Unit, Hill Top, Northbrook', postcode: 'NB2 5GH', places: 12, vacancies: 0, ages: [10, 17], needs: ['self_harm', 'exploitation', 'education_on_site'], contact: ['Janet Cole', 'Head of Care'], inspections: [[250, 'outstanding']] },
  { name: 'Rivermead Fostering Agency', urn: 'SC502287', type: 'independent_fostering_agency', address: '22 River Street, Thornleigh', postcode: 'WM7 2JK', places: 30, vacancies: 4, ages: [0, 17], needs: ['sibling_group'], contact: ['Lena Ford', 'Referrals Officer'], inspections: [[800, 'good'], [120, 'inadequate']] },
  { name: 'Ashbury Parent and Child', urn: 'SC519640', type: 'parent_and_child', address: '5 Vicarage Lane, Ashbury', postcode: 'WM3 2CD', places: 3, vacancies: 1, ages: [0, 25], needs: ['parent_and_child'], contact: ['Ruth Gale', 'Registered Manager'], inspections: [[600, 'good']] },
];

/** Which demonstration children are placed with which provider, and the district their home was in (for the distance from home). */
export const demoPlacedWith: Record<string, { provider: string; carer?: string; home: string }> = {
  Walker: { provider: 'Oakfield House', home: 'WM2 6AA' },
  Lakatos: { provider: 'Hollins Lodge', home: 'WM5 5LM' },
  Jones: { provider: 'Brightside Fostering', carer: 'Tom and Alice Reed', home: 'WM1 2AA' },
  Tesfaye: { provider: 'Canal Street Supported Lodgings', home: 'WM1 3EF' },
  Mwangi: { provider: 'Mill Court Semi-Independent Living', home: 'WM2 4BB' },
  Green: { provider: 'Wealdmoor Fostering Service', carer: 'Pat and Chris Lowe', home: 'WM7 3CC' },
  Campbell: { provider: 'Wealdmoor Fostering Service', carer: 'Joan Okafor', home: 'WM5 1CD' },
};

const dateParts = (date: string) => {
  const [year, month, day] = date.split('-');
  return { 'inspectedOn-day': day, 'inspectedOn-month': month, 'inspectedOn-year': year };
};

/**
 * The providers' records as the Resource Service would have kept them: registered years ago, each
 * Ofsted judgement recorded (Oakfield House's fall to Requires improvement opened an action plan
 * whose review date has passed; Rivermead's to Inadequate one that is being worked), and the
 * monthly Regulation 44 reports, some of last month's still missing. Returns the ids by name.
 */
export async function seedProviders(s: Services, officer: RequestContext, setClock: (at: Date) => void, at: At, today: string): Promise<Map<string, string>> {
  setClock(at(1150, 10));
  await s.providers.importCentres(officer, demoDistricts);
  const ids = new Map<string, string>();
  for (const p of demoProviders) {
    setClock(at(1150, 11));
    const id = await s.providers.register(officer, {
      name: p.name, type: p.type, ...(p.urn ? { urn: p.urn } : {}), address: p.address, postcode: p.postcode, places: String(p.places), vacancies: String(p.vacancies),
      ageFrom: String(p.ages[0]), ageTo: String(p.ages[1]), needsMet: p.needs, contactName: p.contact[0], contactRole: p.contact[1],
    });
    ids.set(p.name, id);
    for (const [daysAgo, rating] of p.inspections) {
      setClock(at(daysAgo - 3, 14));
      await s.providers.recordInspection(officer, id, { ...dateParts(londonDate(at(daysAgo))), rating, ...(daysAgo < 100 ? { actions: 'Night staffing to two waking staff; missing-from-care protocol retrained; weekly reports to the Resource Service.' } : {}) });
    }
    if (['childrens_home', 'in_house_childrens_home', 'secure'].includes(p.type)) {
      // The last twelve months' reports, each received in the first week of the month after.
      for (let back = 12; back >= 1; back--) {
        if (p.reg44Missing?.includes(back - 1)) continue;
        const month = addMonths(`${today.slice(0, 7)}-01`, -back).slice(0, 7);
        setClock(at(Math.max(1, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${addDays(addMonths(`${month}-01`, 1), 4)}T00:00:00Z`)) / 86_400_000)), 11));
        await s.providers.reg44Received(officer, id, { month, visitor: 'Independent visitor (Regulation 44)', ...(p.name === 'Oakfield House' && back === 2 ? { concerns: 'Two young people said they did not feel safe at night.' } : {}) });
      }
    }
  }
  // Rivermead's action plan is being worked; Oakfield's review date has passed with nothing recorded.
  const rivermead = (await s.providers.byId(ids.get('Rivermead Fostering Agency')!))!;
  const plan = rivermead.actionPlans.find((a) => !a.closedOn);
  if (plan) {
    setClock(at(60, 15));
    await s.providers.updateActionPlan(officer, rivermead.id, { actionPlanId: plan.id, progress: 'Supervision of carers now monthly; two carers deregistered. Ofsted monitoring visit due.', ...{ 'nextReviewBy-day': String(at(-20).getUTCDate()), 'nextReviewBy-month': String(at(-20).getUTCMonth() + 1), 'nextReviewBy-year': String(at(-20).getUTCFullYear()) } });
  }
  return ids;
}

/** The provider, carers, address and distance of a demonstration child's imported placement. */
export function placementDataFor(surname: string, providerIds: ReadonlyMap<string, string>): Record<string, unknown> {
  const placed = demoPlacedWith[surname];
  const provider = placed ? demoProviders.find((p) => p.name === placed.provider) : undefined;
  if (!placed || !provider) return {};
  const centres = new Map(demoDistricts.map((d) => [d.outcode, d]));
  const miles = milesBetweenPostcodes(placed.home, provider.postcode, centres);
  return {
    providerId: providerIds.get(provider.name),
    providerName: provider.name,
    carer: placed.carer ?? provider.name,
    address: provider.address,
    postcode: provider.postcode,
    ...(miles !== null ? { distanceFromHomeMiles: miles } : {}),
  };
}

import { milesBetweenPostcodes, type Point } from './distance';
import { goodOrBetter, inHouseTypes, needs, providerTypes, ratingText, takesAge, type Provider, type ProviderType } from './providers';
import type { PlacementRequest } from './requests';

/**
 * Matching a placement request to providers (issue 7: "candidate providers filtered by type,
 * rating, location (distance from home and school), vacancies, age range and needs, with the
 * reasons for each shortlisted or rejected option"), done by the allocated Placement social
 * worker (resource-service-policy.txt 3.1, "The Matching section").
 */
export interface CandidateCheck {
  filter: 'rating' | 'vacancies' | 'age' | 'needs' | 'distance';
  passes: boolean;
  text: string;
}

export interface Candidate {
  provider: Provider;
  typeText: string;
  inHouse: boolean;
  milesFromHome: number | null;
  milesFromSchool: number | null;
  checks: CandidateCheck[];
  /** Passes every filter. */
  passes: boolean;
  /** Rated below Good (or not yet inspected): a placement there needs a head of service's exception (resource-service-policy.txt 1.1). */
  needsException: boolean;
}

export interface CandidateFilters {
  /** Provider types to look at: the request's by default. */
  types: readonly string[];
  /** Show providers rated below Good too. */
  belowGood: boolean;
  /** Within this many miles of home, when given; an unknown distance is shown, not excluded. */
  maxMiles: number | null;
  /** Only providers that meet every need the request names. */
  needsMet: boolean;
}

export const isInHouse = (type: string) => (inHouseTypes as readonly string[]).includes(type);
export const typeText = (type: string) => providerTypes.find((t) => t.value === type)?.text ?? type;
const needText = (need: string) => needs.find((n) => n.value === need)?.text ?? need;

/**
 * The in-house service of the same kind as a type sought: the authority's own foster carers for
 * any fostering, Joseph House for any children's home (resource-and-care-panel-policy.txt 1.4 b:
 * "in house resources are considered as the first option"). Other kinds have no in-house service.
 */
const inHouseCounterpart: Partial<Record<ProviderType, ProviderType>> = {
  in_house_fostering: 'in_house_fostering',
  independent_fostering_agency: 'in_house_fostering',
  in_house_childrens_home: 'in_house_childrens_home',
  childrens_home: 'in_house_childrens_home',
};

/** Open providers of the types asked for (and the in-house ones still to consider), each checked against the filters; those passing every filter first, in-house first, then nearest home. */
export function candidatesFor(request: PlacementRequest, providers: readonly Provider[], centres: ReadonlyMap<string, Point>, filters: CandidateFilters, age: number | null): Candidate[] {
  const types = filters.types.length > 0 ? filters.types : providerTypes.map((t) => t.value);
  const waiting = new Set(inHouseStillToConsider(request, providers).map((p) => p.id));
  const candidates = providers
    // The in-house providers still to consider are always shown, whatever the filters: they come first (1.4 b).
    .filter((p) => !p.closedOn && (waiting.has(p.id) || (types.includes(p.type) && (filters.belowGood || goodOrBetter(p.rating)))))
    .map((provider): Candidate => {
      const milesFromHome = milesBetweenPostcodes(request.homePostcode, provider.postcode, centres);
      const milesFromSchool = request.schoolPostcode ? milesBetweenPostcodes(request.schoolPostcode, provider.postcode, centres) : null;
      const good = goodOrBetter(provider.rating);
      const unmet = request.needs.filter((n) => !provider.needsMet.includes(n));
      const checks: CandidateCheck[] = [
        { filter: 'rating', passes: good, text: good ? `Ofsted: ${ratingText(provider.rating)}` : `Ofsted: ${ratingText(provider.rating)}: needs a head of service's exception` },
        { filter: 'vacancies', passes: provider.vacancies > 0, text: provider.vacancies > 0 ? `${provider.vacancies} ${provider.vacancies === 1 ? 'vacancy' : 'vacancies'}` : 'No vacancies' },
        { filter: 'age', passes: takesAge(provider, age), text: age === null ? `Takes ${provider.ageFrom} to ${provider.ageTo}: the child's age is not known` : takesAge(provider, age) ? `Takes ${provider.ageFrom} to ${provider.ageTo}` : `Takes ${provider.ageFrom} to ${provider.ageTo}: not ${age}` },
      ];
      if (filters.needsMet || request.needs.length > 0) {
        checks.push({ filter: 'needs', passes: !filters.needsMet || unmet.length === 0, text: unmet.length === 0 ? (request.needs.length ? 'Meets every need named' : 'No particular needs named') : `Does not say it meets: ${unmet.map(needText).join(', ')}` });
      }
      if (filters.maxMiles !== null) {
        const within = milesFromHome === null || milesFromHome <= filters.maxMiles;
        checks.push({ filter: 'distance', passes: within, text: milesFromHome === null ? 'Distance from home unknown: not excluded' : within ? `Within ${filters.maxMiles} miles of home` : `More than ${filters.maxMiles} miles from home` });
      }
      return { provider, typeText: typeText(provider.type), inHouse: isInHouse(provider.type), milesFromHome, milesFromSchool, checks, passes: checks.every((c) => c.passes), needsException: !good };
    });
  const far = (m: number | null) => (m === null ? Number.MAX_VALUE : m);
  return candidates.sort((a, b) => Number(b.passes) - Number(a.passes) || Number(b.inHouse) - Number(a.inHouse) || far(a.milesFromHome) - far(b.milesFromHome) || a.provider.name.localeCompare(b.provider.name));
}

/**
 * The open in-house providers of the kind sought that the request has not yet considered: while
 * any remain, no external provider may be shortlisted (resource-and-care-panel-policy.txt 1.4 b).
 */
export function inHouseStillToConsider(request: PlacementRequest, providers: readonly Provider[], also?: Provider): Provider[] {
  // The kinds sought, and the kind of the provider about to be shortlisted (an agency's carers for a request that sought a home).
  const kinds = new Set([...request.providerTypes, ...(also ? [also.type] : [])].map((t) => inHouseCounterpart[t as ProviderType]).filter((t): t is ProviderType => t !== undefined));
  const considered = new Set(request.options.map((o) => o.providerId));
  return providers.filter((p) => !p.closedOn && kinds.has(p.type) && !considered.has(p.id));
}

/** Why an external provider cannot be shortlisted yet, or null. */
export function inHouseFirstRefusal(request: PlacementRequest, provider: Provider, providers: readonly Provider[]): string | null {
  if (isInHouse(provider.type)) return null;
  const waiting = inHouseStillToConsider(request, providers, provider);
  if (waiting.length === 0) return null;
  return `In-house options are considered first (resource-and-care-panel-policy.txt 1.4 b): shortlist or reject ${waiting.map((p) => p.name).join(', ')} before shortlisting ${provider.name}`;
}

/** The providers shortlisted now (their latest decision). */
export function shortlisted(request: PlacementRequest) {
  return request.options.filter((o) => o.decision === 'shortlisted');
}

/** Why the request cannot be matched to this provider yet (resource-service-policy.txt 1.1 paragraph 2: a site visit first for complex needs), or null. */
export function matchRefusal(request: PlacementRequest, providerId: string): string | null {
  const option = shortlisted(request).find((o) => o.providerId === providerId);
  if (!option) return 'Select a shortlisted provider: shortlist it, with the reason, before matching';
  if ((request.complexNeeds || request.riskOfDisruption) && !request.siteVisits.some((v) => v.providerId === providerId)) {
    const why = request.complexNeeds ? 'complex needs' : 'a risk of placement disruption';
    return `The child has ${why}: record a site visit to ${option.providerName} before finalising the match (resource-service-policy.txt 1.1)`;
  }
  return null;
}

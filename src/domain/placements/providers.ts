import { addMonths, londonDate } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';
import { numberOr as num, text } from '../records/eventData';

/**
 * The providers the Resource Service commissions from (resource-service-policy.txt 1.4: private
 * and voluntary fostering, private children's homes, secure; Joseph House, the in-house home),
 * in the service's words.
 */
export const providerTypes = [
  { value: 'independent_fostering_agency', text: 'Independent fostering agency', setting: 'independent_fostering' },
  { value: 'in_house_fostering', text: "The authority's own fostering service", setting: 'in_house_fostering' },
  { value: 'childrens_home', text: "Children's home (private or voluntary)", setting: 'residential' },
  { value: 'in_house_childrens_home', text: "In-house children's home", setting: 'residential' },
  { value: 'supported_accommodation', text: 'Supported accommodation (16 and over)', setting: 'supported_accommodation' },
  { value: 'secure', text: "Secure children's home", setting: 'secure' },
  { value: 'parent_and_child', text: 'Parent and child placement', setting: 'parent_and_child' },
  { value: 'residential_school', text: 'Residential special school', setting: 'residential' },
] as const;
export type ProviderType = (typeof providerTypes)[number]['value'];

/** The in-house options, considered before any other (resource-and-care-panel-policy.txt 1.4 b). */
export const inHouseTypes: readonly ProviderType[] = ['in_house_fostering', 'in_house_childrens_home'];

/** Ofsted's judgements, best first. */
export const ratings = [
  { value: 'outstanding', text: 'Outstanding', rank: 4 },
  { value: 'good', text: 'Good', rank: 3 },
  { value: 'requires_improvement', text: 'Requires improvement to be good', rank: 2 },
  { value: 'inadequate', text: 'Inadequate', rank: 1 },
  { value: 'not_yet_inspected', text: 'Not yet inspected', rank: 0 },
] as const;
export type Rating = (typeof ratings)[number]['value'];
const rankOf = (rating: string) => ratings.find((r) => r.value === rating)?.rank ?? 0;
export const ratingText = (rating: string) => ratings.find((r) => r.value === rating)?.text ?? rating;

/**
 * "The team is committed to working only with providers who have achieved an Ofsted rating of
 * 'Good' or higher" (resource-service-policy.txt 1.1, paragraph 2). A provider not yet inspected
 * has not achieved it either, so it too needs the head of service's exception.
 */
export const goodOrBetter = (rating: string | null) => rating === 'outstanding' || rating === 'good';

/** The needs a provider says it can meet, and a request asks for, in the same words. */
export const needs = [
  { value: 'disability', text: 'Disability or complex health needs' },
  { value: 'emotional_behavioural', text: 'Emotional and behavioural needs' },
  { value: 'exploitation', text: 'Risk of exploitation' },
  { value: 'missing', text: 'Goes missing' },
  { value: 'self_harm', text: 'Self-harm' },
  { value: 'substance_misuse', text: 'Substance misuse' },
  { value: 'unaccompanied', text: 'Unaccompanied asylum-seeking child' },
  { value: 'sibling_group', text: 'A sibling group placed together' },
  { value: 'parent_and_child', text: 'Parent and child' },
  { value: 'education_on_site', text: 'Education on site' },
] as const;

export interface Inspection {
  eventId: string;
  inspectedOn: string;
  rating: Rating;
  recordedAt: Date;
  recordedByName: string | null;
  /** Lower than the inspection before it: it opened an action plan. */
  downgrade: boolean;
}

export interface ActionPlan {
  id: string;
  openedOn: string;
  /** The inspection whose downgrade opened it. */
  inspectionId: string | null;
  actions: string;
  reviewBy: string | null;
  updates: { on: string; progress: string; byName: string | null }[];
  closedOn: string | null;
  closedReason: string | null;
}

export interface Reg44Report {
  month: string; // YYYY-MM
  receivedOn: string;
  visitor: string;
  concerns: string | null;
}

export interface Provider {
  id: string;
  name: string;
  type: ProviderType;
  urn: string | null;
  address: string;
  postcode: string;
  contacts: { name: string; role: string; phone: string | null; email: string | null }[];
  places: number;
  vacancies: number;
  vacanciesOn: string | null;
  ageFrom: number;
  ageTo: number;
  needsMet: string[];
  registeredOn: string;
  /** Ended as a provider the service uses (deregistered, closed): kept, not deleted. */
  closedOn: string | null;
  inspections: Inspection[];
  rating: Rating;
  ratedOn: string | null;
  actionPlans: ActionPlan[];
  reg44: Reg44Report[];
}

/** Registered children's homes are visited by an independent person each month (Regulation 44). */
export const reg44Types: readonly ProviderType[] = ['childrens_home', 'in_house_childrens_home', 'secure', 'residential_school'];


/** One provider's record from its events, in the order they happened. */
export function providerOf(stream: readonly WorkflowEvent[]): Provider | null {
  let provider: Provider | null = null;
  for (const e of chronological(stream)) {
    const d = e.data;
    if (e.type === 'provider.registered') {
      provider = {
        id: text(d.providerId),
        name: text(d.name),
        type: d.type as ProviderType,
        urn: text(d.urn) || null,
        address: text(d.address),
        postcode: text(d.postcode),
        contacts: Array.isArray(d.contacts) ? (d.contacts as Provider['contacts']) : [],
        places: num(d.places),
        vacancies: num(d.vacancies),
        vacanciesOn: londonDate(e.occurredAt),
        ageFrom: num(d.ageFrom),
        ageTo: num(d.ageTo, 25),
        needsMet: Array.isArray(d.needsMet) ? (d.needsMet as string[]) : [],
        registeredOn: londonDate(e.occurredAt),
        closedOn: null,
        inspections: [],
        rating: 'not_yet_inspected',
        ratedOn: null,
        actionPlans: [],
        reg44: [],
      };
      continue;
    }
    if (!provider) continue;
    if (e.type === 'provider.details_changed') {
      // Only what the change names; the rest stands.
      for (const key of ['name', 'address', 'postcode'] as const) if (typeof d[key] === 'string') provider[key] = d[key];
      if (typeof d.type === 'string' && providerTypes.some((t) => t.value === d.type)) provider.type = d.type as ProviderType;
      // The reference may be cleared: a change names it, or says it has none.
      if ('urn' in d) provider.urn = typeof d.urn === 'string' && d.urn ? d.urn : null;
      for (const key of ['places', 'ageFrom', 'ageTo'] as const) if (typeof d[key] === 'number') provider[key] = d[key];
      if (Array.isArray(d.contacts)) provider.contacts = d.contacts as Provider['contacts'];
      if (Array.isArray(d.needsMet)) provider.needsMet = d.needsMet as string[];
    } else if (e.type === 'provider.vacancies_changed') {
      provider.vacancies = num(d.vacancies);
      provider.vacanciesOn = londonDate(e.occurredAt);
    } else if (e.type === 'provider.inspected') {
      const inspection: Inspection = {
        eventId: e.id,
        inspectedOn: text(d.inspectedOn),
        rating: d.rating as Rating,
        recordedAt: e.occurredAt,
        recordedByName: e.recordedByName,
        downgrade: d.downgrade === true,
      };
      provider.inspections.push(inspection);
      // The latest inspection is the rating, whatever order the reports were entered in.
      const latest = [...provider.inspections].sort((a, b) => a.inspectedOn.localeCompare(b.inspectedOn)).at(-1)!;
      provider.rating = latest.rating;
      provider.ratedOn = latest.inspectedOn;
    } else if (e.type === 'provider.action_plan_opened') {
      provider.actionPlans.push({ id: text(d.actionPlanId), openedOn: londonDate(e.occurredAt), inspectionId: text(d.inspectionId) || null, actions: text(d.actions), reviewBy: text(d.reviewBy) || null, updates: [], closedOn: null, closedReason: null });
    } else if (e.type === 'provider.action_plan_updated' || e.type === 'provider.action_plan_closed') {
      const plan = provider.actionPlans.find((p) => p.id === d.actionPlanId);
      if (!plan) continue;
      if (e.type === 'provider.action_plan_updated') {
        plan.updates.push({ on: londonDate(e.occurredAt), progress: text(d.progress), byName: e.recordedByName });
        if (typeof d.reviewBy === 'string') plan.reviewBy = d.reviewBy;
      } else {
        plan.closedOn = londonDate(e.occurredAt);
        plan.closedReason = text(d.reason);
      }
    } else if (e.type === 'provider.reg44_received') {
      provider.reg44.push({ month: text(d.month), receivedOn: londonDate(e.occurredAt), visitor: text(d.visitor), concerns: text(d.concerns) || null });
    } else if (e.type === 'provider.closed') {
      provider.closedOn = londonDate(e.occurredAt);
    }
  }
  return provider;
}

/** Is an inspection's judgement worse than the one it follows (the latest before it)? "A downgrade opens an action plan" (resource-service-policy.txt 1.2). */
export function isDowngrade(previous: readonly Inspection[], inspectedOn: string, rating: Rating): boolean {
  const before = previous.filter((i) => i.inspectedOn <= inspectedOn).sort((a, b) => a.inspectedOn.localeCompare(b.inspectedOn)).at(-1);
  return before !== undefined && before.rating !== 'not_yet_inspected' && rankOf(rating) < rankOf(before.rating);
}

/**
 * The Regulation 44 reports the Placement team has not received (resource-service-policy.txt 1.2,
 * "ensuring the Placement team receive monthly reg 44 report"): one a calendar month for a
 * registered home, from the month after it was registered with us to the month before today (a
 * month's report is written during it, so it is missing once the month is over), or until it closed.
 */
export function missingReg44Months(provider: Provider, today: string): string[] {
  if (!reg44Types.includes(provider.type)) return [];
  const received = new Set(provider.reg44.map((r) => r.month));
  const last = (provider.closedOn && provider.closedOn < today ? provider.closedOn : today).slice(0, 7);
  const missing: string[] = [];
  for (let month = addMonths(`${provider.registeredOn.slice(0, 7)}-01`, 1).slice(0, 7); month < last; month = addMonths(`${month}-01`, 1).slice(0, 7)) {
    if (!received.has(month)) missing.push(month);
  }
  return missing;
}

/** Open action plans whose review date has passed. */
export function actionPlansOverdue(provider: Provider, today: string): ActionPlan[] {
  return provider.actionPlans.filter((p) => !p.closedOn && p.reviewBy !== null && p.reviewBy < today && !p.updates.some((u) => u.on >= p.reviewBy!));
}

/** Does a provider take a child of this age? */
export const takesAge = (provider: Pick<Provider, 'ageFrom' | 'ageTo'>, age: number | null) => age === null || (age >= provider.ageFrom && age <= provider.ageTo);

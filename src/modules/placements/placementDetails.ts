import { z } from 'zod';
import { londonDate } from '../../domain/calendar/localDate';
import { milesBetweenPostcodes, outcodeOf, type Point } from '../../domain/placements/distance';
import { goodOrBetter, providerTypes, ratingText, type Provider } from '../../domain/placements/providers';
import { addressHistory } from '../../domain/people/recordEntries';
import type { Problem } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import { choiceValues, optionalText, problemsOf, yesNo } from '../../platform/validation';
import type { placementSettings } from '../../standards/coreEventTypes';
import { settingChoices } from '../../domain/placements/settings';
import { exemptionCovers, outsideTerms, type ChildToPlace } from '../../domain/fostering/carerPlacement';
import type { Terms } from '../../domain/fostering/terms';
import { formatDate } from '../../platform/views/filters';
import type { Executor } from '../../platform/db/database';

/** The settings where a child lives with the authority's approved foster carers, whose terms of approval are checked. */
export const carerSettings: readonly string[] = ['in_house_fostering', 'connected_person'];

/** An approved carer as the placement check needs them (src/modules/fosterCarers/fosterCarerService.ts `forPlacement`). */
export interface CarerForPlacement {
  id: string;
  name: string;
  terms: Terms;
  /** When the terms in force were set: an exemption agreed under earlier terms does not cover these. */
  termsSince: Date;
  /** A connected person's temporary approval: its last day (reg 24-25); null for a full approval. */
  temporaryUntil: string | null;
  placed: readonly string[];
  exemptions: readonly { id: string; childId: string; outside: readonly string[]; termsAt: Date }[];
}

/** Re-reads one approved carer inside the placement's transaction, their record locked (null when not approved). */
export type LockedCarer = (tx: Executor, carerId: string) => Promise<CarerForPlacement | null>;

/**
 * The settings the Resource Service commissions from a provider (resource-service-policy.txt 4.1;
 * 1.4: secure): a placement in one of them names its provider, so that the Good-or-better rule
 * can be applied to it.
 */
export const commissionedSettings: readonly (typeof placementSettings)[number][] = ['independent_fostering', 'residential', 'supported_accommodation', 'secure', 'parent_and_child'];

const placementSchema = z.object({
  setting: z.enum(choiceValues(settingChoices), { error: 'Select the kind of placement' }),
  providerId: z.union([z.literal(''), z.uuid({ error: 'Select the provider from the list' })]).nullish().transform((v) => v || null),
  carer: optionalText(200, 'The carers or home'),
  address: optionalText(500, 'The address'),
  postcode: optionalText(10, 'The postcode').refine((v) => v === null || outcodeOf(v) !== null, 'Enter a real postcode, like WM5 7QR'),
  placementPlan: optionalText(5000, 'The placement plan'),
  complexNeeds: yesNo.optional(),
  riskOfDisruption: yesNo.optional(),
  requestId: optionalText(100, 'The request'),
  carerId: z.union([z.literal(''), z.uuid({ error: 'Select the foster carer from the list' })]).nullish().transform((v) => v || null),
});
export type PlacementInput = z.infer<typeof placementSchema>;

/** Where the child lived when the period of care began (the DfE's distance from home), or their latest address. */
export function homePostcodeOf(stream: readonly RecordedEvent[], on: string): string | null {
  const addresses = addressHistory(stream);
  const then = addresses.filter((a) => a.startDate <= on && (!a.endDate || a.endDate > on)).at(-1) ?? addresses.at(-1);
  return then?.postcode ?? null;
}

export interface PlacementFacts {
  providers: ReadonlyMap<string, Provider>;
  centres: ReadonlyMap<string, Point>;
  /** Head of service exceptions not yet used, in this period of care. */
  exceptions: readonly { eventId: string; providerId: string }[];
  /** The child's matched placement requests not yet placed (src/domain/placements/requests.ts), a placement may be made from. */
  matched?: readonly { requestId: string; providerId: string; providerName: string; complexNeeds: boolean; riskOfDisruption: boolean; homePostcode: string | null }[];
  /** The authority's approved foster carers, by record id (issue 11). */
  carers?: ReadonlyMap<string, CarerForPlacement>;
  /** The child being placed, for the carer's terms of approval. */
  child?: ChildToPlace;
  /** Re-reads the carer under the lock on their record (fosterCarerService `lockedCarer`). */
  lockedCarer?: LockedCarer;
}

/**
 * The approved carer named on the form, whose record is locked with the child's so that two
 * placements made at once cannot both pass the number check (issue 11); null when none is named
 * or they are not approved (the check then refuses).
 */
export function carerToLock(body: Record<string, unknown>, facts: PlacementFacts): string | null {
  const id = typeof body.carerId === 'string' ? body.carerId.trim() : '';
  return id !== '' && facts.carers?.has(id) ? id : null;
}

/** The facts with the carer re-read inside the transaction that holds the lock on their record. */
export async function withLockedCarer(facts: PlacementFacts, carerId: string | null, tx: Executor): Promise<PlacementFacts> {
  if (!carerId || !facts.lockedCarer) return facts;
  const fresh = await facts.lockedCarer(tx, carerId);
  const carers = new Map(facts.carers ?? []);
  if (fresh) carers.set(carerId, fresh);
  else carers.delete(carerId);
  return { ...facts, carers };
}

/**
 * A placement with one of the authority's approved foster carers is within their terms of approval
 * (number, age range, gender, the named child of a connected person), or a head of service has
 * recorded an exemption for this child on the carer's record (practice-standards.txt, Section 3:
 * Family Placement 17-18; issue 11: "a carer cannot take a child outside their terms of approval
 * without a recorded exemption"). Returns the problems, or the carer and the exemption used.
 */
export function carerCheck(carerId: string, setting: string, facts: PlacementFacts, at: Date): { problems: Problem[]; carer?: CarerForPlacement; exemptionId?: string } {
  const carer = facts.carers?.get(carerId);
  if (!carer) return { problems: [{ field: 'carerId', message: 'Select an approved foster carer from the list: these carers are not approved now' }] };
  if (!carerSettings.includes(setting)) return { problems: [{ field: 'setting', message: `${carer.name} is an approved foster carer: choose the authority's own foster carers, or a connected person` }] };
  // A connected person's temporary approval ends after 16 weeks, or its one extension (Care Planning, Placement and Case Review (England) Regulations 2010 reg 24-25).
  if (carer.temporaryUntil && londonDate(at) > carer.temporaryUntil) {
    return { problems: [{ field: 'carerId', message: `${carer.name}'s temporary approval as a connected person ended on ${formatDate(carer.temporaryUntil)}: they are not approved foster carers now` }] };
  }
  const child = facts.child;
  if (!child) return { problems: [], carer };
  const placedNow = carer.placed.filter((id) => id !== child.id).length;
  const outside = outsideTerms(carer.terms, child, placedNow, londonDate(at));
  if (outside.length === 0) return { problems: [], carer };
  const exemption = carer.exemptions.filter((x) => exemptionCovers(x, child.id, outside, carer.termsSince)).at(-1);
  if (exemption) return { problems: [], carer, exemptionId: exemption.id };
  return {
    problems: [{ field: 'carerId', message: `${child.name} is outside ${carer.name}'s terms of approval (${outside.join('; ')}). A head of service must record an exemption on the carer's record first (Family Placement 18)` }],
  };
}

/**
 * A placement's details checked (issue 7, "Bad input and safety"): a commissioned placement names
 * its provider, and a provider below Good is refused unless the head of service has recorded an
 * exception for this child and this provider (resource-service-policy.txt 1.1: "committed to
 * working only with providers who have achieved an Ofsted rating of 'Good' or higher"). Returns the
 * event data of `cic.placement_started` (with its own placementId), or the problems.
 */
export function placementData(body: Record<string, unknown>, facts: PlacementFacts, homePostcode: string | null, at: Date, placementId: string): { data: Record<string, unknown> | null; problems: Problem[] } {
  const parsed = placementSchema.safeParse(body);
  const noCarer = !body.providerId && !String(body.carer ?? '').trim() && !String(body.carerId ?? '').trim() ? [{ field: 'carer', message: 'Enter the carers or the home the child is placed with' }] : [];
  if (!parsed.success) return { data: null, problems: [...problemsOf(parsed.error), ...noCarer] };
  const input = parsed.data;
  const provider = input.providerId ? facts.providers.get(input.providerId) : undefined;
  const problems: Problem[] = [];
  if (input.providerId && !provider) problems.push({ field: 'providerId', message: 'Select the provider from the list' });
  if (!input.providerId && commissionedSettings.includes(input.setting as (typeof commissionedSettings)[number])) problems.push({ field: 'providerId', message: 'Select the provider: a placement the Resource Service commissions names its provider' });
  if (!provider && !input.carer && !input.carerId && !commissionedSettings.includes(input.setting as (typeof commissionedSettings)[number])) problems.push({ field: 'carer', message: 'Enter the carers or the home the child is placed with' });
  // A placement made from a matched request is with the provider it was matched to; the request's flags and home come with it.
  const request = input.requestId ? facts.matched?.find((r) => r.requestId === input.requestId) : undefined;
  if (input.requestId && !request) problems.push({ field: 'requestId', message: 'That placement request is not matched, or its placement is already recorded' });
  else if (request && input.providerId !== request.providerId) problems.push({ field: 'providerId', message: `The request was matched to ${request.providerName}: choose it, or record the placement without the request` });
  let exceptionId: string | null = null;
  if (provider) {
    const kind = providerTypes.find((t) => t.value === provider.type);
    if (provider.closedOn && provider.closedOn <= londonDate(at)) problems.push({ field: 'providerId', message: `The service stopped using ${provider.name} on ${provider.closedOn}: choose another provider` });
    else if (kind && kind.setting !== input.setting) problems.push({ field: 'setting', message: `${provider.name} is a ${kind.text.toLowerCase()}: choose the kind of placement that matches it` });
    if (!goodOrBetter(provider.rating)) {
      exceptionId = facts.exceptions.find((x) => x.providerId === provider.id)?.eventId ?? null;
      if (!exceptionId) problems.push({ field: 'providerId', message: `${provider.name} is rated ${ratingText(provider.rating)}: only providers rated Good or better may be used (resource-service-policy.txt 1.1). A head of service must record an exception for this child first` });
    }
  }
  // The authority's own foster carers and connected persons are placed with by their record, so that their terms are checked (Family Placement 17-18): not a typed name.
  const carerNeeded = carerSettings.includes(input.setting) || provider?.type === 'in_house_fostering';
  if (carerNeeded && !input.carerId) problems.push({ field: 'carerId', message: 'Select the approved foster carer from the list' });
  const carerChecked = input.carerId ? carerCheck(input.carerId, input.setting, facts, at) : null;
  problems.push(...(carerChecked?.problems ?? []));
  if (problems.length > 0) return { data: null, problems };
  const postcode = (input.postcode ?? provider?.postcode ?? null)?.toUpperCase() ?? null;
  const distance = milesBetweenPostcodes(request?.homePostcode ?? homePostcode, postcode, facts.centres);
  return {
    problems: [],
    data: {
      // A placement made from a request takes the request's id: the site visit and the carer profile shared during matching carry it.
      placementId: request?.requestId ?? placementId,
      setting: input.setting,
      // The household's name as written on the form ("Pat and Chris Lowe"), or the carer's record.
      carer: input.carer ?? carerChecked?.carer?.name ?? provider!.name,
      // The placement names the carer's record (issue 11), and the exemption it relies on.
      ...(carerChecked?.carer ? { carerId: carerChecked.carer.id } : {}),
      ...(carerChecked?.exemptionId ? { termsExemptionId: carerChecked.exemptionId } : {}),
      ...(provider ? { providerId: provider.id, providerName: provider.name, providerRating: provider.rating } : {}),
      ...(exceptionId ? { ratingExceptionId: exceptionId } : {}),
      ...(input.address ? { address: input.address } : provider ? { address: provider.address } : {}),
      ...(postcode ? { postcode } : {}),
      ...(distance !== null ? { distanceFromHomeMiles: distance } : {}),
      ...(input.placementPlan ? { placementPlan: input.placementPlan } : {}),
      ...(input.complexNeeds || request?.complexNeeds ? { complexNeeds: true } : {}),
      ...(input.riskOfDisruption || request?.riskOfDisruption ? { riskOfDisruption: true } : {}),
      ...(input.requestId ? { requestId: input.requestId } : {}),
    },
  };
}

/** The providers, district centres and approved foster carers a placement is checked against (exceptions come from the child's record). */
export async function placementFacts(providers: { all(): Promise<Provider[]>; centres(): Promise<Map<string, Point>> }, carers?: CarersForPlacement): Promise<PlacementFacts> {
  return { providers: new Map((await providers.all()).map((p) => [p.id, p])), centres: await providers.centres(), exceptions: [], ...(carers ? { carers: await carers.forPlacement(), lockedCarer: carers.lockedCarer } : {}) };
}

/** What the placement check asks of the approved foster carers (src/modules/fosterCarers/fosterCarerService.ts). */
export interface CarersForPlacement {
  forPlacement(): Promise<ReadonlyMap<string, CarerForPlacement>>;
  lockedCarer: LockedCarer;
}

/** The approved carers to choose from on a placement form, with their terms and places free. */
export function carerChoices(carers: ReadonlyMap<string, CarerForPlacement> | undefined, describe: (terms: Terms) => string) {
  return [...(carers?.values() ?? [])]
    .map((c) => ({ id: c.id, name: c.name, terms: describe(c.terms), vacancies: Math.max(0, c.terms.children - c.placed.length) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The child to be placed, from their record, for the carer's terms. */
export function childToPlace(record: { id: string; details: { givenNames: string; familyName: string; dateOfBirth: string | null; gender: string | null } }): ChildToPlace {
  return { id: record.id, name: `${record.details.givenNames} ${record.details.familyName}`.trim(), dateOfBirth: record.details.dateOfBirth, gender: record.details.gender };
}

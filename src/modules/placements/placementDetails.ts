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
  const noCarer = !body.providerId && !String(body.carer ?? '').trim() ? [{ field: 'carer', message: 'Enter the carers or the home the child is placed with' }] : [];
  if (!parsed.success) return { data: null, problems: [...problemsOf(parsed.error), ...noCarer] };
  const input = parsed.data;
  const provider = input.providerId ? facts.providers.get(input.providerId) : undefined;
  const problems: Problem[] = [];
  if (input.providerId && !provider) problems.push({ field: 'providerId', message: 'Select the provider from the list' });
  if (!input.providerId && commissionedSettings.includes(input.setting as (typeof commissionedSettings)[number])) problems.push({ field: 'providerId', message: 'Select the provider: a placement the Resource Service commissions names its provider' });
  if (!provider && !input.carer && !commissionedSettings.includes(input.setting as (typeof commissionedSettings)[number])) problems.push({ field: 'carer', message: 'Enter the carers or the home the child is placed with' });
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
  if (problems.length > 0) return { data: null, problems };
  const postcode = (input.postcode ?? provider?.postcode ?? null)?.toUpperCase() ?? null;
  const distance = milesBetweenPostcodes(request?.homePostcode ?? homePostcode, postcode, facts.centres);
  return {
    problems: [],
    data: {
      // A placement made from a request takes the request's id: the site visit and the carer profile shared during matching carry it.
      placementId: request?.requestId ?? placementId,
      setting: input.setting,
      carer: input.carer ?? provider!.name,
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

/** The providers and district centres a placement is checked against (exceptions come from the child's record). */
export async function placementFacts(providers: { all(): Promise<Provider[]>; centres(): Promise<Map<string, Point>> }): Promise<PlacementFacts> {
  return { providers: new Map((await providers.all()).map((p) => [p.id, p])), centres: await providers.centres(), exceptions: [] };
}

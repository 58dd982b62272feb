import { addDays, londonDate } from '../../domain/calendar/localDate';
import { inCareOf } from '../../domain/inCare/inCareState';
import type { ProviderType } from '../../domain/placements/providers';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

type At = (daysAgo: number, hour?: number) => Date;

/** The kind of provider each demonstration placement is commissioned from, by its setting. */
const typeFor: Record<string, ProviderType> = { residential: 'childrens_home', independent_fostering: 'independent_fostering_agency', supported_accommodation: 'supported_accommodation' };

/** [family, weekly £, social care £, health £, education £, what it includes, review by (days from today)] */
const packages: [string, number, number, number, number, string[], number][] = [
  ['Walker', 4850, 4850, 0, 0, ['accommodation', 'education', 'additional_staffing'], -14],
  ['Lakatos', 5200, 3900, 1300, 0, ['accommodation', 'therapeutic'], 40],
  ['Jones', 950, 950, 0, 0, ['accommodation', 'transport'], 60],
  ['Tesfaye', 1150, 1150, 0, 0, ['accommodation', 'other'], 75],
  ['Mwangi', 1050, 1050, 0, 0, ['accommodation'], 20],
];

/**
 * Care packages for the demonstration's commissioned placements (resource-service-policy.txt 4.1):
 * set up by Noah Williams (placements) and approved by Joanna Kay (Resources Service Manager), with
 * Mason Walker's review overdue and a change of cost for Amani Mwangi (more support hours before
 * she turns 18) waiting for approval.
 */
export async function demoCarePackages(s: Services, as: (username: string) => RequestContext, children: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At): Promise<void> {
  const noah = as('noah.williams');
  const joanna = as('joanna.kay');
  const providers = (await s.providers.all()).filter((p) => !p.closedOn);
  const today = londonDate(at(0));
  let n = 0;
  for (const [family, weekly, socialCare, health, education, includes, reviewIn] of packages) {
    for (const childId of children.get(family) ?? []) {
      const placement = inCareOf(await s.people.streamOf(childId)).placements.at(-1);
      if (!placement || placement.to) continue;
      const ofType = providers.filter((p) => p.type === typeFor[placement.setting]);
      const provider = providers.find((p) => p.id === placement.providerId) ?? ofType[n++ % Math.max(ofType.length, 1)];
      if (!provider) continue;
      const startsOn = londonDate(placement.from);
      const daysAgo = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000);
      setClock(at(Math.max(daysAgo - 1, 2), 11));
      await s.carePackages.setUp(noah, childId, {
        placementId: placement.placementId, providerId: provider.id, weekly: String(weekly), startsOn, includes,
        includesOther: includes.includes('other') ? 'Weekly English lessons and a keyworker for the asylum claim' : '',
        socialCare: String(socialCare), health: String(health), education: String(education),
        reviewBy: addDays(today, reviewIn) > startsOn ? addDays(today, reviewIn) : addDays(startsOn, 1),
      });
      setClock(at(Math.max(daysAgo - 2, 1), 15));
      const proposed = (await s.carePackages.view(noah, childId)).packages.find((p) => p.status === 'proposed');
      if (proposed) await s.carePackages.approve(joanna, childId, { packageId: proposed.packageId });
      if (family === 'Mwangi' && proposed) {
        // More hours of support as she prepares to leave care: a new package, awaiting approval.
        setClock(at(2, 14));
        await s.carePackages.setUp(noah, childId, {
          placementId: placement.placementId, providerId: provider.id, weekly: '1225.50', startsOn: addDays(today, 7), includes: ['accommodation', 'additional_staffing'],
          socialCare: '1225.50', health: '', education: '', reviewBy: addDays(today, 97), supersedes: proposed.packageId,
        });
      }
    }
  }

}

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { cliContext } from '../src/cli/cliContext';
import type { Services } from '../src/services';
import { makeUser } from '../test/factories';
import { Client } from '../test/support/testApp';
import { timedPage } from './frontDoorBench';
import type { Timing } from './measure';
import type { LoadedPerson } from './searchBench';

/** The Resource Service's pages across the authority (issue 7), timed (no targets of their own: they are reported). */
export interface ResourceFigures {
  providers: number;
  inCare: number;
  pages: { label: string; timing: Timing; bytes: number }[];
}

const types = ['independent_fostering_agency', 'childrens_home', 'supported_accommodation', 'in_house_fostering'];
const settingOf: Record<string, string> = { independent_fostering_agency: 'independent_fostering', childrens_home: 'residential', supported_accommodation: 'supported_accommodation', in_house_fostering: 'in_house_fostering' };

/**
 * `providerCount` providers with an inspection each (a tenth below Good), and `inCare` of the loaded
 * children looked after with a placement at one of them and an approved care package, imported as
 * an old system's history would be; then the providers list, the Resource Service reports, the
 * request queue and the spend report, signed in as a placements officer.
 */
export async function timeResourceService(s: Services, app: FastifyInstance, loaded: readonly LoadedPerson[], providerCount: number, inCare: number, options: { warmUp: number; iterations: number }): Promise<ResourceFigures> {
  const officer = await makeUser(s, { roles: ['placements-officer', 'service-manager'] });
  await s.providers.importCentres(officer, [{ outcode: 'WM1', latitude: 52.6, longitude: -2.13 }, { outcode: 'WM5', latitude: 52.57, longitude: -2.18 }]);
  const providerIds: { id: string; type: string; name: string }[] = [];
  for (let i = 0; i < providerCount; i++) {
    const type = types[i % types.length]!;
    const name = `Bench provider ${i}`;
    const id = await s.providers.register(officer, { name, type, address: `${i} Bench Road`, postcode: i % 2 ? 'WM1 1AA' : 'WM5 1AA', places: '6', vacancies: '1', ageFrom: '0', ageTo: '21', needsMet: [], contactName: 'Pat', contactRole: 'Manager' });
    await s.providers.recordInspection(officer, id, { 'inspectedOn-day': '10', 'inspectedOn-month': '1', 'inspectedOn-year': '2026', rating: i % 10 === 0 ? 'requires_improvement' : 'good' });
    providerIds.push({ id, type, name });
  }
  const children = loaded.filter((p) => p.kind === 'child').slice(0, inCare);
  const start = new Date(Date.now() - 400 * 86_400_000);
  const events = children.flatMap((child, i) => {
    const provider = providerIds[i % providerIds.length]!;
    const placementId = randomUUID();
    const packageId = randomUUID();
    const at = new Date(start.getTime() + (i % 300) * 86_400_000);
    const startsOn = at.toISOString().slice(0, 10);
    return [
      { personId: child.personId, type: 'cic.started', occurredAt: at, data: { legalStatus: 'C2' } },
      { personId: child.personId, type: 'cic.placement_started', occurredAt: at, data: { placementId, setting: settingOf[provider.type], providerId: provider.id, carer: provider.name, distanceFromHomeMiles: (i % 40) + 0.5 } },
      { personId: child.personId, type: 'placements.care_package_agreed', occurredAt: new Date(at.getTime() + 3_600_000), data: { packageId, placementId, providerId: provider.id, providerName: provider.name, weeklyPence: 150000 + (i % 50) * 1000, startsOn, includes: ['accommodation'], funding: { socialCare: 150000 + (i % 50) * 1000, health: 0, education: 0 } } },
      { personId: child.personId, type: 'placements.care_package_approved', occurredAt: new Date(at.getTime() + 7_200_000), data: { packageId } },
    ];
  });
  for (let i = 0; i < events.length; i += 2000) await s.people.importEvents(cliContext(), events.slice(i, i + 2000));

  const client = new Client(app);
  await client.signIn(officer.actor.username, officer.password);
  const pages: ResourceFigures['pages'] = [];
  for (const [label, url, expect] of [
    ['Providers list', '/providers', 'Providers'],
    ['Resource Service reports', '/resources', 'Placement stability'],
    ['Placement request queue', '/placement-requests', 'Placement requests'],
    ['Spend on care packages', '/resources/spend', 'spend'],
    ['A provider', `/providers/${providerIds[0]!.id}`, 'Ofsted inspections'],
  ] as const) {
    const { timing, bytes } = await timedPage(client, url, expect, options);
    pages.push({ label, timing, bytes });
  }
  return { providers: providerCount, inCare: children.length, pages };
}

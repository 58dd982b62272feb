import type { FastifyInstance } from 'fastify';
import { cliContext } from '../src/cli/cliContext';
import type { ImportedEvent } from '../src/modules/people/importEvents';
import type { RequestContext } from '../src/platform/audit/auditLog';
import type { Services } from '../src/services';
import { makeTeam, makeUser, registerChild } from '../test/factories/index';
import { Client } from '../test/support/testApp';
import { msSince, nowNs, timeIt, type Timing } from './measure';
import { populationDate, registrationEvent, seededRandom, syntheticPeople, type Random } from './syntheticPeople';

export interface FrontSheetFigures {
  events: number;
  importMs: number;
  service: Timing;
  page: Timing;
  pageBytes: number;
}

const day = 24 * 60 * 60 * 1000;
const relationshipTypes = ['parent', 'parent', 'step-parent', 'sibling', 'half-sibling', 'grandparent', 'grandparent', 'aunt-or-uncle', 'other-relative', 'family-friend', 'partner-of-parent', 'kinship-carer'];
const languages = ['English', 'Polish', 'Romanian', 'Urdu', 'Somali'];
const towns: [string, string][] = [['Northfield', 'NF'], ['Eastbrook', 'EB'], ['Millford', 'MF'], ['Ashby Vale', 'AV']];
const streets = ['Station Road', 'Church Lane', 'Victoria Street', 'Mill Close', 'Park View', 'Elm Grove', 'Queens Drive', 'Canal Side'];
const warningDetails = [
  'Father has been verbally aggressive to visiting staff: visit in pairs',
  'Large dog at the property: ask for it to be put in another room before entering',
  'Do not disclose the address to the paternal family',
  'Maternal uncle has convictions for violence; not to be left alone with the child',
  'Child needs an interpreter for Polish at meetings',
];
const visitSummaries = [
  'Child seen at home; bedroom seen',
  'Child seen at school with the designated safeguarding lead',
  'Seen alone; talked about friends and football',
  'Home conditions improved since the last visit',
  'Mother present throughout; child quiet',
];

/** The person whose front sheet is timed: the child, their worker, and the 20 adults in their life. */
export interface FrontSheetCase {
  child: { id: string; familyName: string };
  worker: RequestContext & { password: string };
  manager: RequestContext;
}

/**
 * 1,000 events over eight years, oldest first, as a migration from an old system would bring
 * them: mostly visits, and the addresses, warnings, relationships and corrections that make a
 * front sheet heavy to build.
 */
function thousandEvents(random: Random, childId: string, adultIds: string[], recordedBy: { userId: string; displayName: string }, today: Date): ImportedEvent[] {
  const kinds: string[] = [
    ...adultIds.map(() => 'relationship'),
    ...Array<string>(40).fill('address'),
    ...Array<string>(50).fill('warning'),
    ...Array<string>(20).fill('correction'),
  ];
  while (kinds.length < 1000) kinds.push(random.chance(0.55) ? 'cin.visit' : 'cp.visit');
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j] as string, kinds[i] as string];
  }
  const start = today.getTime() - 8 * 365 * day;
  const step = (today.getTime() - 7 * day - start) / kinds.length;
  let language = 'English';
  let nextAdult = 0;
  return kinds.map((kind, i) => {
    const occurredAt = new Date(start + i * step + random.int(0, 8) * 60 * 60 * 1000);
    const startDate = occurredAt.toISOString().slice(0, 10);
    const base = { personId: childId, occurredAt, recordedBy };
    switch (kind) {
      case 'relationship':
        return {
          ...base,
          type: 'relationship.recorded',
          data: { relatedPersonId: adultIds[nextAdult++] as string, type: random.pick(relationshipTypes), parentalResponsibility: random.chance(0.3), professionalRole: null, startDate },
        };
      case 'address': {
        const [town, area] = random.pick(towns);
        return {
          ...base,
          type: 'person.address_recorded',
          data: { line1: `${random.int(1, 180)} ${random.pick(streets)}`, line2: null, town, postcode: `${area}${random.int(1, 19)} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`, startDate },
        };
      }
      case 'warning':
        return { ...base, type: 'person.warning_recorded', data: { category: 'risk-to-staff', detail: random.pick(warningDetails), startDate } };
      case 'correction': {
        const to = random.pick(languages.filter((l) => l !== language));
        const change = { field: 'firstLanguage', from: language, to };
        language = to;
        return { ...base, type: 'person.details_corrected', data: { changes: [change] }, reason: 'First language confirmed with the family at a home visit' };
      }
      default:
        return { ...base, type: kind, data: { seenAlone: random.chance(0.6), summary: random.pick(visitSummaries) } };
    }
  });
}

/** Builds the case: registers the child through the service, allocates, then imports 1,000 events. */
export async function buildFrontSheetCase(
  s: Services,
  today: Date,
): Promise<{ theCase: FrontSheetCase; events: number; importMs: number }> {
  const random = seededRandom(1_000);
  const teamId = await makeTeam(s, 'Northfield Child Protection Team');
  const manager = await makeUser(s, { roles: ['team-manager'], teamIds: [teamId], username: 'bench.manager' });
  const worker = await makeUser(s, { roles: ['social-worker'], teamIds: [teamId], username: 'bench.worker' });
  const child = await registerChild(s, worker, { givenNames: 'Kayden', familyName: 'Whitfield', dateOfBirth: '2014-02-11' });
  await s.people.allocate(manager, child.id, { teamId, workerId: worker.actor.userId });

  const adults = syntheticPeople(20, 20, populationDate).map((p) => ({ ...p, kind: 'adult' as const, dateOfBirth: p.dateOfBirth < '2007-01-01' ? p.dateOfBirth : '1985-06-01' }));
  await s.people.importEvents(cliContext(), adults.map((a) => registrationEvent(a, new Date(today.getTime() - 9 * 365 * day))));

  const events = thousandEvents(random, child.id, adults.map((a) => a.personId), { userId: worker.actor.userId, displayName: worker.actor.displayName }, today);
  const start = nowNs();
  await s.people.importEvents(cliContext(), events);
  const importMs = msSince(start);
  return { theCase: { child: { id: child.id, familyName: child.details.familyName }, worker, manager }, events: events.length, importMs };
}

/** Times the front sheet: the service alone, then the whole page through the web application. */
export async function timeFrontSheet(
  s: Services,
  app: FastifyInstance,
  theCase: FrontSheetCase,
  options: { warmUp: number; iterations: number },
): Promise<{ service: Timing; page: Timing; pageBytes: number }> {
  const childId = theCase.child.id;
  const sheet = await s.people.frontSheet(theCase.worker, childId);
  if (sheet.relationships.length !== 20 || sheet.addresses.length !== 40 || sheet.warnings.length !== 50) {
    throw new Error(`The front sheet is not the one built: ${sheet.relationships.length} relationships, ${sheet.addresses.length} addresses, ${sheet.warnings.length} warnings`);
  }
  const service = await timeIt(() => s.people.frontSheet(theCase.worker, childId), options);

  const client = new Client(app);
  const signedIn = await client.signIn(theCase.worker.actor.username, theCase.worker.password);
  if (signedIn.statusCode !== 302 && signedIn.statusCode !== 303) throw new Error(`Signing in failed with ${signedIn.statusCode}`);
  let pageBytes = 0;
  const page = await timeIt(async () => {
    const response = await client.get(`/people/${childId}`);
    if (response.statusCode !== 200 || !response.body.includes(theCase.child.familyName)) throw new Error(`GET /people/${childId} answered ${response.statusCode}`);
    pageBytes = response.body.length;
  }, options);
  return { service, page, pageBytes };
}

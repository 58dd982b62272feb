import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/domain/access/can';
import type { Role } from '../../src/domain/access/roles';
import { nhsCheckDigit } from '../../src/domain/people/nhsNumber';
import type { RequestContext } from '../../src/platform/audit/auditLog';
import { fixedClock, type Clock } from '../../src/platform/clock';
import type { Db } from '../../src/platform/db/database';
import { cliContext } from '../../src/cli/cliContext';
import { actorFrom } from '../../src/modules/staff/staffDirectory';
import type { RegistrationInput } from '../../src/modules/people/peopleSchemas';
import { services, type Services } from '../../src/services';

/** A short unique tag, so every test's people, users and teams are its own. */
export function unique(prefix = ''): string {
  return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

/** Letters only (names are searched by trigram; digits would look like a Hearth ID). */
export function uniqueName(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let name = '';
  for (const byte of randomUUID().replace(/-/g, '').slice(0, 10)) name += letters[parseInt(byte, 16) % 26];
  return name[0]?.toUpperCase() + name.slice(1);
}

/** A valid NHS number nobody else in the tests has (the 999 range is for testing). */
export function validNhsNumber(): string {
  for (;;) {
    const firstNine = `999${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const check = nhsCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
}

export interface TestWorld {
  services: Services;
  clock: Clock & { set(at: Date | string): void };
  db: Db;
}

/** Services on a test database, with a clock the test can move. */
export function world(db: Db, now: string | Date = '2026-06-15T10:00:00Z'): TestWorld {
  const clock = fixedClock(now);
  return { services: services(db, clock), clock, db };
}

export async function makeTeam(s: Services, name = `Team ${unique()}`, specialism: string | null = null): Promise<string> {
  return s.userAdmin.createTeam(cliContext(), { name, service: 'Test Service', purpose: null, specialism });
}

export async function makeUser(
  s: Services,
  options: { roles: Role[]; teamIds?: string[]; username?: string; password?: string },
): Promise<RequestContext & { actor: Actor; password: string }> {
  const username = options.username ?? unique('user.');
  const password = options.password ?? 'correct horse battery staple';
  const id = await s.userAdmin.createUser(cliContext(), {
    username,
    displayName: `Test ${username}`,
    email: null,
    jobTitle: null,
    roles: options.roles,
    teamIds: options.teamIds ?? [],
    password,
  });
  const member = await s.staff.member(id);
  if (!member) throw new Error('user not saved');
  return { actor: actorFrom(member, 'session'), ipAddress: '127.0.0.1', method: 'TEST', path: '/test', password };
}

export function childInput(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    kind: 'child',
    givenNames: uniqueName(),
    familyName: uniqueName(),
    preferredName: null,
    dateOfBirth: '2015-03-27',
    expectedDateOfBirth: null,
    gender: 'F',
    ethnicity: 'WBRI',
    firstLanguage: 'English',
    religion: null,
    disabilities: [],
    nhsNumber: null,
    upn: null,
    uasc: false,
    immigrationStatus: null,
    organisation: null,
    professionalRole: null,
    phone: null,
    email: null,
    address: null,
    externalId: null,
    confirmNotDuplicate: false,
    ...overrides,
  };
}

export async function registerChild(s: Services, context: RequestContext, overrides: Partial<RegistrationInput> = {}) {
  const result = await s.people.register(context, childInput(overrides));
  if (result.outcome !== 'registered') throw new Error('expected the child to be registered');
  return result.record;
}

/** A team with a manager and a social worker, and a child allocated to the worker. */
export async function allocatedCase(s: Services) {
  const teamId = await makeTeam(s);
  const manager = await makeUser(s, { roles: ['team-manager'], teamIds: [teamId] });
  const worker = await makeUser(s, { roles: ['social-worker'], teamIds: [teamId] });
  const child = await registerChild(s, worker);
  await s.people.allocate(manager, child.id, { teamId, workerId: worker.actor.userId });
  return { teamId, manager, worker, child };
}

/** An event on a record with its own date, as an import from an old system would put it (a child's history for a test). */
export function importEvent(s: Services, personId: string, type: string, occurredAt: string, data: Record<string, unknown> = {}) {
  return s.people.importEvents(cliContext(), [{ personId, type, occurredAt: new Date(occurredAt), data }]);
}

/**
 * A provider registered by a placements officer, with its latest Ofsted judgement (none: not yet
 * inspected). Returns its id and the officer who registered it.
 */
export async function makeProvider(s: Services, overrides: { name?: string; type?: string; urn?: string; rating?: string; postcode?: string; places?: string; vacancies?: string; ageFrom?: string; ageTo?: string; needsMet?: string[]; inspectedOn?: string } = {}) {
  const officer = await makeUser(s, { roles: ['placements-officer'] });
  const id = await s.providers.register(officer, {
    name: overrides.name ?? `Provider ${unique()}`,
    type: overrides.type ?? 'childrens_home',
    ...(overrides.urn ? { urn: overrides.urn } : {}),
    address: '1 Provider Street, Wealdmoor',
    postcode: overrides.postcode ?? 'WM1 1AA',
    places: overrides.places ?? '4',
    vacancies: overrides.vacancies ?? '1',
    ageFrom: overrides.ageFrom ?? '8',
    ageTo: overrides.ageTo ?? '17',
    needsMet: overrides.needsMet ?? [],
    contactName: 'Pat Registered',
    contactRole: 'Registered Manager',
  });
  if (overrides.rating !== 'not_yet_inspected') {
    const [year, month, day] = (overrides.inspectedOn ?? '2025-01-15').split('-');
    await s.providers.recordInspection(officer, id, { 'inspectedOn-day': day, 'inspectedOn-month': month, 'inspectedOn-year': year, rating: overrides.rating ?? 'good' });
  }
  return { id, officer };
}

import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domain/access/roles';
import type { Services } from '../../src/services';
import { testApp } from '../support/testApp';
import { testDatabase, type Engine } from '../support/testDatabase';
import { makeTeam, makeUser, uniqueName, world, type TestWorld } from './index';

type User = Awaited<ReturnType<typeof makeUser>>;

/** When a step happened, as the page's date boxes give it (London date and time). */
export const at = (occurredOn: string, occurredTime = '10:00') => ({ occurredOn, occurredTime, problems: [] });

/** A world on the engine's test database at `now`, and the app over it (the caller closes the app). */
export async function worldWithApp(engine: Engine, now: string): Promise<{ t: TestWorld; app: FastifyInstance }> {
  const t = world((await testDatabase(engine)).db, now);
  return { t, app: await testApp(t) };
}

/** The latest obligation under a standard on a record, as [due date, outcome]: both undefined when none has started. */
export async function latestClock(s: Services, personId: string, ruleId: string) {
  const row = (await s.standards.forPerson(personId)).filter((r) => r.obligation.ruleId === ruleId).at(-1);
  return [row?.obligation.dueDate, row?.obligation.outcome];
}

/**
 * A new team of a specialist service ("Disabled Children", "ASSIST"), named uniquely, with a user
 * in each of `members`' roles in it, and a user in each of `others`' roles in no team.
 */
export async function specialistTeam<M extends string, O extends string>(s: Services, team: { name: string; specialism: string }, members: Record<M, Role>, others: Record<O, Role>) {
  const teamId = await makeTeam(s, `${team.name} ${uniqueName()}`, team.specialism);
  const users = {} as Record<M | O, User>;
  // One at a time, in the order given, as a test writing them out would.
  for (const [name, role] of Object.entries(members) as [M, Role][]) users[name] = await makeUser(s, { roles: [role], teamIds: [teamId] });
  for (const [name, role] of Object.entries(others) as [O, Role][]) users[name] = await makeUser(s, { roles: [role] });
  return { teamId, ...users };
}

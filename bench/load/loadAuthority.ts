import pg from 'pg';
import { openDatabase } from '../../src/platform/db/database';
import { systemClock } from '../../src/platform/clock';
import { services as buildServices } from '../../src/services';
import { cliContext } from '../../src/cli/cliContext';
import { syntheticPassword } from '../generate';

/**
 * Who the load test's virtual users are and what they work on: the demonstration authority's
 * children (seeded by the server's first start), and `count` social workers of the load test's own
 * (`load.worker.NNN`), spread over the teams that hold cases, so that each opens and records on
 * its own team's children as a real worker does. On a synthetic authority (LOAD_DATABASE_URL),
 * its own social workers instead, each with their caseload on My work.
 */
export interface LoadChild {
  id: string;
  teamId: string;
  /** The visit that child's plan asks for (cin.visit, cp.visit, cic.visit), if any. */
  visitType: string | null;
}

export interface LoadAuthority {
  users: { username: string; teamId: string }[];
  password: string;
  children: LoadChild[];
  surnames: string[];
}

export const loadPassword = 'load-test-password-2026';

export async function prepareLoadAuthority(databaseUrl: string, count: number): Promise<LoadAuthority> {
  const database = await openDatabase({ engine: 'postgres', url: databaseUrl, poolSize: 2 });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const services = buildServices(database.db, systemClock);
    const { rows: held } = await client.query<{ team_id: string; n: string }>(
      `select allocated_team_id as team_id, count(*) as n from people where kind = 'child' and allocated_team_id is not null group by 1 having count(*) >= 3 order by 2 desc`,
    );
    const teamIds = held.map((r) => r.team_id);
    if (teamIds.length === 0) throw new Error('No team holds children: was the demonstration authority seeded?');
    const { rows: existing } = await client.query<{ username: string }>(`select username from users where username like 'load.worker.%'`);
    const have = new Set(existing.map((r) => r.username));
    const users: LoadAuthority['users'] = [];
    // On a synthetic authority (npx hearth bench generate), its own social workers, each with a real caseload of 20-25.
    const { rows: synthetic } = await client.query<{ username: string; team_id: string }>(
      `select u.username, p.allocated_team_id as team_id from users u join people p on p.allocated_worker_id = u.id
       where u.username like 'syn%.sw.%' group by 1, 2 having count(*) >= 3 order by count(*) desc, 1 limit $1`,
      [count],
    );
    if (synthetic.length >= count) {
      users.push(...synthetic.map((r) => ({ username: r.username, teamId: r.team_id })));
    }
    for (let i = 1; i <= count && users.length < count; i++) {
      const username = `load.worker.${String(i).padStart(3, '0')}`;
      const teamId = teamIds[i % teamIds.length] as string;
      if (!have.has(username)) {
        await services.userAdmin.createUser(cliContext(), { username, displayName: `Load Worker ${i}`, email: null, jobTitle: 'Social Worker (load test)', roles: ['social-worker'], teamIds: [teamId], password: loadPassword });
      }
      users.push({ username, teamId });
    }
    const { rows: children } = await client.query<{ id: string; team_id: string; visit: string | null }>(
      `select p.id, p.allocated_team_id as team_id,
         (select o.rule_id from obligations o where o.person_id = p.id and o.outcome = 'open' and o.rule_id in ('cin.visit', 'cp.visit', 'cic.visit') limit 1) as visit
       from people p where p.kind = 'child' and p.restricted = false and p.allocated_team_id = any($1::uuid[])`,
      [teamIds],
    );
    const { rows: names } = await client.query<{ family_name: string }>(`select distinct family_name from people where kind = 'child' and restricted = false`);
    return {
      users,
      password: synthetic.length >= count ? syntheticPassword : loadPassword,
      children: children.map((c) => ({ id: c.id, teamId: c.team_id, visitType: c.visit })),
      surnames: names.map((n) => n.family_name),
    };
  } finally {
    await client.end();
    await database.close();
  }
}

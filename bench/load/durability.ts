import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { benchServerUrl } from '../engines';
import { prepareLoadAuthority } from './loadAuthority';
import { createLoadDatabase, startServer } from './server';
import { VirtualUser } from './virtualUser';
import { caseNote } from './workload';

/**
 * The durability check (issue 9): while signed-in users record case notes as fast as they can,
 * the server is killed with SIGKILL, then started again on the same database. Every note whose
 * save was acknowledged (the redirect after the save) must be there, once; none may be half
 * written: each note's event has its audit row and the record's event count (the projection
 * written in the same transaction) matches its events.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres npx tsx bench/load/durability.ts
 */
const env = process.env;
const writers = Number(env.DURABILITY_USERS ?? 20);
const killAfterMs = Number(env.DURABILITY_KILL_AFTER_MS ?? 8000);
const port = Number(env.LOAD_PORT ?? 39124);
const run = randomUUID().slice(0, 8);

async function main() {
  const serverUrl = benchServerUrl();
  if (!serverUrl) throw new Error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server');
  const database = await createLoadDatabase(serverUrl, 'durability');
  let server = await startServer(database.url, port);
  try {
    const authority = await prepareLoadAuthority(database.url, writers);
    const users = authority.users.map((u) => new VirtualUser(server.baseUrl, u.username));
    for (const user of users) await user.signIn(authority.password);
    const acknowledged = new Set<string>();
    const unknown = new Set<string>();
    let killed = false;
    let sent = 0;
    const write = async (user: VirtualUser, index: number) => {
      const children = authority.children.filter((c) => c.teamId === authority.users[index]?.teamId);
      for (let i = 0; !killed || i < 1; i++) {
        const child = children[i % children.length];
        if (!child) return;
        const marker = `durability-${run}-${index}-${i}`;
        sent++;
        const outcome = await user.timed('note', 'POST', `/people/${child.id}/case-record/notes`, caseNote(marker));
        if (outcome.status === 302 || outcome.status === 303) acknowledged.add(marker);
        else {
          unknown.add(marker);
          if (killed) return;
        }
      }
    };
    const writing = users.map((u, i) => write(u, i));
    await new Promise((r) => setTimeout(r, killAfterMs));
    killed = true;
    await server.kill();
    await Promise.all(writing);
    console.error(`Killed the server with SIGKILL after ${killAfterMs} ms: ${sent} saves sent, ${acknowledged.size} acknowledged, ${unknown.size} without an answer.`);

    server = await startServer(database.url, port);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ marker: string; person_id: string; n: string }>(
        `select substring(data->>'facts' from '^(durability-[^:]+)') as marker, person_id, count(*) as n
           from events where type = 'case_note.recorded' and data->>'facts' like $1 group by 1, 2`,
        [`durability-${run}-%`],
      );
      const settings = await client.query<{ fsync: string; sc: string }>(`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc`);
      const present = new Map(rows.map((r) => [r.marker, Number(r.n)]));
      const lost = [...acknowledged].filter((m) => !present.has(m));
      const doubled = rows.filter((r) => Number(r.n) !== 1).map((r) => r.marker);
      const people = [...new Set(rows.map((r) => r.person_id))];
      // Written in the same transaction as each note: its audit row, and the record's event count.
      const { rows: audits } = await client.query<{ person_id: string; notes: string; audits: string; projected: string; events: string }>(
        `select p.id as person_id,
           (select count(*) from events e where e.person_id = p.id and e.type = 'case_note.recorded') as notes,
           (select count(*) from audit_log a where a.person_id = p.id and a.action = 'child.case_note_recorded' and a.outcome = 'allowed') as audits,
           p.event_count as projected,
           (select count(*) from events e where e.person_id = p.id) as events
         from people p where p.id = any($1::uuid[])`,
        [people],
      );
      const halfWritten = audits.filter((a) => Number(a.audits) < Number(a.notes) || Number(a.projected) !== Number(a.events));
      // And the server works again: one more save is acknowledged and there.
      const again = new VirtualUser(server.baseUrl, authority.users[0]?.username as string);
      await again.signIn(authority.password);
      const child = authority.children.find((c) => c.teamId === authority.users[0]?.teamId);
      const after = await again.timed('note', 'POST', `/people/${child?.id}/case-record/notes`, caseNote(`durability-${run}-after`));
      const lines = [
        '# Hearth durability check',
        '',
        `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; PostgreSQL on loopback (fsync ${settings.rows[0]?.fsync}, synchronous_commit ${settings.rows[0]?.sc})`,
        `- ${writers} signed-in users recorded case notes without pause; after ${killAfterMs} ms the server was killed with SIGKILL and started again on the same database.`,
        `- Saves sent: ${sent}; acknowledged (redirect after the save): ${acknowledged.size}; without an answer (in flight at the kill, or refused while it was down): ${unknown.size}.`,
        `- Notes found after the restart: ${present.size} (of which ${[...present.keys()].filter((m) => unknown.has(m)).length} were in flight and committed before the kill).`,
        `- **Acknowledged writes lost: ${lost.length}**${lost.length ? ` (${lost.slice(0, 5).join(', ')})` : ''}; written twice: ${doubled.length}; records half written (a note without its audit row, or an event count that does not match the events): ${halfWritten.length}.`,
        `- After the restart a new save was ${after.error ? `refused (${after.error})` : 'acknowledged'}.`,
        '',
      ];
      process.stdout.write(lines.join('\n'));
      if (lost.length || doubled.length || halfWritten.length || after.error) process.exitCode = 1;
    } finally {
      await client.end();
    }
  } finally {
    await server.stop().catch(() => {});
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

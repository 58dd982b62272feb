/**
 * The fostering, adoption and LADO pages (issue 11) and the workforce, supervision, youth justice,
 * occupational therapy, ASSIST, transitions and hospital duty pages (issue 12) on the demonstration authority, seeded fresh into
 * a temporary PGlite directory: each page 40 times signed in as the demo user who uses it, the first
 * 10 untimed. `node --import tsx bench/demoPages.ts` (about a minute). Response times for one user.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataAccess } from '../src/dataAccess';
import { createApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { systemClock } from '../src/platform/clock';
import { services as build } from '../src/services';
import { seedDemonstrationAuthority } from '../src/modules/demo/demoSeed';
import { Client } from '../test/support/testApp';
import { cliContext } from '../src/cli/cliContext';


const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'hearth-demo-pages-'));
const config = loadConfig({ HEARTH_DATA_DIR: dir, HEARTH_LOG_LEVEL: 'silent', HEARTH_RATE_LIMIT_PER_MINUTE: '100000', HEARTH_SIGN_IN_LIMIT_PER_MINUTE: '100000' });
const database = await dataAccess(config);
const s = build(database.db, systemClock);
if ((await s.staff.teams()).length === 0) {
  const t0 = Date.now();
  await seedDemonstrationAuthority(s, 'hearth-demo-2026');
  console.log('seed ms', Date.now() - t0);
}
const app = await createApp(s, { config, authorityName: 'Wealdmoor', logger: false });
const find = async (q: string) => (await s.people.search(cliContext(['head-of-service']), { q, dateOfBirth: null, kind: null as never, page: 1, pageSize: 5 } as never)).records[0]?.id;
const joan = await find('Joan Okafor');
const holt = await find('Kevin Holt');
const poppy = await find('Poppy Ellison');
const userId = async (username: string) => (await s.staff.memberByUsername(username))?.id;
const jess = await userId('jess.morgan');
const sam = await userId('sam.patel');
const amani = await find('Amani Mwangi');
const ethan = await find('Ethan Roberts');
const chidi = await find('Chidi Okonkwo');
const pages: [string, string][] = [
  ['marcus.bell', '/workforce'],
  ['marcus.bell', `/workforce/staff/${jess}`],
  ['tom.reilly', '/supervision'],
  ['tom.reilly', `/supervision/staff/${sam}`],
  ['ellie.ford', '/youth-justice'],
  ['ellie.ford', `/people/${amani}/youth-justice`],
  ['kwame.asante', '/youth-justice/indicators?year=2026'],
  ['megan.holt', '/occupational-therapy'],
  ['megan.holt', `/people/${ethan}/occupational-therapy`],
  ['rachel.kim', '/assist'],
  ['sophie.turner', '/transitions'],
  ['chloe.evans', '/hospital-duty'],
  ['grace.mensah', `/people/${chidi}/transfer`],
  ['rebecca.lewis', '/foster-carers'],
  ['rebecca.lewis', `/people/${joan}/foster-carer`],
  ['lucy.barnes', '/fostering'],
  ['lucy.barnes', `/people/${holt}/fostering`],
  ['lucy.barnes', '/adoption'],
  ['daniel.hughes', `/people/${poppy}/adoption`],
  ['fiona.grant', '/allegations'],
  ['fiona.grant', '/allegations/report?year=2026'],
];
const rows: string[] = [];
for (const [user, url] of pages) {
  const c = new Client(app);
  await c.signIn(user, 'hearth-demo-2026');
  const times: number[] = [];
  let status = 0; let size = 0;
  for (let i = 0; i < 40; i++) {
    const t = process.hrtime.bigint();
    const r = await c.get(url);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    status = r.statusCode; size = r.body.length;
    if (i >= 10) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(1);
  rows.push(`| ${url.replace(/[0-9a-f-]{36}/, ':id')} | ${user} | ${status} | ${p(0.5)} | ${p(0.95)} | ${(size / 1024).toFixed(0)} kB |`);
}
console.log('| Page | Signed in as | Status | Median (ms) | p95 (ms) | HTML |\n| --- | --- | ---: | ---: | ---: | ---: |\n' + rows.join('\n'));
await app.close();
await database.close();
if (!process.argv[2]) rmSync(dir, { recursive: true, force: true });

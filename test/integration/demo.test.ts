import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { roles } from '../../src/domain/access/roles';
import { demoSeedToday } from '../support/demoFixture';
import { openDatabase, type Database } from '../../src/platform/db/database';
import { runMigrations } from '../../src/platform/db/migrate';
import { fixedClock } from '../../src/platform/clock';
import { services, type Services } from '../../src/services';
import { authorityName, demoSignIns, isSeeded, seedDemonstrationAuthority } from '../../src/modules/demo/demoSeed';
import { engines } from '../support/testDatabase';

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A database of its own: the demonstration's teams and usernames are fixed names. */
async function freshDatabase(engine: 'pglite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite' });
    await runMigrations(database);
    return { database, drop: () => database.close() };
  }
  const url = new URL(inject('postgresUrl') as string);
  const name = `hearth_demo_${process.pid}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString() });
  await runMigrations(database);
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe.each(engines())('the demonstration authority on %s', (engine) => {
  let database: Database;
  let drop: () => Promise<void>;
  let s: Services;

  beforeAll(async () => {
    ({ database, drop } = await freshDatabase(engine));
    s = services(database.db, fixedClock(`${demoSeedToday}T12:00:00Z`));
    expect(await isSeeded(s)).toBe(false);
    await seedDemonstrationAuthority(s, 'hearth-demo-2026');
  });
  afterAll(() => drop());

  it('has the teams of the service statement, the front door and the Resource Service', async () => {
    const names = (await s.staff.teams()).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining([
      'Front Door (MASH)', 'Contact, Referral and Assessment Service', 'Child Protection and Court Service',
      'Specialist Children, Young People and Families Team', "Disabled Children's Team", 'Children in Care and Moving On Team',
      'Family Placement Team', 'Placements Team (Frogna Team)', 'Family Time Team (Primrose Hill Team)',
    ]));
    expect(await isSeeded(s)).toBe(true);
    expect(await authorityName(s)).toBe('Wealdmoor Borough Council');
  });

  it('has about twenty staff who between them hold every role, and who can sign in', async () => {
    const staff = await s.staff.allMembers();
    expect(staff.length).toBeGreaterThanOrEqual(20);
    expect(new Set(staff.flatMap((m) => m.roles))).toEqual(new Set(roles));
    expect(await demoSignIns(s)).toHaveLength(staff.length);
    const result = await s.signIn.signIn('daniel.hughes', 'hearth-demo-2026', { ipAddress: null, method: null, path: null });
    expect(result.outcome).toBe('signed-in');
  });

  it('has about seventy children at every stage, with families and professionals', async () => {
    const [counts] = await rows<{ children: number; adults: number; professionals: number; unborn: number; restricted: number }>(database, sql`
      select count(*) filter (where kind = 'child')::int as children, count(*) filter (where kind = 'adult')::int as adults,
             count(*) filter (where kind = 'professional')::int as professionals,
             count(*) filter (where expected_date_of_birth is not null)::int as unborn, count(*) filter (where restricted)::int as restricted
      from people`);
    expect(counts?.children).toBeGreaterThanOrEqual(55);
    expect(counts?.children).toBeLessThanOrEqual(90);
    expect(counts?.adults).toBeGreaterThanOrEqual(40);
    expect(counts?.professionals).toBeGreaterThanOrEqual(10);
    expect(counts?.unborn).toBeGreaterThanOrEqual(1);
    expect(counts?.restricted).toBeGreaterThanOrEqual(1);

    const stages = await rows<{ type: string; children: number }>(database, sql`
      select type, count(distinct person_id)::int as children from events
      where type in ('contact.received', 'assessment.allocated', 'cin.plan_started', 'cp.conference_held', 'cic.started', 'care_leaver.pa_allocated', 'threshold.decided')
      group by type`);
    const byType = Object.fromEntries(stages.map((r) => [r.type, r.children]));
    for (const type of ['contact.received', 'assessment.allocated', 'cin.plan_started', 'cp.conference_held', 'cic.started', 'care_leaver.pa_allocated']) {
      expect(byType[type], type).toBeGreaterThanOrEqual(4);
    }
    const [unrelated] = await rows<{ n: number }>(database, sql`
      select count(*)::int as n from people p where p.kind = 'child'
      and not exists (select 1 from relationships r where r.person_id = p.id or r.related_person_id = p.id)`);
    expect(unrelated?.n).toBe(0);
  });

  it('allocates every child past the front door to a worker, and has cases whose visits have fallen behind', async () => {
    const [unallocated] = await rows<{ n: number }>(database, sql`
      select count(*)::int as n from people where kind = 'child' and allocated_worker_id is null
      and id not in (select person_id from events where type = 'contact.received' and person_id not in (select person_id from events where type = 'threshold.decided'))`);
    expect(unallocated?.n).toBe(0);
    const late = await rows<{ person_id: string }>(database, sql`
      select person_id from events where type in ('cin.visit', 'cp.visit', 'cic.visit')
      group by person_id having max(occurred_at) < ${`${demoSeedToday}T00:00:00Z`}::timestamptz - interval '30 days'`);
    expect(late.length).toBeGreaterThanOrEqual(3);
  });

  it('has contacts at the front door awaiting a decision, some past their 24 hours, and one about an open case that alerts its worker', async () => {
    const { cliContext } = await import('../../src/cli/cliContext');
    const duty = { ...cliContext(), actor: (await s.staff.actorFor((await s.staff.memberByUsername('priya.shah'))!.id, 'session'))! };
    const queue = await s.frontDoor.queue(duty);
    expect(queue.awaiting.length).toBeGreaterThanOrEqual(6);
    expect(queue.awaiting.filter((c) => c.decisionDue?.overdue).length).toBeGreaterThanOrEqual(4);
    // The Taylor children are one contact from their school, with their mother's consent.
    const taylor = queue.awaiting.find((c) => c.contact.concerns.startsWith('Leo told his teacher'));
    expect(taylor?.children.map((c) => c.name.split(' ')[0]).sort()).toEqual(['Leo', 'Mia']);
    expect(taylor?.contact.referrer).toMatchObject({ name: 'Paul Grainger', organisation: 'Riverside Primary School' });
    expect(taylor?.contact.adults.find((a) => a.relationship === 'Mother')).toMatchObject({ parent: true, consent: 'given' });
    // Jayden Patterson's new contact shows on Sam Patel's My work.
    const sam = (await s.staff.memberByUsername('sam.patel'))!;
    const held = await s.people.caseload({ ...duty, actor: (await s.staff.actorFor(sam.id, 'session'))! }, sam.id);
    const alerts = await s.frontDoor.recentContactsAbout(held.map((r) => r.id));
    expect(alerts.map((a) => held.find((r) => r.id === a.personId)?.details.givenNames)).toContain('Jayden');
    // The school's follow-up email is attached to that contact.
    const jayden = alerts.find((a) => held.find((r) => r.id === a.personId)?.details.givenNames === 'Jayden')!;
    expect((await s.contactDocuments.list(jayden.id)).map((d) => d.filename)).toEqual(['Email from Riverside Primary - follow up.eml']);
    // Tyrese Brown's assessment waits for Tom Reilly's sign-off, not Sam Patel's.
    const tom = (await s.staff.memberByUsername('tom.reilly'))!;
    const tomActor = { ...duty, actor: (await s.staff.actorFor(tom.id, 'session'))! };
    expect((await s.assessment.awaitingSignOff(tomActor, tom.teamIds)).map((a) => a.name)).toContain('Tyrese Brown');
    // The Ahmed assessment's extension waits for the service manager's decision (the team has no team manager).
    const marcus = (await s.staff.memberByUsername('marcus.bell'))!;
    const marcusActor = { ...duty, actor: (await s.staff.actorFor(marcus.id, 'session'))! };
    expect((await s.assessment.extensionsAwaiting(marcusActor, marcus.teamIds)).map((a) => a.name.split(' ').at(-1))).toContain('Ahmed');
    // Noah Pearce's closure workflow has not been copied to his sister: late, and offered to Marcus Bell.
    const noah = (await s.people.search(marcusActor, { q: 'Noah Pearce', dateOfBirth: null, kind: null, page: 1, pageSize: 5 })).records[0]!;
    const copy = (await s.standards.forPerson(noah.id)).find((o) => o.obligation.ruleId === 'closure.copied-to-siblings');
    expect(copy?.state).toBe('overdue');
    const closure = await s.closure.view(marcusActor, noah);
    expect([closure.may.copy, closure.siblings.map((c) => c.name)]).toEqual([true, [expect.stringContaining('Pearce')]]);
    // Bedrooms: the late Lee family's have not been seen since the first visit; the Osei family's every other visit.
    const jess = { ...duty, actor: (await s.staff.actorFor((await s.staff.memberByUsername('jess.morgan'))!.id, 'session'))! };
    const cpChild = async (surname: string) => (await s.people.search(jess, { q: surname, dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).records[0]!;
    expect((await s.caseRecord.view(jess, (await cpChild('Lee')).id)).bedrooms?.state).toBe('overdue');
    expect((await s.caseRecord.view(jess, (await cpChild('Osei')).id)).bedrooms?.state).toBe('ok');
    // Sumaiya Begum's strategy meeting, decided two days ago, is overdue.
    const tomCtx = { ...duty, actor: (await s.staff.actorFor((await s.staff.memberByUsername('tom.reilly'))!.id, 'session'))! };
    const sumaiya = (await s.people.search(tomCtx, { q: 'Sumaiya Begum', dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).records[0]!;
    const strategy = await s.strategy.view(tomCtx, sumaiya.id);
    expect([strategy.state?.triggeredAt !== null, strategy.may.hold, strategy.clocks.find((c) => c.ruleId === 'strategy.meeting-held')?.state]).toEqual([true, true, 'overdue']);
    // The Walsh family's Early Help Hub decision waits, overdue, for the Duty Manager's review.
    expect((await s.hubReviews.waiting(duty)).map((r) => [r.name.split(' ').at(-1), r.overdue])).toContainEqual(['Walsh', true]);
    // Arjun Singh's child in need review of 17 days ago waits, overdue, for Tom Reilly's sign-off.
    const arjun = (await s.people.search(tomCtx, { q: 'Arjun Singh', dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).records[0]!;
    const cin = await s.cinPlan.view(tomCtx, arjun.id);
    expect([cin.plan.onPlan, cin.may.signOff, cin.plan.reviews.at(-1)?.chairWasManager, cin.clocks.find((c) => c.ruleId === 'cin.review-record')?.state]).toEqual([true, true, true, 'overdue']);
    // The Marsh twins' full safety plan is signed by their Nan, not yet by the health visitor.
    const grace = { ...duty, actor: (await s.staff.actorFor((await s.staff.memberByUsername('grace.mensah'))!.id, 'session'))! };
    const alfie = (await s.people.search(grace, { q: 'Alfie Marsh', dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).records[0]!;
    const safety = await s.safetyPlan.view(grace, alfie.id);
    expect([safety.state.versions.map((v) => v.content.kind), safety.network.map((m) => [m.name, m.signed !== null])]).toEqual([
      ['interim', 'full'],
      [
        ['Carol Marsh', true],
        ['Kate Marsden', false],
      ],
    ]);
    // Gabriel Da Silva came into care six days ago under section 20: his IRO is overdue.
    const hannah = { ...duty, actor: (await s.staff.actorFor((await s.staff.memberByUsername('hannah.scott'))!.id, 'session'))! };
    const gabriel = (await s.people.search(hannah, { q: 'Gabriel Da Silva', dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).records[0]!;
    const care = await s.inCare.view(hannah, gabriel.id);
    expect([care.state.inCare, care.state.statuses[0]?.status, care.state.statuses[0]?.consent !== null, care.clocks.find((c) => c.ruleId === 'cic.iro-appointed')?.state]).toEqual([true, 'V2', true, 'overdue']);
    expect((await s.cinPlan.view(hannah, gabriel.id)).plan).toMatchObject({ onPlan: false, ended: { reason: 'in_care' } });
    // The Doherty children's IRO was told of a proposed change of care plan, and has a concern open.
    const ruth = { ...duty, actor: (await s.staff.actorFor((await s.staff.memberByUsername('ruth.adeyemi'))!.id, 'session'))! };
    const doherty = (await s.people.search(ruth, { q: 'Doherty', dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).records[0]!;
    const reviews = await s.cicReviews.view(ruth, doherty.id);
    expect([reviews.earlyReview, reviews.state.disputes.map((d) => d.stage), reviews.may.hold]).toEqual([true, ['informal'], true]);
    // Elena Lakatos went missing from her children's home last night: on this morning's list, still missing.
    const morning = await s.missing.morningList(ruth);
    expect(morning.rows.map((r) => [r.name, r.stillMissing])).toContainEqual([expect.stringContaining('Elena Lakatos'), true]);
    // Every care leaver has a status worked out from their care history, with its reasons.
    const liam = { ...duty, actor: (await s.staff.actorFor((await s.staff.memberByUsername('liam.oconnor'))!.id, 'session'))! };
    for (const surname of ['Miller', 'Adebayo', 'Yusuf', 'McLeod', 'Fox']) {
      const young = (await s.people.search(liam, { q: surname, dateOfBirth: null, kind: 'child', page: 1, pageSize: 5 })).records[0]!;
      const leaver = await s.careLeaver.view(liam, young.id);
      expect(['eligible', 'relevant', 'former_relevant', 'former_relevant_education'], surname).toContain(leaver.status?.status);
      expect(leaver.status?.reasons.length, surname).toBeGreaterThan(2);
    }
  });

  it('rebuilds every record table from the events and gets exactly the same tables', async () => {
    const snapshot = async () => {
      const tables: Record<string, unknown[]> = {};
      for (const table of ['people', 'addresses', 'warnings', 'legal_statuses', 'relationships', 'restricted_access', 'contacts', 'mash_enquiries']) {
        tables[table] = await rows(database, sql.raw(`select * from ${table} order by id`));
      }
      // The front door's picture of its contacts is rebuilt from the children's events too.
      tables.contact_children = await rows(database, sql`select * from contact_children order by contact_id, person_id`);
      return JSON.parse(JSON.stringify(tables));
    };
    const before = await snapshot();
    expect((before.people as unknown[]).length).toBeGreaterThan(100);
    expect((before.contacts as unknown[]).length).toBeGreaterThan(40);
    expect((before.mash_enquiries as unknown[]).length).toBeGreaterThan(0);
    const { cliContext } = await import('../../src/cli/cliContext');
    const rebuilt = await s.people.rebuildProjections(cliContext());
    expect(rebuilt.people).toBe((before.people as unknown[]).length);
    expect(await snapshot()).toEqual(before);
  });

  it('shows corrections, an entry recorded in error and an ended warning in the histories', async () => {
    const types = (await rows<{ type: string }>(database, sql`select distinct type from events`)).map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['person.details_corrected', 'entry.recorded_in_error', 'person.warning_ended', 'child.restricted', 'child.access_granted', 'cic.legal_status_changed']));
  });
});

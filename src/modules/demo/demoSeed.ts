import type { Actor } from '../../domain/access/can';
import { roleLabels } from '../../domain/access/roles';
import { addDays, addMonths, londonDate } from '../../domain/calendar/localDate';
import { nhsCheckDigit } from '../../domain/people/nhsNumber';
import { upnCheckLetter } from '../../domain/people/upn';
import { laCodeSetting } from '../returns/laCode';
import type { RequestContext } from '../../platform/audit/auditLog';
import { fixedClock } from '../../platform/clock';
import { installationSettings } from '../../platform/settings';
import { services as buildServices, type Services } from '../../services';
import { cliContext } from '../../cli/cliContext';
import { actorFrom } from '../staff/staffDirectory';
import { careLeaverJourney, journey, type ScriptedEvent } from './demoEvents';
import { healthYear } from './demoHealth';
import { keepUp } from './demoUpkeep';
import { contactOnOpenCase, frontDoorDetails } from './demoFrontDoor';
import { assessmentAwaitingSignOff, extensionAwaitingDecision } from './demoAssessment';
import { closureLettersSent, closureUnderway, hubReviewWaiting } from './demoClosure';
import { strategyUnderway } from './demoStrategy';
import { ladoScenes } from './demoLado';
import { workforceScenes } from './demoWorkforce';
import { occupationalTherapyScenes } from './demoOccupationalTherapy';
import { assistScenes } from './demoAssist';
import { transitionsScenes } from './demoTransitions';
import { hospitalDutyScenes } from './demoHospitalDuty';
import { supervisionScenes } from './demoSupervision';
import { youthJusticeScenes } from './demoYouthJustice';
import { atUniversity, cameIntoCare, cinReviewAwaitingSignOff, missingOvernight, reviewConcerns, safetyPlanUnderway } from './demoPlans';
import { placementDataFor, seedProviders } from './demoProviders';
import { resourceServiceScenes } from './demoResources';
import { fosterCarerScenes } from './demoFosterCarers';
import { adoptionScenes } from './demoAdoption';
import { fosteringScenes } from './demoFostering';
import { demoFamilies, demoProfessionals, type DemoChild, type DemoFamily } from './demoFamilies';
import { demoAuthorityName, demoStaff, demoTeams } from './demoStaff';

const dayMs = 86_400_000;

export async function isSeeded(services: Services): Promise<boolean> {
  return (await services.staff.teams()).length > 0;
}

export async function authorityName(services: Services): Promise<string> {
  return (await installationSettings.get(services.db, 'authority_name')) ?? 'Hearth';
}

export async function demoSignIns(services: Services): Promise<string[]> {
  const lines: string[] = [];
  for (const s of demoStaff) {
    const member = await services.staff.memberByUsername(s.username);
    if (member?.active) lines.push(`${s.username.padEnd(16)} ${member.roles.map((r) => roleLabels[r]).join(', ')} (${member.displayName})`);
  }
  return lines;
}

/** Valid, fictional identifiers: NHS numbers from the 999 range used for testing, UPNs for LA 873. */
function nhsNumberFor(n: number): string {
  for (let i = n; ; i++) {
    const firstNine = String(999_000_000 + i * 7);
    const check = nhsCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
}

function upnFor(n: number): string {
  const rest = `873${String(20_000_000 + n * 131).slice(0, 8)}${n % 10}`;
  return `${upnCheckLetter(rest)}${rest}`;
}

function dateOfBirth(today: string, age: number, n: number): string {
  const date = addDays(addMonths(today, -12 * age), -(20 + ((n * 53) % 300)));
  return date.endsWith('-02-29') ? addDays(date, -1) : date;
}

/**
 * Adds the demonstration authority: teams, staff, and families with children at every stage,
 * from a contact waiting at the front door to a care leaver at university. It goes through
 * the services, with a clock set back to when each thing happened, so the records, history
 * and audit log look as they would after real use.
 */
export async function seedDemonstrationAuthority(live: Services, password: string, now: Date = live.clock.now()): Promise<void> {
  const clock = fixedClock(now);
  const s = buildServices(live.db, clock);
  const admin = cliContext();
  const today = londonDate(now);
  const at = (daysAgo: number, hour = 10) => new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * dayMs + hour * 3_600_000);

  await installationSettings.setIfAbsent(s.db, 'authority_name', demoAuthorityName);
  // The DfE code the statutory returns are sent under (issue 10); the demonstration's UPNs use it too.
  await installationSettings.setIfAbsent(s.db, laCodeSetting, '873');

  clock.set(at(1200));
  const teamIds: Record<string, string> = {};
  for (const team of demoTeams) teamIds[team.key] = await s.userAdmin.createTeam(admin, { name: team.name, service: team.service, purpose: team.purpose, specialism: team.specialism });
  const actors: Record<string, Actor> = {};
  for (const member of demoStaff) {
    const id = await s.userAdmin.createUser(admin, {
      username: member.username,
      displayName: member.displayName,
      email: `${member.username}@wealdmoor.example`,
      jobTitle: member.jobTitle,
      roles: member.roles,
      teamIds: member.teams.map((t) => teamIds[t] as string),
      password,
    });
    const saved = await s.staff.member(id);
    if (saved) actors[member.username] = actorFrom(saved, 'session');
  }
  const as = (username: string): RequestContext => ({ actor: actors[username] as Actor, ipAddress: '10.20.0.15', method: 'POST', path: '/demo' });
  const duty = as('priya.shah');
  // The Resource Service's providers come first: the children's placements name them.
  const providerIds = await seedProviders(s, as('noah.williams'), (d) => clock.set(d), at, today);
  const childrenOf = new Map<string, string[]>();
  const head = as('helen.okafor');

  // Professionals known to many families.
  const professionalIds: Record<string, string> = {};
  for (const [key, given, family, role, organisation, phone] of demoProfessionals) {
    const result = await s.people.register(duty, { kind: 'professional', ...blank(), givenNames: given, familyName: family, professionalRole: role, organisation, phone, email: `${given.toLowerCase()}.${family.toLowerCase()}@partner.example`, confirmNotDuplicate: true });
    if (result.outcome === 'registered') professionalIds[key] = result.record.id;
  }

  let n = 0;
  const keptUp: { personId: string; recordedBy: Actor }[] = [];
  let closing: string[] = [];
  let steppingUp: string[] = [];
  let strategyFor: string[] = [];
  let cinReviewFor: string[] = [];
  let safetyPlanFor: string[] = [];
  let intoCare: string[] = [];
  let reviewed: string[] = [];
  let missingFrom: string[] = [];
  let university: string[] = [];
  for (const [index, family] of demoFamilies.entries()) {
    const worker = family.worker ? as(family.worker) : duty;
    const script = family.stage === 'care-leaver' ? null : journey(family, index);
    const childrenScripts = family.children.map((child) => {
      n++;
      const dob = child.age !== undefined ? dateOfBirth(today, child.age, n) : null;
      return { child, n, dob, script: script ? [...script, ...healthYear(family.surname, child.given, dob, today)] : careLeaverJourney(dob as string, today, Boolean(family.late)) };
    });
    const start = Math.max(...childrenScripts.flatMap((c) => c.script.map((e) => e.daysAgo)), family.movedFrom ? family.movedFrom[3] * 31 + 5 : 0) + 1;
    clock.set(at(start, 9));
    const registrar = family.stage === 'contact' || family.stage === 'assessment' ? duty : worker;
    const address = family.movedFrom ?? family.address;
    const addressInput = { line1: address[0], line2: null, town: address[1], postcode: address[2], startDate: addDays(today, -start - 400) };

    const adultIds: { id: string; adult: DemoFamily['adults'][number] }[] = [];
    for (const adult of family.adults) {
      const result = await s.people.register(registrar, {
        kind: 'adult', ...blank(),
        givenNames: adult.given, familyName: adult.family ?? family.surname, gender: adult.sex,
        dateOfBirth: dateOfBirth(today, adult.age, n + adult.age), ethnicity: family.ethnicity,
        firstLanguage: family.language ?? 'English', religion: family.religion ?? null, phone: adult.phone ?? null,
        address: adult.relationship === 'foster-carer' || adult.relationship === 'kinship-carer' ? null : addressInput,
        confirmNotDuplicate: true,
      });
      if (result.outcome !== 'registered') continue;
      adultIds.push({ id: result.record.id, adult });
      if (adult.warning) {
        await s.people.recordWarning(registrar, result.record.id, { category: adult.warning[0], detail: adult.warning[1], startDate: addDays(today, -start) });
      }
    }

    const childIds: string[] = [];
    for (const { child, n: k, dob } of childrenScripts) {
      const id = await registerChild(s, registrar, family, child, k, dob, today, addressInput);
      childIds.push(id);
      for (const { id: adultId, adult } of adultIds) {
        await s.people.recordRelationship(registrar, id, { relatedPersonId: adultId, type: adult.relationship, parentalResponsibility: adult.parentalResponsibility, professionalRole: null, startDate: dob ?? addDays(today, -start) });
      }
      for (const key of family.professionals) {
        const role = demoProfessionals.find((p) => p[0] === key)?.[3] ?? 'other';
        await s.people.recordRelationship(registrar, id, { relatedPersonId: professionalIds[key] as string, type: 'professional', parentalResponsibility: false, professionalRole: role, startDate: addDays(today, -start) });
      }
    }
    for (const other of childIds.slice(1)) {
      await s.people.recordRelationship(registrar, childIds[0] as string, { relatedPersonId: other, type: 'sibling', parentalResponsibility: false, professionalRole: null, startDate: addDays(today, -start) });
    }

    clock.set(at(start - 1, 11));
    for (const id of childIds) await s.people.allocate(head, id, { teamId: teamIds[family.team] as string, workerId: family.worker ? (actors[family.worker] as Actor).userId : null });

    const frontDoor = frontDoorDetails(family, childIds, adultIds);
    const events = childrenScripts.flatMap(({ script }, i) =>
      script.map((e: ScriptedEvent) => ({
        personId: childIds[i] as string,
        type: e.type,
        occurredAt: at(e.daysAgo, e.hour ?? 10),
        data: { ...frontDoor(e.type, withDates(e, today)), ...(e.type === 'cic.placement_started' ? placementDataFor(family.surname, providerIds) : {}) },
        recordedBy: (family.worker ? actors[family.worker] : actors['priya.shah']) as Actor,
      })),
    );
    childrenOf.set(family.surname, childIds);
    clock.set(now);
    await s.people.importEvents(admin, events);

    if (family.movedFrom) {
      clock.set(at(family.movedFrom[3] * 30, 14));
      for (const id of [...childIds, ...adultIds.filter((a) => a.adult.relationship === 'parent').map((a) => a.id)]) {
        await s.people.recordAddress(worker, id, { line1: family.address[0], line2: null, town: family.address[1], postcode: family.address[2], startDate: addDays(today, -family.movedFrom[3] * 30) });
      }
    }
    if (family.restricted) {
      clock.set(at(Math.max(start - 2, 1), 12));
      const manager = as('grace.mensah');
      for (const id of childIds) {
        await s.people.restrict(manager, id, family.restricted.reason);
        await s.people.grantAccess(manager, id, family.restricted.grantTo);
      }
    }
    await showcase(s, family, childIds, worker, today, clock, at);
    if (family.surname === 'Patterson') await contactOnOpenCase(s, duty, childIds[0] as string, (d) => clock.set(d), at);
    if (family.surname === 'Brown') await assessmentAwaitingSignOff(s, worker, childIds[0] as string, (d) => clock.set(d), at);
    if (family.surname === 'Ahmed') await extensionAwaitingDecision(s, worker, childIds[0] as string, (d) => clock.set(d), at);
    if (family.closed) await closureLettersSent(s, worker, childIds, family.closed.daysAgo, (d) => clock.set(d), at);
    if (family.surname === 'Pearce') closing = childIds;
    if (family.surname === 'Walsh') steppingUp = childIds;
    if (family.surname === 'Begum') strategyFor = childIds;
    if (family.surname === 'Singh') cinReviewFor = childIds;
    if (family.surname === 'Marsh') safetyPlanFor = childIds;
    if (family.surname === 'Da Silva') intoCare = childIds;
    if (family.surname === 'Doherty') reviewed = childIds;
    if (family.surname === 'Lakatos') missingFrom = childIds;
    if (family.surname === 'McLeod') university = childIds;
    // Contacts still at the front door and the late families keep what is overdue.
    if (!family.late && family.stage !== 'contact') for (const id of childIds) keptUp.push({ personId: id, recordedBy: worker.actor });
  }
  clock.set(now);
  await keepUp(s, keptUp, now);
  // After the upkeep, so that what the closure left undone stays undone.
  await closureUnderway(s, as('marcus.bell'), closing, (d) => clock.set(d), at);
  await hubReviewWaiting(s, as('beth.taylor'), steppingUp, (d) => clock.set(d), at);
  await strategyUnderway(s, as('tom.reilly'), as('sam.patel'), strategyFor, (d) => clock.set(d), at);
  await cinReviewAwaitingSignOff(s, as('sam.patel'), as('tom.reilly'), cinReviewFor, (d) => clock.set(d), at);
  await safetyPlanUnderway(s, as('grace.mensah'), safetyPlanFor, (d) => clock.set(d), at);
  // The in-house foster carers named on the placements become approved carers with their histories (issue 11),
  // before the scenes that place children with them (chosen from the register: the placement checks their terms).
  await fosterCarerScenes(s, admin, as, childrenOf, (d) => clock.set(d), at);
  await cameIntoCare(s, as('hannah.scott'), as('marcus.bell'), intoCare, (d) => clock.set(d), at);
  await reviewConcerns(s, as('daniel.hughes'), as('ruth.adeyemi'), reviewed, (d) => clock.set(d), at);
  await missingOvernight(s, as('daniel.hughes'), missingFrom, (d) => clock.set(d), at);
  await atUniversity(s, as('liam.oconnor'), university, (d) => clock.set(d));
  await resourceServiceScenes(s, as, childrenOf, (d) => clock.set(d), at);
  await adoptionScenes(s, as, teamIds, (d) => clock.set(d), at);
  // Fostering recruitment (issue 11): enquiries to approval, a late assessment, one awaiting panel, a connected person.
  await fosteringScenes(s, as, (d) => clock.set(d), at);
  // The LADO's allegations (issue 11), after the foster carers so that one can be about Joan Okafor.
  await ladoScenes(s, as('fiona.grant'), childrenOf, (d) => clock.set(d), at);
  // Occupational Therapy (issue 12): Megan Holt's referrals at each stage, Ethan Roberts's assessment among them.
  await occupationalTherapyScenes(s, as, teamIds, childrenOf, (d) => clock.set(d), at);
  // ASSIST (issue 12): Rachel Kim's contacts, MARF referrals and the Cygnet parent programme.
  await assistScenes(s, as, teamIds, childrenOf, (d) => clock.set(d), at);
  // The Youth Offending Service's caseload (issue 12): Ellie Ford's cases among the demonstration's children, Kwame Asante allocating.
  await youthJusticeScenes(s, { caseManager: as('ellie.ford'), manager: as('kwame.asante') }, childrenOf, (d) => clock.set(d), at);
  // Staff supervision (issue 12; specialist-service-statement.txt 5.4): contracts and a year of sessions, with case discussions on the children.
  await supervisionScenes(s, as, childrenOf, (d) => clock.set(d), at);
  // The Disabled Children's Team's transitions (issue 12; practice-standards.txt, Section 1: Children with Disabilities 16, 20-26), and its hospital duty service (specialist-service-statement.txt 7.3.3).
  const transitionsChildren = await transitionsScenes(s, as, teamIds, childrenOf, (d) => clock.set(d), at);
  await hospitalDutyScenes(s, as, teamIds, { ethan: childrenOf.get('Roberts')?.[0], amelia: transitionsChildren.amelia }, (d) => clock.set(d), at, now);
  // Caseloads, allocation and transfers (issue 12; specialist-service-statement.txt 5.2-5.3): profiles, complexity weights, a worker over her limit with the reason, two transfers.
  await workforceScenes(s, as, childrenOf, (d) => clock.set(d), at);
  clock.set(now);
}

/** A few corrections and entries in error, so the history shows what Hearth keeps. */
async function showcase(
  s: Services,
  family: DemoFamily,
  childIds: string[],
  worker: RequestContext,
  today: string,
  clock: ReturnType<typeof fixedClock>,
  at: (daysAgo: number, hour?: number) => Date,
) {
  const first = childIds[0] as string;
  if (family.surname === 'Murphy') {
    clock.set(at(60, 15));
    await s.people.correct(worker, first, { changes: { givenNames: 'Aoife' }, reason: 'Spelling confirmed with her mother at the home visit: the contact had it written as it sounds.' });
  }
  if (family.surname === 'Patterson') {
    const record = await s.people.find(first);
    clock.set(at(100, 16));
    await s.people.correct(worker, first, { changes: { dateOfBirth: addDays(record?.details.dateOfBirth as string, -1), nhsNumber: nhsNumberFor(9000) }, reason: 'Birth certificate and red book seen at the visit: the date of birth from the school was a day out.' });
  }
  if (family.surname === 'Wilson') {
    clock.set(at(20, 11));
    const [wrong] = await s.people.recordAddress(worker, first, { line1: '19 Railway Terrace', line2: null, town: 'Kingsford', postcode: 'WM5 2ST', startDate: addDays(today, -20) });
    clock.set(at(19, 9));
    if (wrong) await s.people.markInError(worker, first, { eventId: wrong.id, reason: 'Wrong house number typed: the family still live at number 9.' });
  }
  if (family.surname === 'Osei') {
    clock.set(at(140, 10));
    const [warning] = await s.people.recordWarning(worker, first, { category: 'animal-at-property', detail: 'Dog at the property; ask for it to be shut away.', startDate: addDays(today, -140) });
    clock.set(at(30, 10));
    if (warning) await s.people.endWarning(worker, first, warning.id, { endDate: addDays(today, -30), reason: 'Family have rehomed the dog.' });
  }
  if (family.surname === 'Lakatos') {
    clock.set(at(150, 10));
    await s.people.recordWarning(worker, first, { category: 'do-not-disclose-address', detail: 'Do not tell family members where Elena is placed.', startDate: addDays(today, -150) });
  }
}

function blank() {
  return {
    preferredName: null, dateOfBirth: null, expectedDateOfBirth: null, gender: null, ethnicity: null, firstLanguage: null,
    religion: null, disabilities: [] as string[], nhsNumber: null, upn: null, uasc: false, immigrationStatus: null,
    organisation: null, professionalRole: null, phone: null, email: null, address: null, externalId: null,
  };
}

async function registerChild(
  s: Services,
  registrar: RequestContext,
  family: DemoFamily,
  child: DemoChild,
  n: number,
  dob: string | null,
  today: string,
  address: { line1: string; line2: null; town: string; postcode: string; startDate: string },
): Promise<string> {
  const unborn = child.dueInWeeks !== undefined;
  const result = await s.people.register(registrar, {
    kind: 'child', ...blank(),
    givenNames: child.recordedFirstAs ?? child.given, familyName: child.family ?? family.surname, preferredName: child.preferred ?? null,
    dateOfBirth: dob, expectedDateOfBirth: unborn ? addDays(today, (child.dueInWeeks as number) * 7) : null,
    gender: child.sex, ethnicity: unborn ? null : family.ethnicity, firstLanguage: unborn ? null : (family.language ?? 'English'),
    religion: family.religion ?? null, disabilities: child.disabilities ?? [],
    nhsNumber: unborn ? null : nhsNumberFor(n), upn: !unborn && (child.age ?? 0) >= 5 && (child.age ?? 0) <= 16 ? upnFor(n) : null,
    uasc: child.uasc ?? false, immigrationStatus: child.immigrationStatus ?? (child.uasc ? null : 'british-citizen'),
    address: { ...address, startDate: dob && dob > address.startDate ? dob : address.startDate },
    confirmNotDuplicate: true,
  });
  if (result.outcome !== 'registered') throw new Error(`Could not add ${child.given} ${family.surname}`);
  return result.record.id;
}

/** A scripted event's data, with its `dates` (days before today) written as YYYY-MM-DD. */
function withDates(e: ScriptedEvent, today: string): Record<string, unknown> {
  if (!e.dates) return e.data;
  return { ...e.data, ...Object.fromEntries(Object.entries(e.dates).map(([field, ago]) => [field, addDays(today, -ago)])) };
}

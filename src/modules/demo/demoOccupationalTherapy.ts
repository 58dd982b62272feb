import { addDays, londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { whenAt } from './demoWhen';

type At = (daysAgo: number, hour?: number) => Date;

const blank = {
  preferredName: null, expectedDateOfBirth: null, ethnicity: 'WBRI', firstLanguage: 'English', religion: null, disabilities: [] as string[],
  nhsNumber: null, upn: null, uasc: false, immigrationStatus: null, organisation: null, professionalRole: null, phone: null, email: null, externalId: null, confirmNotDuplicate: true,
};

/**
 * A fictional child known to the Disabled Children's Team through Occupational Therapy alone, added by
 * the therapist with the parent who asked for help. An occupational therapist does not hold cases
 * (caseHoldingRoles), so the record is held by the team's manager, who keeps the overview of the
 * team's work (specialist-service-statement.txt 7.3.3).
 */
async function otChild(s: Services, by: RequestContext, holder: { head: RequestContext; teamId: string | undefined; managerId: string }, child: { given: string; family: string; gender: 'F' | 'M'; age: number; disabilities: string[] }, parent: { given: string; gender: 'F' | 'M' }, address: [string, string, string], today: string) {
  const dateOfBirth = addDays(today, -Math.round(child.age * 365.25) - 40);
  const home = { line1: address[0], line2: null, town: address[1], postcode: address[2], startDate: dateOfBirth };
  const result = await s.people.register(by, { kind: 'child', ...blank, givenNames: child.given, familyName: child.family, gender: child.gender, dateOfBirth, disabilities: child.disabilities, address: home });
  if (result.outcome !== 'registered') throw new Error(`Could not add ${child.given} ${child.family}`);
  const adult = await s.people.register(by, { kind: 'adult', ...blank, disabilities: [], givenNames: parent.given, familyName: child.family, gender: parent.gender, dateOfBirth: addDays(today, -Math.round((child.age + 29) * 365.25)), address: home });
  if (adult.outcome === 'registered') await s.people.recordRelationship(by, result.record.id, { relatedPersonId: adult.record.id, type: 'parent', parentalResponsibility: true, professionalRole: null, startDate: dateOfBirth });
  if (holder.teamId) await s.people.allocate(holder.head, result.record.id, { teamId: holder.teamId, workerId: holder.managerId });
  return result.record.id;
}

/**
 * The Disabled Children's Team's occupational therapy in the demonstration (issue 12;
 * practice-standards.txt, Section 1: Occupational Therapy 1-7), recorded by Megan Holt through the
 * service with the clock set back:
 * - Ethan Roberts (the team's child in need): referred by his paediatrician, Priority 1, assessed at
 *   home with both consent forms signed, a stair rail and bath lift agreed with him and his parents;
 *   his mother's query about the bath lift answered the next day;
 * - Leo Whitmore: a new referral from the school nurse 16 days ago, not yet prioritised (overdue);
 * - Isabelle Nash: Priority 2, her waiting list letter sent two weeks after prioritisation (late);
 * - Kai Thompson: Priority 1 at the top of the waiting list, his waiting list letter not sent (overdue);
 * - Harriet Cole: allocated to Megan two days ago, the initial assessment still to offer (due);
 * The new children are held by Sophie Turner, the team's manager (an occupational therapist does not hold cases);
 * - a query from Isabelle's mother in the duty inbox, received yesterday.
 */
export async function occupationalTherapyScenes(s: Services, as: (username: string) => RequestContext, teamIds: Record<string, string>, childrenOf: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At) {
  const ot = s.occupationalTherapy;
  const megan = as('megan.holt');
  const holder = { head: as('helen.okafor'), teamId: teamIds.dct, managerId: as('sophie.turner').actor.userId };
  const today = londonDate(at(0, 12));
  /** Records at `daysAgo` and `hour`, with the clock just after it. */
  const on = async (daysAgo: number, hour: number, record: (when: ReturnType<typeof whenAt>) => Promise<unknown>) => {
    setClock(at(daysAgo, hour + 1));
    await record(whenAt(at(daysAgo, hour)));
  };

  const ethan = childrenOf.get('Roberts')?.[0];
  if (ethan) {
    await on(75, 10, (w) => ot.referral(megan, ethan, { referrer: 'Dr K. Osei, community paediatrician', needs: 'Ethan cannot manage the stairs safely and his parents lift him in and out of the bath; he is getting too heavy.' }, w));
    await on(72, 14, (w) => ot.prioritise(megan, ethan, { priority: '1', reasons: 'Parents lifting a 9-year-old daily: risk of injury to them and to Ethan.' }, w));
    await on(70, 11, (w) => ot.letter(megan, ethan, { sentTo: 'Sarah and Gareth Roberts' }, w));
    await on(40, 9, (w) => ot.allocate(megan, ethan, { workerId: megan.actor.userId }, w));
    await on(38, 15, (w) => ot.offer(megan, ethan, { how: 'Telephone to Sarah Roberts', offerNotes: 'Home visit booked after school, so that Ethan is there.' }, w));
    await on(31, 16, (w) => ot.visit(megan, ethan, { workingHoursExplained: 'yes', contactDetailsGiven: 'yes', consentToShare: 'signed', photographConsent: 'signed' }, w));
    await on(30, 14, (w) => ot.assess(megan, ethan, { findings: 'Needs a second stair rail and a bath lift; a toilet frame would help. Ethan is anxious with new people: visits after school with his mother present.' }, w));
    await on(28, 10, (w) => ot.personSummary(megan, ethan, { added: 'Equipment needs (stair rail, bath lift, toilet frame); Ethan prefers visual timetables and short visits.' }, w));
    await on(20, 16, (w) => ot.intervention(megan, ethan, { intervention: 'Second stair rail and a bath lift, fitted by the council’s equipment service.', agreedWith: 'Ethan and his parents', communication: 'Spoken, with a picture sequence for Ethan', interpreter: 'no' }, w));
    await on(10, 9, (w) => ot.query(megan, ethan, { from: 'Sarah Roberts (mother)', channel: 'email', query: 'Has the bath lift been ordered? Ethan keeps asking when it is coming.' }, w));
    const queryId = (await ot.view(megan, ethan)).queries[0]?.queryId;
    if (queryId) await on(9, 11, (w) => ot.respond(megan, ethan, { queryId, response: 'Emailed Mrs Roberts: ordered, fitting booked for the 28th.' }, w));
  }

  setClock(at(17, 9));
  const leo = await otChild(s, megan, holder, { given: 'Leo', family: 'Whitmore', gender: 'M', age: 6, disabilities: ['MOB'] }, { given: 'Anna', gender: 'F' }, ['5 Larch Grove', 'Kingsford', 'WM5 2QR'], today);
  await on(16, 10, (w) => ot.referral(megan, leo, { referrer: 'Mrs J. Hart, school nurse, Kingsford Infants', needs: 'Leo has cerebral palsy and needs a supportive chair in class and at home.' }, w));

  setClock(at(34, 9));
  const isabelle = await otChild(s, megan, holder, { given: 'Isabelle', family: 'Nash', gender: 'F', age: 12, disabilities: ['HAND', 'MOB'] }, { given: 'Claire', gender: 'F' }, ['22 Fern Road', 'Wealdmoor', 'WM2 4TS'], today);
  await on(33, 9, (w) => ot.referral(megan, isabelle, { referrer: 'Physiotherapy, Wealdmoor Hospital', needs: 'Getting in and out of the shower after hip surgery.' }, w));
  await on(30, 15, (w) => ot.prioritise(megan, isabelle, { priority: '2', reasons: 'Managing with a shower seat borrowed from the hospital for now.' }, w));
  await on(16, 12, (w) => ot.letter(megan, isabelle, { sentTo: 'Claire Nash (mother)' }, w));

  setClock(at(21, 9));
  const kai = await otChild(s, megan, holder, { given: 'Kai', family: 'Thompson', gender: 'M', age: 4, disabilities: ['MOB', 'PC'] }, { given: 'Jade', gender: 'F' }, ['Flat 7, Beacon House', 'Ashbury', 'WM3 1JD'], today);
  await on(20, 11, (w) => ot.referral(megan, kai, { referrer: 'Health visitor, Ashbury clinic', needs: 'Kai is outgrowing his buggy and cannot sit unsupported for meals.' }, w));
  await on(17, 14, (w) => ot.prioritise(megan, kai, { priority: '1', reasons: 'No safe seating for meals: choking risk.' }, w));

  setClock(at(26, 9));
  const harriet = await otChild(s, megan, holder, { given: 'Harriet', family: 'Cole', gender: 'F', age: 15, disabilities: ['MOB'] }, { given: 'Dawn', gender: 'F' }, ['3 Quarry Lane', 'Thornleigh', 'WM7 8GH'], today);
  await on(25, 10, (w) => ot.referral(megan, harriet, { referrer: 'GP, Thornleigh surgery', needs: 'Access to the bathroom upstairs now that Harriet uses a wheelchair.' }, w));
  await on(22, 15, (w) => ot.prioritise(megan, harriet, { priority: '1', reasons: 'Cannot reach the bathroom: strip washing downstairs.' }, w));
  await on(21, 10, (w) => ot.letter(megan, harriet, { sentTo: 'Mark and Dawn Cole' }, w));
  await on(2, 9, (w) => ot.allocate(megan, harriet, { workerId: megan.actor.userId }, w));
  // Isabelle's mother asks the duty inbox how long the wait is: received yesterday.
  await on(1, 15, (w) => ot.query(megan, isabelle, { from: 'Claire Nash (mother)', channel: 'telephone', query: 'How long is the waiting list now? The borrowed shower seat has to go back to the hospital.' }, w));
}

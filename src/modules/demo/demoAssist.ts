import { addDays, londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { whenAt } from './demoWhen';

type At = (daysAgo: number, hour?: number) => Date;

const blank = {
  preferredName: null, expectedDateOfBirth: null, ethnicity: 'WBRI', firstLanguage: 'English', religion: null,
  nhsNumber: null, upn: null, uasc: false, immigrationStatus: null, organisation: null, professionalRole: null, phone: null, email: null, externalId: null, confirmNotDuplicate: true,
};

/** A fictional child known to ASSIST, with the parent who is working with the service; held by the ASSIST practitioner. */
async function assistChild(s: Services, by: RequestContext, holder: { head: RequestContext; teamId: string | undefined }, child: { given: string; family: string; gender: 'F' | 'M'; age: number; ethnicity: string }, parent: { given: string; gender: 'F' | 'M' }, address: [string, string, string], today: string) {
  const dateOfBirth = addDays(today, -Math.round(child.age * 365.25) - 75);
  const home = { line1: address[0], line2: null, town: address[1], postcode: address[2], startDate: dateOfBirth };
  const result = await s.people.register(by, { kind: 'child', ...blank, ethnicity: child.ethnicity, givenNames: child.given, familyName: child.family, gender: child.gender, dateOfBirth, disabilities: ['AUT'], address: home });
  if (result.outcome !== 'registered') throw new Error(`Could not add ${child.given} ${child.family}`);
  const adult = await s.people.register(by, { kind: 'adult', ...blank, ethnicity: child.ethnicity, givenNames: parent.given, familyName: child.family, gender: parent.gender, dateOfBirth: addDays(today, -Math.round((child.age + 31) * 365.25)), address: home });
  if (adult.outcome === 'registered') await s.people.recordRelationship(by, result.record.id, { relatedPersonId: adult.record.id, type: 'parent', parentalResponsibility: true, professionalRole: null, startDate: dateOfBirth });
  if (holder.teamId) await s.people.allocate(holder.head, result.record.id, { teamId: holder.teamId, workerId: by.actor.userId });
  return result.record.id;
}

const dateBoxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year as string };
};

/**
 * ASSIST in the demonstration (issue 12; practice-standards.txt, Section 1: ASSIST 1-4), recorded by
 * Rachel Kim through the service with the clock set back:
 * - Ethan Roberts's mother asked about the sleep workshop and was answered a week later (late); she
 *   asked about a drop in session yesterday; his parents have a place on the Cygnet parent programme
 *   (from his diagnosis), starting in 50 days, its information due in 8 days;
 * - Freya Lin: a MARF from her school's SENCo three days ago, awaiting the weekly Early Help Hub;
 * - Mohammed Iqbal: a MARF through the Hub and allocation, his family written to and on the waiting
 *   list; his parents have a place on the same Cygnet programme, its information sent.
 * The new children are held by Rachel Kim in the ASSIST team.
 */
export async function assistScenes(s: Services, as: (username: string) => RequestContext, teamIds: Record<string, string>, childrenOf: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At) {
  const a = s.assist;
  const rachel = as('rachel.kim');
  const holder = { head: as('helen.okafor'), teamId: teamIds.assist };
  const today = londonDate(at(0, 12));
  const on = async (daysAgo: number, hour: number, record: (when: ReturnType<typeof whenAt>) => Promise<unknown>) => {
    setClock(at(daysAgo, hour + 1));
    await record(whenAt(at(daysAgo, hour)));
  };
  // The Cygnet programme, 50 days from now: its information goes 6 weeks before, 8 days from now.
  const cygnet = { programme: 'Cygnet (parents of children with autism)', ...dateBoxes('programmeStartsOn', addDays(today, 50)) };

  const ethan = childrenOf.get('Roberts')?.[0];
  if (ethan) {
    await on(13, 15, (w) => a.enquiry(rachel, ethan, { from: 'Sarah Roberts (mother)', channel: 'telephone', topic: 'workshop', question: 'When is the next sleep workshop, and can Ethan’s dad come too?' }, w));
    const enquiryId = (await a.view(rachel, ethan)).enquiries[0]?.enquiryId;
    if (enquiryId) await on(6, 10, (w) => a.respond(rachel, ethan, { enquiryId, response: 'Phoned back with the dates of the sleep workshop; both parents booked.' }, w));
    await on(10, 11, (w) => a.programme(rachel, ethan, { route: 'diagnosis', ...cygnet }, w));
    await on(1, 14, (w) => a.enquiry(rachel, ethan, { from: 'Sarah Roberts (mother)', channel: 'email', topic: 'drop_in', question: 'Is there a drop in session during half term?' }, w));
  }

  setClock(at(4, 9));
  const freya = await assistChild(s, rachel, holder, { given: 'Freya', family: 'Lin', gender: 'F', age: 10, ethnicity: 'CHNE' }, { given: 'Mei', gender: 'F' }, ['31 Orchard Way', 'Thornleigh', 'WM7 2LD'], today);
  await on(3, 11, (w) => a.marf(rachel, freya, { referrer: 'Mrs P. Moss, SENCo, Thornleigh Primary', support: 'school', reason: 'Freya is refusing to go into class after lunch and hides in the toilets; staff would like strategies for transitions.' }, w));

  setClock(at(41, 9));
  const mohammed = await assistChild(s, rachel, holder, { given: 'Mohammed', family: 'Iqbal', gender: 'M', age: 5, ethnicity: 'APKN' }, { given: 'Ayesha', gender: 'F' }, ['48 Station Road', 'Kingsford', 'WM5 1AF'], today);
  await on(40, 10, (w) => a.marf(rachel, mohammed, { referrer: 'Health visitor, Kingsford clinic', support: 'family', reason: 'Newly diagnosed; parents struggling with meal times and bed times.' }, w));
  await on(36, 14, (w) => a.hub(rachel, mohammed, { decision: 'allocate_to_assist', hubSummary: 'Focused family support from ASSIST; parents also to be offered the Cygnet programme.' }, w));
  await on(35, 11, (w) => a.allocate(rachel, mohammed, w));
  await on(34, 15, (w) => a.letter(rachel, mohammed, { outcome: 'waiting_list' }, w));
  await on(30, 12, (w) => a.programme(rachel, mohammed, { route: 'diagnosis', ...cygnet }, w));
  const request = (await a.view(rachel, mohammed)).programmes[0]?.requestId;
  if (request) await on(2, 10, (w) => a.information(rachel, mohammed, { requestId: request }, w));
}

import { addDays, addMonths, londonDate, londonStartOfDay } from '../../domain/calendar/localDate';
import { cliContext } from '../../cli/cliContext';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import type { Services } from '../../services';
import { keepUp } from './demoUpkeep';
import { whenAt } from './demoWhen';

type At = (daysAgo: number, hour?: number) => Date;
const hourMs = 3_600_000;

const blank = {
  preferredName: null, expectedDateOfBirth: null, firstLanguage: 'English', religion: null, nhsNumber: null, upn: null, uasc: false,
  immigrationStatus: null, organisation: null, professionalRole: null, phone: null, email: null, externalId: null, confirmNotDuplicate: true,
};

/** An instant on a London date, at an hour of the London day. */
export const onDay = (date: string, hour: number) => new Date(londonStartOfDay(date).getTime() + hour * hourMs);

/** A date's boxes, as the forms send them. */
export function dateBoxes(name: string, date: string) {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year as string };
}

/**
 * A child of the Disabled Children's Team for the demonstration: registered with a parent when first
 * known to the team, allocated to Chloe Evans by Sophie Turner, with an assessment and a child in need
 * plan from then (unless `open` is false). A worker's allocation that the workforce check says is over her limit is given the
 * manager's reason.
 */
export async function dctChild(
  s: Services,
  as: (username: string) => RequestContext,
  teamId: string,
  setClock: (at: Date) => void,
  child: { given: string; family: string; sex: 'F' | 'M'; dateOfBirth: string; knownOn: string; disabilities: string[]; address: [string, string, string]; parent?: { given: string; sex: 'F' | 'M'; age: number }; ethnicity?: string; open?: boolean },
): Promise<string> {
  const chloe = as('chloe.evans');
  const sophie = as('sophie.turner');
  setClock(onDay(child.knownOn, 9));
  const address = { line1: child.address[0], line2: null, town: child.address[1], postcode: child.address[2], startDate: child.dateOfBirth };
  const registered = await s.people.register(chloe, { kind: 'child', ...blank, givenNames: child.given, familyName: child.family, gender: child.sex, dateOfBirth: child.dateOfBirth, ethnicity: child.ethnicity ?? 'WBRI', disabilities: child.disabilities, address });
  if (registered.outcome !== 'registered') throw new Error(`Could not add ${child.given} ${child.family}`);
  const id = registered.record.id;
  if (child.parent) {
    const parent = await s.people.register(chloe, { kind: 'adult', ...blank, givenNames: child.parent.given, familyName: child.family, gender: child.parent.sex, dateOfBirth: addMonths(child.knownOn, -12 * child.parent.age), ethnicity: child.ethnicity ?? 'WBRI', disabilities: [], address });
    if (parent.outcome !== 'registered') throw new Error(`Could not add ${child.parent.given} ${child.family}`);
    await s.people.recordRelationship(chloe, id, { relatedPersonId: parent.record.id, type: 'parent', parentalResponsibility: true, professionalRole: null, startDate: child.dateOfBirth });
  }
  try {
    await s.people.allocate(sophie, id, { teamId, workerId: chloe.actor.userId });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    await s.people.allocate(sophie, id, { teamId, workerId: chloe.actor.userId, overLimitReason: 'Chloe holds the transitions cases of the Disabled Children’s Team while the team recruits.' });
  }
  // A child of another authority met only through the hospital duty service has no case here (`open: false`).
  if (child.open === false) return id;
  const history = [
    { type: 'assessment.allocated', at: onDay(child.knownOn, 10), data: {} },
    { type: 'assessment.completed', at: onDay(addDays(child.knownOn, 30), 15), data: { primaryNeed: 'disability', factors: ['learning_disability_child'] } },
    { type: 'cin.plan_started', at: onDay(addDays(child.knownOn, 35), 11), data: {} },
  ];
  await s.people.importEvents(cliContext(), history.map((e) => ({ personId: id, type: e.type, occurredAt: e.at, data: e.data, recordedBy: chloe.actor })));
  return id;
}

/**
 * The Disabled Children's Team's transitions in the demonstration (issue 12; practice-standards.txt,
 * Section 1: Children with Disabilities 16 and note 2, 20-26), recorded by Chloe Evans through the
 * service with the clock set back:
 * - Megan Roberts, 15, Ethan's sister: notified at 14, discussed at the tracking meeting, the
 *   Transitions Team at her EHCP review; 190 nights a year at a jointly funded residential school,
 *   so in the 75-nights-away cohort and seen every 4 weeks;
 * - Amelia Hart, 14: known to the team since she was 12, no decision and no notification: overdue
 *   since her 14th birthday two months ago (her annual assessment is overdue too);
 * - Noah Ashdown, 17: notified at 14, his Child and Family Assessment triggered at 17, but no referral
 *   to the Transitions Team for the Self-Directed Assessment: overdue since his birthday;
 * - Jade Fairclough, 17: every step on time, the SDA completed and the Forum's decision (joint funding);
 * - last month's tracking meeting (none yet this month, which the list flags).
 * Returns the children's ids by given name, for the hospital duty scene.
 */
export async function transitionsScenes(s: Services, as: (username: string) => RequestContext, teamIds: Record<string, string>, childrenOf: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At): Promise<Record<string, string>> {
  const today = londonDate(at(0, 12));
  const chloe = as('chloe.evans');
  const sophie = as('sophie.turner');
  const dct = teamIds.dct as string;
  const t = s.transitions;
  /** A step on its date: the clock set an hour after it, as if recorded then. */
  const step = async <T>(date: string, hour: number, record: (when: ReturnType<typeof whenAt>) => Promise<T>) => {
    const instant = onDay(date, hour);
    setClock(new Date(instant.getTime() + hourMs));
    return record(whenAt(instant));
  };
  const born = (years: number, months: number, days: number) => addDays(addMonths(today, -(12 * years + months)), -days);
  const birthday = (dob: string, age: number) => addMonths(dob, 12 * age);
  const meeting = async (date: string, attendees: string, notes: Record<string, string>) => {
    setClock(onDay(date, 16));
    await s.transitionsList.recordMeeting(sophie, { ...dateBoxes('meetingOn', date), meetingTime: '14:00', attendees, children: Object.keys(notes), ...Object.fromEntries(Object.entries(notes).map(([id, note]) => [`note-${id}`, note])) });
  };

  // Jade Fairclough: known from 10, every step on time.
  const jadeBorn = born(17, 8, 12);
  const jade = await dctChild(s, as, dct, setClock, { given: 'Jade', family: 'Fairclough', sex: 'F', dateOfBirth: jadeBorn, knownOn: addMonths(jadeBorn, 120), disabilities: ['LD', 'COMM', 'PC'], address: ['7 Foundry Lane', 'Ashbury', 'WM3 2LP'], parent: { given: 'Karen', sex: 'F', age: 44 } });
  const jade14 = birthday(jadeBorn, 14);
  await step(addMonths(jade14, -6), 11, (w) => t.likely(chloe, jade, { reason: 'Severe learning disability; will need support to live as independently as she can.' }, w));
  await step(addDays(jade14, -5), 10, (w) => t.notified(chloe, jade, { note: 'Transitions Team duty inbox, with her latest plan' }, w));
  await meeting(addDays(jade14, 20), 'Sophie Turner, Chloe Evans, Transitions Team', { [jade]: 'Notification shared; Transitions Team to attend her Year 10 EHCP review.' });
  for (const year of [14, 15, 16, 17]) await step(addMonths(birthday(jadeBorn, year), 3), 13, (w) => t.ehcpReview(chloe, jade, { note: `Year ${year - 4} annual review at Thornleigh Special School` }, w));
  const jade17 = birthday(jadeBorn, 17);
  await step(addDays(jade17, -3), 10, (w) => t.assessment(chloe, jade, { route: 'child_and_family', note: 'Needs after 18: supported living and day opportunities' }, w));
  await step(addDays(jade17, -1), 15, (w) => t.referral(chloe, jade, { note: 'Referral for the Self-Directed Assessment' }, w));
  await step(addMonths(jade17, 4), 12, (w) => t.sda(chloe, jade, { note: 'Completed by the Transitions Team with Jade and her mother' }, w));
  await step(addMonths(jade17, 6), 14, (w) => t.forum(chloe, jade, { responsibility: 'joint', summary: 'Supported living placement from her 18th birthday, funded jointly by adult social care and health; day service three days a week.' }, w));

  // Megan Roberts, Ethan's sister: known from 11; in the 75-nights-away cohort.
  const meganBorn = born(15, 4, 9);
  const megan = await dctChild(s, as, dct, setClock, { given: 'Megan', family: 'Roberts', sex: 'F', dateOfBirth: meganBorn, knownOn: addMonths(meganBorn, 132), disabilities: ['AUT', 'LD', 'BEH'], address: ['11 Meadow View', 'Thornleigh', 'WM7 3AB'] });
  const ethan = childrenOf.get('Roberts')?.[0];
  if (ethan) {
    const ethanRecord = await s.people.find(ethan);
    if (ethanRecord) {
      for (const r of await s.people.currentRelationships(chloe, ethanRecord)) {
        if (r.type === 'parent') await s.people.recordRelationship(chloe, megan, { relatedPersonId: r.person.id, type: 'parent', parentalResponsibility: r.parentalResponsibility, professionalRole: null, startDate: meganBorn });
      }
      await s.people.recordRelationship(chloe, megan, { relatedPersonId: ethan, type: 'sibling', parentalResponsibility: false, professionalRole: null, startDate: ethanRecord.details.dateOfBirth ?? meganBorn });
    }
  }
  const megan14 = birthday(meganBorn, 14);
  await step(addMonths(megan14, -5), 11, (w) => t.likely(chloe, megan, { reason: 'Autism and a learning disability; residential school placement jointly funded with education and health.' }, w));
  await step(addDays(megan14, -2), 10, (w) => t.notified(chloe, megan, { note: 'Transitions Team duty inbox' }, w));
  await meeting(addDays(megan14, 15), 'Sophie Turner, Chloe Evans, Transitions Team', { [megan]: 'Notification shared; the residential school to invite the Transitions Team to her EHCP review.' });
  await step(addMonths(megan14, 6), 13, (w) => t.ehcpReview(chloe, megan, { note: 'Annual review at Oakfield House School' }, w));
  await step(addDays(today, -240), 11, (w) => t.nightsAwayJoined(chloe, megan, { basis: 'residential_school', nights: '190', note: 'Weekly boarder at Oakfield House School, jointly funded; home at weekends and in the holidays' }, w));

  // Noah Ashdown: known from 13, notified at 14, assessment at 17, but no referral for the SDA.
  const noahBorn = born(17, 3, 5);
  const noah = await dctChild(s, as, dct, setClock, { given: 'Noah', family: 'Ashdown', sex: 'M', dateOfBirth: noahBorn, knownOn: addMonths(noahBorn, 156), disabilities: ['MOB', 'HAND', 'PC', 'COMM'], address: ['22 Kestrel Close', 'Kingsford', 'WM5 7HT'], parent: { given: 'Paul', sex: 'M', age: 48 }, ethnicity: 'WIRI' });
  const noah14 = birthday(noahBorn, 14);
  await step(addMonths(noah14, -4), 11, (w) => t.likely(chloe, noah, { reason: 'Cerebral palsy: will need personal care and equipment as an adult.' }, w));
  await step(noah14, 10, (w) => t.notified(chloe, noah, { note: 'Transitions Team duty inbox' }, w));
  await meeting(addDays(noah14, 20), 'Sophie Turner, Chloe Evans, Transitions Team', { [noah]: 'Notification shared.' });
  await step(addDays(birthday(noahBorn, 17), -10), 10, (w) => t.assessment(chloe, noah, { route: 'child_and_family', note: 'Needs after 18, with his father' }, w));

  // Amelia Hart: known from 12; nothing decided and no notification at 14.
  const ameliaBorn = born(14, 2, 3);
  const amelia = await dctChild(s, as, dct, setClock, { given: 'Amelia', family: 'Hart', sex: 'F', dateOfBirth: ameliaBorn, knownOn: addMonths(ameliaBorn, 144), disabilities: ['CON', 'LD'], address: ['3 Orchard Row', 'Wealdmoor', 'WM2 4RS'], parent: { given: 'Leanne', sex: 'F', age: 37 } });

  // Last month's tracking meeting; none yet this month.
  const lastMonth = addDays(today, -(Number(today.slice(8, 10)) + 9));
  await meeting(lastMonth, 'Sophie Turner, Chloe Evans, Transitions Team (Gemma Rowe)', {
    [jade]: 'Forum agreed joint funding: transfer plan for her 18th birthday.',
    [megan]: 'Doing well at Oakfield House; EHCP review next term.',
    [noah]: 'Assessment under way: referral for the SDA to follow.',
    [amelia]: 'Epilepsy worse this term: decision on adult services and the notification still to do.',
  });

  // The caseload kept up, except what the late ones show: Amelia's from her 14th birthday, Noah's from his 17th.
  await keepUp(s, [jade, megan].map((personId) => ({ personId, recordedBy: chloe.actor })), at(0, 12));
  await keepUp(s, [{ personId: amelia, recordedBy: chloe.actor }], onDay(addDays(birthday(ameliaBorn, 14), -1), 12));
  await keepUp(s, [{ personId: noah, recordedBy: chloe.actor }], onDay(addDays(birthday(noahBorn, 17), -1), 12));
  return { jade, megan, noah, amelia };
}

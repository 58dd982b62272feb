import { addMonths, londonDate, londonStartOfDay } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { whenAt } from './demoWhen';
import { dateBoxes, dctChild } from './demoTransitions';

type At = (daysAgo: number, hour?: number) => Date;
const hourMs = 3_600_000;

/** A referral form's fields: when it came in, and what the hospital said. */
function referralForm(received: Date, fields: { ward: string; admitted: boolean; homeAuthority: string; reason: string; referrer: string }) {
  const w = whenAt(received);
  return { ...dateBoxes('receivedOn', w.occurredOn as string), receivedTime: w.occurredTime, ...fields, admitted: fields.admitted ? 'yes' : 'no' };
}

/**
 * The hospital duty service in the demonstration (issue 12; specialist-service-statement.txt 7.3.3),
 * recorded by Chloe Evans on the rota, through the service with the clock set back:
 * - Ethan Roberts admitted this morning to the children's ward, visited there today, and the
 *   referral taken on by the team;
 * - Amelia Hart admitted yesterday afternoon after a prolonged seizure: no ward visit that day (late);
 * - Lucas Pryce, a Somerset child, seen in the emergency department three days ago: passed on that
 *   morning, and Somerset took case responsibility the next morning, within 24 hours;
 * - Maisie Tranter, a Wiltshire child admitted two days ago: visited on the ward and passed on the same
 *   afternoon, but Wiltshire has not confirmed it has taken case responsibility: overdue.
 * Children of other authorities are held by Chloe until the hand-over (every child on Hearth has a worker).
 */
export async function hospitalDutyScenes(s: Services, as: (username: string) => RequestContext, teamIds: Record<string, string>, children: { ethan?: string; amelia?: string }, setClock: (at: Date) => void, at: At, now: Date) {
  const chloe = as('chloe.evans');
  const today = londonDate(now);
  const h = s.hospitalDuty;
  const record = async (personId: string | null, received: Date, fields: Parameters<typeof referralForm>[1], extra: Record<string, unknown> = {}) => {
    setClock(new Date(received.getTime() + 5 * 60_000));
    const result = await h.record(chloe, { ...(personId ? { personId } : {}), ...referralForm(received, fields), ...extra });
    if (result.outcome !== 'recorded') throw new Error('The hospital referral was not recorded');
    return result;
  };
  const after = (instant: Date) => {
    setClock(new Date(Math.min(instant.getTime() + 5 * 60_000, now.getTime())));
    return whenAt(instant);
  };

  // Today: between midnight and now, so that it is today whenever the demonstration is started.
  const midnight = londonStartOfDay(today).getTime();
  const admittedToday = new Date(midnight + Math.floor((now.getTime() - midnight) * 0.3));
  const visitedToday = new Date(midnight + Math.floor((now.getTime() - midnight) * 0.7));
  if (children.ethan) {
    const ethan = await record(children.ethan, admittedToday, { ward: 'Children’s Ward (Puffin Ward)', admitted: true, homeAuthority: 'this_authority', reason: 'Admitted after a fall during a meltdown: a suspected fractured wrist. Parents at the bedside, exhausted.', referrer: 'Sister K. Dunn, Puffin Ward' });
    await h.wardVisit(chloe, children.ethan, ethan.referralId, { note: 'Saw Ethan with his mother. Wrist set; home tomorrow. Short breaks to be brought forward.' }, after(visitedToday));
    await h.takeOn(chloe, children.ethan, ethan.referralId, { route: 'disabled_childrens_team', note: 'Ethan is held by the team: back to his plan, with a review of his short breaks.' }, after(visitedToday));
  }
  if (children.amelia) {
    await record(children.amelia, at(1, 14), { ward: 'Children’s High Dependency Unit', admitted: true, homeAuthority: 'this_authority', reason: 'Admitted after a prolonged seizure at school; her mother is asking for more help at home.', referrer: 'Dr S. Mensah, paediatric registrar' });
  }

  // Lucas Pryce, of Somerset: passed on the same morning, accepted the next day within 24 hours.
  const lucasBorn = addMonths(today, -(11 * 12 + 5));
  const lucas = await dctChild(s, as, teamIds.dct as string, setClock, { given: 'Lucas', family: 'Pryce', sex: 'M', dateOfBirth: lucasBorn, knownOn: londonDate(at(3)), disabilities: ['AUT'], address: ['5 Quarry Road', 'Frome', 'BA11 1AA'], parent: { given: 'Rhian', sex: 'F', age: 36 }, open: false });
  const lucasReferral = await record(lucas, at(3, 9), { ward: 'Children’s Emergency Department', admitted: false, homeAuthority: 'somerset', reason: 'Brought in by his mother after running from home; autistic, not known to services where he lives. Mother asking for help.', referrer: 'Charge Nurse T. Bell' });
  await h.passOn(chloe, lucas, lucasReferral.referralId, { contact: 'A. Hughes, Somerset Children’s Services duty desk', note: 'Emailed the referral and telephoned' }, after(new Date(at(3, 9).getTime() + 40 * 60_000)));
  await h.handover(chloe, lucas, lucasReferral.referralId, { acceptedBy: 'A. Hughes, Somerset duty desk', note: 'Somerset have opened a contact and will call the mother today' }, after(at(2, 8)));

  // Maisie Tranter, of Wiltshire: admitted, visited and passed on the same afternoon; no hand-over yet.
  const maisieBorn = addMonths(today, -(7 * 12 + 2));
  const maisie = await dctChild(s, as, teamIds.dct as string, setClock, { given: 'Maisie', family: 'Tranter', sex: 'F', dateOfBirth: maisieBorn, knownOn: londonDate(at(2)), disabilities: ['MOB', 'PC', 'COMM'], address: ['19 Canal Walk', 'Trowbridge', 'BA14 8AA'], parent: { given: 'Dean', sex: 'M', age: 34 }, open: false });
  const maisieReferral = await record(maisie, at(2, 13), { ward: 'Children’s Ward (Puffin Ward)', admitted: true, homeAuthority: 'wiltshire', reason: 'Admitted with a chest infection; her father, her only carer, was admitted to the adult ward the same day.', referrer: 'Sister K. Dunn, Puffin Ward' });
  await h.passOn(chloe, maisie, maisieReferral.referralId, { contact: 'Wiltshire Integrated Front Door, duty social worker', note: 'Referral emailed; asked them to confirm today' }, after(new Date(at(2, 13).getTime() + hourMs)));
  await h.wardVisit(chloe, maisie, maisieReferral.referralId, { note: 'Saw Maisie on the ward with a nurse; her aunt is coming from Trowbridge tonight.' }, after(new Date(at(2, 13).getTime() + 2 * hourMs)));
  setClock(now);
}

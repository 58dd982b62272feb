import { addDays, ageOn, londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { whenAt } from './demoWhen';

/** A form's date boxes and time for an instant, named as the youth justice page names them (`referralOn-day`…). */
function when(key: string, at: Date) {
  const w = whenAt(at);
  const [year, month, day] = (w.occurredOn as string).split('-');
  return { [`${key}On-day`]: day, [`${key}On-month`]: month, [`${key}On-year`]: year, [`${key}Time`]: w.occurredTime };
}
function dateBoxes(name: string, date: string) {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
}

/**
 * The Youth Offending Service's caseload in the demonstration (practice-standards.txt, Section 1:
 * Youth Offending Service 1-22; issue 12), recorded by Ellie Ford (case manager) through the
 * services with the clock set back, Kwame Asante allocating. The children are the demonstration's
 * own, each still held by their social worker (who sees their youth justice records; others do not):
 * - Chidi Okonkwo (14, a child in need): arrested, an out-of-court referral, a youth caution 14
 *   weeks ago: the 16 weeks are nearly up;
 * - Emre Yilmaz (13, early help): a referral order, assessed, its plan overdue (20 working days);
 * - Mason Walker (16, in care): a youth rehabilitation order, plan reviewed once, the next review
 *   overdue; a re-offence; a caution elsewhere before, so not a first-time entrant;
 * - Amani Mwangi (17, in care): a Detention and Training Order, contact and sentence planning done,
 *   resettlement started, accommodation found but no education, training or employment yet, release
 *   in about 6 weeks (and if she turns 18 first, the transfer to probation due a month before);
 * - Shannon Doherty (14, in care): a first-time entrant (a youth conditional caution), the work
 *   completed and closed, then a re-offence, for the re-offending figure.
 * A child missing from the demonstration (a test's smaller one) is left out. Returns the children's ids.
 */
export async function youthJusticeScenes(
  s: Services,
  staff: { caseManager: RequestContext; manager: RequestContext },
  childrenOf: ReadonlyMap<string, readonly string[]>,
  setClock: (at: Date) => void,
  at: (daysAgo: number, hour?: number) => Date,
): Promise<string[]> {
  const yj = s.youthJustice;
  const ellie = staff.caseManager;
  const today = londonDate(at(0, 12));
  /** Each step recorded an hour after it happened, with the clock set to then. */
  const rec = async (daysAgo: number, hour: number, step: (w: (key: string) => Record<string, string | undefined>) => Promise<unknown>) => {
    setClock(at(daysAgo, hour + 1));
    await step((key) => when(key, at(daysAgo, hour)));
  };
  const open = async (id: string, daysAgo: number, route: 'out_of_court' | 'court', source: string, offence: string, previousDisposal = 'no') => {
    await rec(daysAgo, 9, (w) => yj.referral(ellie, id, { source, route, offence, previousDisposal, ...w('referral') }));
    await rec(daysAgo, 11, (w) => yj.allocate(staff.manager, id, { caseManagerId: ellie.actor.userId, ...w('allocation') }));
  };
  /** A child of the demonstration by family and given name, of an age the service works with on the day it starts. */
  const child = async (family: string, given: string, fromDaysAgo: number) => {
    for (const id of childrenOf.get(family) ?? []) {
      const record = await s.people.find(id);
      const dob = record?.details.dateOfBirth;
      if (record?.details.givenNames === given && dob && ageOn(dob, addDays(today, -fromDaysAgo)) >= 10 && ageOn(dob, today) < 18) return id;
    }
    return undefined;
  };

  const ids: string[] = [];

  // Chidi Okonkwo: a child in need, arrested for criminal damage; out of court, a youth caution 14 weeks ago.
  const chidi = await child('Okonkwo', 'Chidi', 106);
  if (chidi) {
    await rec(106, 20, (w) => yj.arrest(ellie, chidi, { arrestedFor: 'Criminal damage to a bus shelter with friends, after a night missing from home', ...w('arrest') }));
    await open(chidi, 104, 'out_of_court', 'police', 'Criminal damage to a bus shelter');
    await rec(100, 14, (w) => yj.assessment(ellie, chidi, { summary: 'Peer influence when missing overnight; low risk of serious harm; his mother and social worker engaged.', ...w('assessment') }));
    await rec(98, 15, (w) => yj.disposal(ellie, chidi, { disposal: 'youth_caution', ...w('disposal') }));
    await rec(97, 15, (w) => yj.plan(ellie, chidi, { summary: 'Reparation with the bus company; a mentor through the Youth Service; joint work with his social worker on going missing.', ...w('plan') }));
    await rec(40, 16, (w) => yj.review(ellie, chidi, { summary: 'Reparation finished; mentoring continues.', ...w('review') }));
    ids.push(chidi);
  }

  // Emre Yilmaz: a referral order at the youth court; assessed, but the plan is overdue.
  const emre = await child('Yilmaz', 'Emre', 47);
  if (emre) {
    await open(emre, 47, 'court', 'court', 'Theft of a bicycle');
    await rec(45, 10, (w) => yj.report(ellie, emre, { reportCourt: 'youth_court', proposal: 'A referral order of 6 months: reparation and a victim awareness programme; his school and his mother support it.', ...w('report') }));
    await rec(43, 12, (w) => yj.sentence(ellie, emre, { order: 'referral_order', court: 'youth_court', ...w('sentence') }));
    await rec(40, 15, (w) => yj.assessment(ellie, emre, { summary: 'Low risk; struggles at school; first time before the court.', ...w('assessment') }));
    ids.push(emre);
  }

  // Mason Walker: a youth rehabilitation order, reviewed once; the next review is overdue; a re-offence.
  const mason = await child('Walker', 'Mason', 225);
  if (mason) {
    await open(mason, 225, 'court', 'court', 'Assault occasioning actual bodily harm', 'yes');
    await rec(218, 12, (w) => yj.sentence(ellie, mason, { order: 'youth_rehabilitation_order', court: 'youth_court', ...w('sentence') }));
    await rec(214, 15, (w) => yj.assessment(ellie, mason, { summary: 'Medium risk; anger in conflict with peers; supervision and an attendance centre requirement.', ...w('assessment') }));
    await rec(210, 15, (w) => yj.plan(ellie, mason, { summary: 'Weekly supervision; anger management; attendance centre.', ...w('plan') }));
    await rec(125, 11, (w) => yj.review(ellie, mason, { summary: 'Attending well; one missed appointment.', ...w('review') }));
    await rec(60, 22, (w) => yj.reoffence(ellie, mason, { furtherOffence: 'Possession of a bladed article', ...w('reoffence') }));
    ids.push(mason);
  }

  // Amani Mwangi: a Detention and Training Order; released in about 6 weeks.
  const amani = await child('Mwangi', 'Amani', 76);
  if (amani) {
    await open(amani, 76, 'court', 'court', 'Robbery');
    await rec(74, 10, (w) => yj.report(ellie, amani, { reportCourt: 'crown_court', proposal: 'An intensive youth rehabilitation order with supervision and a curfew, as an alternative to custody.', ...w('report') }));
    await rec(71, 12, (w) => yj.sentence(ellie, amani, { order: 'detention_and_training_order', court: 'crown_court', ...dateBoxes('expectedReleaseOn', addDays(today, 42)), ...w('sentence') }));
    await rec(68, 14, (w) => yj.contact(ellie, amani, { summary: 'Visited at the secure training centre; settling.', ...w('contact') }));
    await rec(66, 15, (w) => yj.assessment(ellie, amani, w('assessment')));
    await rec(62, 10, (w) => yj.sentencePlanning(ellie, amani, { summary: 'Education in custody; victim awareness; a return to her foster carers considered.', ...w('sentencePlanning') }));
    await rec(62, 11, (w) => yj.resettlement(ellie, amani, w('resettlement')));
    await rec(5, 15, (w) => yj.inPlace(ellie, amani, 'accommodation', { accommodation: 'Back to her foster carers: agreed with her social worker and the carers', ...w('accommodation') }));
    ids.push(amani);
  }

  // Shannon Doherty: a youth conditional caution (her first), the work done and closed; then a re-offence.
  const shannon = await child('Doherty', 'Shannon', 300);
  if (shannon) {
    await open(shannon, 300, 'out_of_court', 'police', 'Shoplifting from a department store');
    await rec(296, 15, (w) => yj.assessment(ellie, shannon, w('assessment')));
    await rec(292, 11, (w) => yj.disposal(ellie, shannon, { disposal: 'youth_conditional_caution', ...w('disposal') }));
    await rec(290, 15, (w) => yj.plan(ellie, shannon, { summary: 'Conditions: a letter of apology and four sessions on consequences.', ...w('plan') }));
    await rec(200, 12, (w) => yj.end(ellie, shannon, { reason: 'completed', summary: 'Conditions met.', ...w('ended') }));
    await rec(199, 12, (w) => yj.close(ellie, shannon, w('closed')));
    await rec(150, 17, (w) => yj.reoffence(ellie, shannon, { furtherOffence: 'Shoplifting', ...w('reoffence') }));
    ids.push(shannon);
  }

  return ids;
}

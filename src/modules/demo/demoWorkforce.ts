import { addDays, londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { whenAt } from './demoWhen';

type At = (daysAgo: number, hour?: number) => Date;

/** A form's date boxes and time for an instant (`meetingOn-day`…, `meetingTime`). */
function when(name: string, instant: Date) {
  const w = whenAt(instant);
  const [year, month, day] = (w.occurredOn as string).split('-');
  return { [`${name}On-day`]: day, [`${name}On-month`]: month, [`${name}On-year`]: year, [`${name}Time`]: w.occurredTime };
}

/**
 * Caseloads, allocation and transfers in the demonstration (issue 12; specialist-service-statement.txt
 * 5.2-5.3, 7.1.3; practice-standards.txt, Section 2: Child in Need Plans and Reviews 9), recorded
 * through the services with the clock set back, so that the Workforce pages show:
 * - profiles for the case-holding staff: James Ellis newly qualified (induction ended, the assessed
 *   and supported year running, a protected caseload), Hannah Scott part time since flexible working
 *   was agreed (a second version of her profile, with the reason), Sam Patel's caseload held at 10
 *   to 16 while he is on the duty rota (7.1.3), Jess Morgan's capped at 16 while she is a practice
 *   educator, Chloe Evans at four days a week, the Family Placement Team's caps on carers and assessments;
 * - complexity weights on the harder cases (a sibling group where two workers visit together, a
 *   refuge, a child who goes missing, a pre-birth assessment);
 * - Jess Morgan over her limit: the Mahmood children, held by their team manager while the team was
 *   short, allocated to her with Grace Mensah's recorded reason;
 * - the Ali children passed from their assistant team manager to James Ellis, within his protected caseload;
 * - the Wilson children transferred from the duty team to the Specialist Children, Young People and
 *   Families Team, the transfer review held and chaired by that team's manager (Marcus Bell);
 * - the Okonkwo children transferred to the Child Protection and Court Service three days ago, the
 *   transfer review still to be held, by Grace Mensah.
 */
export async function workforceScenes(s: Services, as: (username: string) => RequestContext, childrenOf: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At) {
  const today = londonDate(at(0, 12));
  const idOf = (username: string) => as(username).actor.userId;
  const kids = (surname: string) => childrenOf.get(surname) ?? [];

  async function profile(manager: string, worker: string, daysAgo: number, data: Record<string, unknown>, reason?: string) {
    setClock(at(daysAgo, 11));
    await s.workforce.recordProfile(as(manager), idOf(worker), { fte: '1', ...data, ...(reason ? { reason } : {}) });
  }

  // Profiles, each recorded by a manager who oversees the worker, on the day it took effect.
  await profile('marcus.bell', 'sam.patel', 420, { practitioner: 'qualified_social_worker', lineManagerId: idOf('tom.reilly') });
  await profile('marcus.bell', 'sam.patel', 40, { practitioner: 'qualified_social_worker', caseloadMinimum: '10', caseloadMaximum: '16', lineManagerId: idOf('tom.reilly') },
    'On the duty rota three days a week: caseload held at 10 to 16 so the duty team keeps room for new referrals (7.1.3).');
  // James started five months ago: an induction of about nine weeks (weekly supervision, demoSupervision.ts), then
  // fortnightly through the rest of his assessed and supported year, which ends a year after he started.
  await profile('marcus.bell', 'james.ellis', 150, { practitioner: 'newly_qualified_social_worker', inductionEndsOn: addDays(today, -88), asyeEndsOn: addDays(today, 215), lineManagerId: idOf('tom.reilly') });
  await profile('marcus.bell', 'hannah.scott', 700, { practitioner: 'qualified_social_worker', lineManagerId: idOf('marcus.bell') });
  await profile('marcus.bell', 'hannah.scott', 150, { practitioner: 'qualified_social_worker', fte: '0.5', lineManagerId: idOf('marcus.bell') },
    'Flexible working agreed: Monday, Tuesday and Wednesday mornings.');
  await profile('grace.mensah', 'jess.morgan', 500, { practitioner: 'qualified_social_worker', lineManagerId: idOf('grace.mensah') });
  await profile('grace.mensah', 'jess.morgan', 200, { practitioner: 'qualified_social_worker', caseloadMaximum: '16', lineManagerId: idOf('grace.mensah') },
    'Practice educator for a final-year social work student until the summer: caseload capped at 16.');
  await profile('sophie.turner', 'chloe.evans', 300, { practitioner: 'qualified_social_worker', fte: '0.8', lineManagerId: idOf('sophie.turner') });
  await profile('aisha.rahman', 'daniel.hughes', 600, { practitioner: 'qualified_social_worker', lineManagerId: idOf('aisha.rahman') });
  await profile('aisha.rahman', 'liam.oconnor', 600, { practitioner: 'personal_adviser', caseloadMaximum: '20', lineManagerId: idOf('aisha.rahman') });
  // The Family Placement Team sets its own numbers of carers and assessments per worker (5.2).
  await profile('owen.parry', 'rebecca.lewis', 400, { practitioner: 'qualified_social_worker', caseloadMaximum: '15', lineManagerId: idOf('owen.parry') });
  await profile('owen.parry', 'lucy.barnes', 400, { practitioner: 'qualified_social_worker', caseloadMaximum: '12', lineManagerId: idOf('owen.parry') });

  // Complexity, by a manager of the team holding each case (5.2: "the relative complexity of cases").
  const weigh = async (manager: string, surname: string, weight: 'complex' | 'high', reason: string, daysAgo: number) => {
    setClock(at(daysAgo, 16));
    for (const id of kids(surname)) await s.workforce.assessComplexity(as(manager), id, { weight, reason });
  };
  await weigh('tom.reilly', 'Murphy', 'complex', 'Three children; neglect and their mother’s drinking; visits to catch up.', 30);
  await weigh('tom.reilly', 'Patterson', 'complex', 'Mother’s mental health; the grandmother doing the care is unwell herself.', 30);
  await weigh('tom.reilly', 'Kaur', 'high', 'Pre-birth assessment: a care-experienced mother of 19 in a hostel; legal planning may be needed.', 14);
  await weigh('tom.reilly', 'Wilson', 'complex', 'Neglect: the children left alone in the evenings; an anonymous referrer.', 25);
  await weigh('tom.reilly', 'Ali', 'complex', 'Homeless after an eviction; the children out of school uniform and hungry.', 7);
  await weigh('marcus.bell', 'Okonkwo', 'complex', 'Chidi goes missing overnight; a risk of criminal exploitation.', 60);
  await weigh('marcus.bell', 'Da Silva', 'high', 'Came into care under section 20 while his mother is in hospital.', 5);
  await weigh('grace.mensah', 'Whitfield', 'complex', 'Four children; their father threatened a social worker, so two workers visit together.', 35);
  await weigh('grace.mensah', 'Lee', 'high', 'Physical abuse of a baby; visits have fallen behind.', 45);
  await weigh('grace.mensah', 'Osei', 'complex', 'Physical abuse; interpreter needed for every visit.', 50);
  await weigh('grace.mensah', 'Mahmood', 'complex', 'In a refuge: every visit planned with the refuge; a non-molestation order.', 20);
  await weigh('aisha.rahman', 'Doherty', 'complex', 'A proposed change of care plan is disputed by the IRO.', 40);
  await weigh('aisha.rahman', 'Lakatos', 'high', 'Goes missing from her children’s home; exploitation concerns.', 40);

  // The Wilson children: transferred from the duty team to the Specialist Team, the review chaired by its manager.
  const meetingA = at(12, 13);
  setClock(at(12, 16));
  for (const id of kids('Wilson')) {
    await s.transfers.transfer(as('tom.reilly'), id, {
      receiving: `${as('hannah.scott').actor.teamIds[0]}|${idOf('hannah.scott')}`,
      ...when('meeting', meetingA),
      attended: 'Tom Reilly (sending), Marcus Bell (receiving), Sam Patel, Hannah Scott',
      meetingSummary: 'The assessment found neglect that needs intensive family support at home: evening routines, food and school attendance. Hannah visits with Sam next week; Sam finishes the assessment first.',
    });
  }
  setClock(at(5, 15));
  for (const id of kids('Wilson')) {
    await s.transfers.review(as('marcus.bell'), id, {
      ...when('review', at(5, 10)),
      attended: 'Kerry Wilson, Riverside Primary’s safeguarding lead, Hannah Scott, Sam Patel; chaired by Marcus Bell',
      reviewSummary: 'Hannah has visited twice; evening routine agreed with Kerry and the school breakfast club started. Next review in six weeks.',
    });
  }

  // The Ali children: from the assistant team manager who took them at allocation to James Ellis (within his protected caseload).
  setClock(at(6, 10));
  for (const id of kids('Ali')) await s.people.allocate(as('tom.reilly'), id, { teamId: as('james.ellis').actor.teamIds[0] as string, workerId: idOf('james.ellis') });

  // The Okonkwo children: transferred to the Child Protection and Court Service three days ago; Grace Mensah is to chair the review.
  setClock(at(3, 16));
  for (const id of kids('Okonkwo')) {
    await s.transfers.transfer(as('marcus.bell'), id, {
      receiving: `${as('jess.morgan').actor.teamIds[0]}|${idOf('jess.morgan')}`,
      ...when('meeting', at(3, 14)),
      attended: 'Marcus Bell, Grace Mensah, Hannah Scott, Jess Morgan',
      meetingSummary: 'Chidi’s nights missing and who he is spending them with point to criminal exploitation: the family need the Child Protection and Court Service. Ada stays with her brother’s worker. Transfer review within two weeks, chaired by Grace.',
    });
  }

  // The Mahmood children: their team manager held them while the team was short; Jess Morgan takes them beyond her cap, with the reason recorded.
  setClock(at(1, 11));
  for (const id of kids('Mahmood')) {
    await s.people.allocate(as('grace.mensah'), id, {
      teamId: as('jess.morgan').actor.teamIds[0] as string,
      workerId: idOf('jess.morgan'),
      overLimitReason: 'The refuge knows Jess from the Osei case and the children must not meet another new worker; agreed above her cap until the student’s placement ends in March.',
    });
  }
}

import { addDays, addMonths, londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { keepUp } from './demoUpkeep';
import { whenAt } from './demoWhen';
import { demoCarerId } from './demoFosterCarers';

type At = (daysAgo: number, hour?: number) => Date;

const blank = {
  preferredName: null, dateOfBirth: null, expectedDateOfBirth: null, gender: null, ethnicity: 'WBRI', firstLanguage: 'English',
  religion: null, disabilities: [] as string[], nhsNumber: null, upn: null, uasc: false, immigrationStatus: null,
  organisation: null, professionalRole: null, phone: null, email: null, address: null, externalId: null, confirmNotDuplicate: true,
};

async function registerAdult(s: Services, by: RequestContext, givenNames: string, familyName: string, gender: 'F' | 'M', dateOfBirth: string, address: [string, string, string], startDate: string) {
  const result = await s.people.register(by, { kind: 'adult', ...blank, givenNames, familyName, gender, dateOfBirth, address: { line1: address[0], line2: null, town: address[1], postcode: address[2], startDate } });
  if (result.outcome !== 'registered') throw new Error(`Could not add ${givenNames} ${familyName}`);
  return result.record.id;
}

/**
 * The Family Placement Team's adoption work in the demonstration (issue 11; practice-standards.txt,
 * Section 2: Parallel Planning for Adoption; Section 4: Reviews for Children in Care 60;
 * specialist-service-statement.txt 7.4), all through the services with the clock set back:
 * - Sarah and James Whitfield, approved adopters (assessed by Lucy Barnes, signed off by Owen Parry,
 *   recommended by the adoption panel, approved by Gillian Ward, the agency decision maker);
 * - Joanne and Mark Fielding, prospective adopters in assessment;
 * - Poppy Ellison, 16 months old: parallel planning from her interim care order, the CPR on time, the
 *   ADM's decision, a placement order, matched with the Whitfields and placed with them 40 days ago.
 *   Her first review after placement (due within 4 weeks) has not been held: it is overdue;
 * - a post-adoption support request from Helen Carter awaiting allocation, and a section 51
 *   counselling request from Michael Dunn, adopted as a baby in 1979, allocated to Lucy Barnes.
 */
export async function adoptionScenes(s: Services, as: (username: string) => RequestContext, teamIds: Record<string, string>, setClock: (at: Date) => void, at: At) {
  const lucy = as('lucy.barnes');
  const owen = as('owen.parry');
  const adm = as('gillian.ward');
  const daniel = as('daniel.hughes');
  const head = as('helen.okafor');
  const today = londonDate(at(0));

  // Sarah and James Whitfield: registered 11 months ago, approved four months ago.
  setClock(at(330, 11));
  const whitfield = await registerAdult(s, lucy, 'Sarah', 'Whitfield', 'F', '1987-09-14', ['14 Orchard Close', 'Thornleigh', 'WM7 4PL'], addDays(today, -3000));
  await s.adopters.register(lucy, whitfield, { household: 'Sarah and James Whitfield', secondApplicant: 'James Whitfield (born 1985)', children: 'No children. Sarah’s mother lives nearby and will be part of their support network.', workerId: lucy.actor.userId }, whenAt(at(330, 10)));
  setClock(at(150, 16));
  await s.adopters.assessment(owen, whitfield, { summary: 'Stage two assessment complete: recommend approval for one child, or two siblings, aged 0 to 4. Strong support network; both have reflected well on contact with birth family.' }, whenAt(at(150, 15)));
  setClock(at(135, 17));
  await s.adopters.panel(owen, whitfield, { recommendation: 'recommended', summary: 'Unanimous recommendation for approval for up to two children aged 0 to 4.' }, whenAt(at(135, 11)));
  setClock(at(128, 15));
  await s.adopters.decide(adm, whitfield, { decision: 'agreed', summary: 'I agree with the panel: approved for up to two children aged 0 to 4.' }, whenAt(at(128, 14)));

  // Joanne and Mark Fielding: in stage two of their assessment.
  setClock(at(45, 12));
  const fielding = await registerAdult(s, lucy, 'Joanne', 'Fielding', 'F', '1990-02-03', ['3 Mill Lane', 'Ashbury', 'WM3 8QT'], addDays(today, -2000));
  await s.adopters.register(lucy, fielding, { household: 'Joanne and Mark Fielding', secondApplicant: 'Mark Fielding (born 1988)', children: 'Mark’s son Ryan (19) lives with his mother in Kingsford and stays most weekends.', workerId: lucy.actor.userId }, whenAt(at(45, 10)));

  // Poppy Ellison: an interim care order at 2 months old.
  const dob = addMonths(today, -16);
  setClock(at(421, 9));
  const mother = await registerAdult(s, daniel, 'Kayleigh', 'Ellison', 'F', '2004-06-21', ['Flat 2, 18 Station Road', 'Kingsford', 'WM5 1AB'], addDays(today, -900));
  const registered = await s.people.register(daniel, { kind: 'child', ...blank, givenNames: 'Poppy', familyName: 'Ellison', gender: 'F', dateOfBirth: dob, immigrationStatus: 'british-citizen', address: { line1: 'Flat 2, 18 Station Road', line2: null, town: 'Kingsford', postcode: 'WM5 1AB', startDate: dob } });
  if (registered.outcome !== 'registered') throw new Error('Could not add Poppy Ellison');
  const poppy = registered.record.id;
  await s.people.recordRelationship(daniel, poppy, { relatedPersonId: mother, type: 'parent', parentalResponsibility: true, professionalRole: null, startDate: dob });
  await s.people.allocate(head, poppy, { teamId: teamIds.cic as string, workerId: daniel.actor.userId });
  setClock(at(420, 17));
  await s.inCare.start(daniel, poppy, { legalStatus: 'C1', reason: 'Interim care order: Poppy was found alone in the flat at 2 months old; her mother was using heroin.', familyAndFriends: 'yes', previousPermanence: 'none', setting: 'in_house_fostering', carer: 'Joan Okafor', carerId: (await demoCarerId(s, 'Okafor')) ?? '' }, whenAt(at(420, 15)));
  setClock(at(415, 16));
  await s.adoption.startParallelPlanning(daniel, poppy, { summary: 'No family member passed the viability assessments; mother is not engaging with treatment. Parallel planning for adoption agreed at the legal planning meeting.' }, whenAt(at(415, 14)));
  setClock(at(414, 16));
  await s.adoption.planningStep(daniel, poppy, 'birthCertificates', whenAt(at(414, 10)));
  setClock(at(409, 16));
  await s.adoption.planningStep(daniel, poppy, 'ppm', whenAt(at(409, 14)));
  setClock(at(380, 12));
  const finalEvidence = londonDate(at(200));
  const [y, m, d] = finalEvidence.split('-');
  await s.adoption.finalEvidenceDate(daniel, poppy, { 'finalEvidenceOn-day': String(Number(d)), 'finalEvidenceOn-month': String(Number(m)), 'finalEvidenceOn-year': y });
  setClock(at(230, 17));
  await s.adoption.planningStep(daniel, poppy, 'cprCompleted', whenAt(at(230, 15)));
  setClock(at(214, 17));
  await s.adoption.planningStep(daniel, poppy, 'cprFinalised', whenAt(at(215, 11)));
  await s.adoption.planningStep(daniel, poppy, 'cprToAdm', whenAt(at(214, 12)));
  setClock(at(207, 17));
  await s.adoption.planningStep(daniel, poppy, 'evidenceToManager', whenAt(at(208, 10)));
  await s.adoption.shouldBePlaced(adm, poppy, { decision: 'agreed', summary: 'Having read the CPR and the medical adviser’s report, I agree Poppy should be placed for adoption: no one in her family can care for her safely.' }, whenAt(at(207, 15)));
  setClock(at(200, 17));
  await s.adoption.planningStep(daniel, poppy, 'evidenceFiled', whenAt(at(200, 14)));
  setClock(at(170, 17));
  await s.adoption.placementOrder(daniel, poppy, { summary: 'Final hearing: care order and placement order made.' }, whenAt(at(170, 12)));
  setClock(at(100, 17));
  await s.adoption.matchPanel(owen, poppy, { adopterId: whitfield, recommendation: 'recommended', summary: 'The Whitfields understand Poppy’s early experiences and can support letterbox contact with her mother.' }, whenAt(at(100, 11)));
  setClock(at(95, 16));
  await s.adoption.matchDecision(adm, poppy, { decision: 'agreed', summary: 'I agree the match with Sarah and James Whitfield.' }, whenAt(at(95, 14)));
  // Her care kept up to the introductions; then placed with the Whitfields, and the first review not yet held.
  setClock(at(45, 18));
  await keepUp(s, [{ personId: poppy, recordedBy: daniel.actor }], at(45, 18));
  setClock(at(40, 17));
  await s.adoption.place(daniel, poppy, { withCurrentCarers: 'no', summary: 'Two weeks of introductions went well; Joan Okafor will visit in the first month.' }, whenAt(at(40, 11)));

  // Post-adoption support and section 51 counselling.
  setClock(at(20, 12));
  const carter = await registerAdult(s, lucy, 'Helen', 'Carter', 'F', '1978-11-30', ['27 Church Street', 'Ashbury', 'WM3 2DE'], addDays(today, -4000));
  const dunn = await registerAdult(s, lucy, 'Michael', 'Dunn', 'M', '1979-03-08', ['9 Harbour View', 'Kingsford', 'WM5 7GG'], addDays(today, -5000));
  await s.adopters.request(lucy, dunn, 's51', { from: 'Michael Dunn (adopted as a baby in 1979; born Michael Price)', summary: 'Wants information about his birth mother and why he was placed for adoption, before deciding whether to search.' }, whenAt(at(20, 10)));
  setClock(at(18, 12));
  const [s51] = (await s.adopters.view(owen, await s.people.record(owen, dunn))).requests;
  if (s51) await s.adopters.allocate(owen, dunn, 's51', { requestId: s51.id, workerId: lucy.actor.userId });
  setClock(at(9, 15));
  await s.adopters.request(lucy, carter, 'support', { from: 'Helen Carter (adoptive mother of Jack, 9)', needs: ['therapeutic', 'education'], summary: 'Jack’s behaviour at school has deteriorated since his letterbox letter; she asks for an assessment and therapeutic parenting support.' }, whenAt(at(9, 14)));
}

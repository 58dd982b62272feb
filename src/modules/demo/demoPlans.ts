import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { birthday } from '../../domain/standards/due';
import { whenAt } from './demoWhen';
import { demoCarerId } from './demoFosterCarers';

type At = (daysAgo: number, hour?: number) => Date;

/**
 * Arjun Singh's child in need review of 17 days ago, chaired by Tom Reilly, whose record and
 * amendments are still to be signed off: due within two weeks of the meeting (practice-standards.txt,
 * Section 2: Child in Need Plans and Reviews 11 and 15), so it shows as overdue on Tom's My work.
 */
export async function cinReviewAwaitingSignOff(s: Services, worker: RequestContext, manager: RequestContext, childIds: readonly string[], setClock: (at: Date) => void, at: At) {
  const [child] = childIds;
  if (!child) return;
  setClock(at(16, 15));
  await s.cinPlan.review(
    worker,
    child,
    {
      chairId: manager.actor.userId,
      attended: 'Manpreet and Harpreet Singh, Arjun (for the first half), Joanne Hale (DSL, Wealdmoor Academy), CAMHS practitioner, Sam Patel, Tom Reilly (chair)',
      apologies: 'Young carers service',
      progress: "Arjun's attendance is back to 94% and there have been no exclusions this half term. The carer's assessment for Manpreet is done and a care package for Harpreet starts next week, so Arjun is no longer helping his father wash. CAMHS sessions continue fortnightly; Arjun says he worries less.",
      amendments: 'Referral to the young carers service added; the family support worker moves to fortnightly now the care package is agreed. Rationale: the caring Arjun did is now covered by the package.',
    },
    whenAt(at(17, 10)),
  );
}

/**
 * The Marsh twins' safety plan after their initial conference: an interim plan the day of the
 * conference, then the full plan agreed with the network six days ago, which their grandmother has
 * signed and the health visitor has not yet (Safety Planning 4-7). It is to be concluded by the
 * second review, three months after the conference (5).
 */
export async function safetyPlanUnderway(s: Services, worker: RequestContext, childIds: readonly string[], setClock: (at: Date) => void, at: At) {
  for (const child of childIds) {
    setClock(at(20, 16));
    await s.safetyPlan.record(worker, child, {
      kind: 'interim',
      immediateSafety: 'Jodie will not use at home and the twins stay with Nan (Carol Marsh) on any night Jodie cannot be sure she will be sober. The health visitor visits on Tuesdays and Fridays. Grace Mensah visits at least weekly.',
      'networkMeetingOn-day': String(at(6).getUTCDate()),
      'networkMeetingOn-month': String(at(6).getUTCMonth() + 1),
      'networkMeetingOn-year': String(at(6).getUTCFullYear()),
    });
    setClock(at(6, 15));
    await s.safetyPlan.record(worker, child, {
      kind: 'full',
      'danger-1':
        'Social workers and the police are worried that when Jodie uses heroin she falls asleep and cannot wake, and Alfie and Evie have been left alone in the flat at night with needles they could reach. If nothing changes they could be badly hurt or die from a needle or from being without an adult.',
      'goal-1': 'Everyone needs to see that Alfie and Evie are always looked after by an adult who is not using drugs, day and night, and that there are never needles or drugs in the flat.',
      'scaleWho-1-1': 'Jodie',
      'scaleScore-1-1': '6',
      'scaleWhy-1-1': 'I have been on my script for three weeks and Nan has the twins when I am struggling.',
      'scaleWho-1-2': 'Carol Marsh (Nan)',
      'scaleScore-1-2': '5',
      'scaleWhy-1-2': 'Better, but it is early days.',
      'scaleWho-1-3': 'Grace Mensah',
      'scaleScore-1-3': '3',
      'scaleWhy-1-3': 'Testing is clean for two weeks; we have not yet seen a month.',
      bottomLines: 'No drugs or needles in the flat. If Jodie has used, the twins go to Nan straight away.',
      timeframe: 'Weekly visits by the social worker until the first review; drug service keyworker fortnightly; core group every 6 weeks.',
      goingWell: 'The twins are up, dressed and at nursery by 9; Jodie collects them at 3 and they have tea together.',
      triggers: 'Payday, contact with her ex-partner, and nights when the twins will not settle.',
      prevention: 'Nan has the twins overnight on payday Fridays. Jodie goes to her drug service group on Wednesdays.',
      redFlags: 'Jodie not answering her phone after 8pm, the curtains closed in the day, the twins missing nursery.',
      response: 'Nan goes round or rings the police if she cannot get in; nursery rings the social worker the same morning.',
      reviewMeetings: 'Core group meetings and the review conference.',
      networkCommunication: 'A family WhatsApp group with Nan, Jodie and the health visitor; the safety journal kept at Nan\'s.',
      childCanSay: 'Alfie and Evie have a teddy each: if teddy goes to nursery in their bag, staff will ask them how home is.',
      childsVoice: 'The twins drew "Mummy sleeping" and "Nanny\'s house is cosy". The words and pictures story is being made with them.',
      'memberName-1': 'Carol Marsh',
      'memberContact-1': '07700 900451',
      'memberRole-1': 'Nan: has the twins on payday Fridays and whenever Jodie asks',
      'memberName-2': 'Kate Marsden',
      'memberContact-2': 'Wealdmoor Community Health, 01632 960 103',
      'memberRole-2': 'Health visitor: visits Tuesdays and Fridays',
    });
    setClock(at(5, 12));
    await s.safetyPlan.sign(worker, child, { member: 'Carol Marsh', 'signedOn-day': String(at(5).getUTCDate()), 'signedOn-month': String(at(5).getUTCMonth() + 1), 'signedOn-year': String(at(5).getUTCFullYear()) });
  }
}

/**
 * Gabriel Da Silva came into care six days ago under section 20: his mother was admitted to
 * hospital and the neighbour who had been minding him could not go on. She signed the consent that
 * day; the child in need plan ended as he came into care. The notification and the Placement
 * Arrangements Form were done the same day, but no IRO has been recorded: due a working day after
 * the notification (Reviews for Children in Care), so it is overdue, and the care plan is due.
 */
export async function cameIntoCare(s: Services, worker: RequestContext, manager: RequestContext, childIds: readonly string[], setClock: (at: Date) => void, at: At) {
  const [child] = childIds;
  if (!child) return;
  setClock(at(6, 19));
  await s.cinPlan.end(manager, child, { reason: 'in_care', summary: 'Gabriel came into care under section 20 while his mother is in hospital.' }, whenAt(at(6, 16)));
  const mother = (await s.inCare.view(worker, child)).parents[0];
  if (!mother) return;
  const consented = at(6);
  await s.inCare.start(
    worker,
    child,
    {
      legalStatus: 'V2',
      reason: "Mum is poorly and has to stay in hospital for a while. You are staying with Jan and Colin, who look after children, until Mum is well enough to look after you again.",
      familyAndFriends: 'yes',
      previousPermanence: 'none',
      setting: 'in_house_fostering',
      carer: 'Jan and Colin Abbott',
      // Chosen from the register of approved foster carers (issue 11): the placement is checked against their terms.
      carerId: (await demoCarerId(s, 'Abbott')) ?? '',
      consentParent: mother.id,
      'consentSignedOn-day': String(consented.getUTCDate()),
      'consentSignedOn-month': String(consented.getUTCMonth() + 1),
      'consentSignedOn-year': String(consented.getUTCFullYear()),
    },
    whenAt(at(6, 17)),
  );
  setClock(at(6, 21));
  await s.inCare.arrivalStep(worker, child, 'arrangements', { ...whenAt(at(6, 20)), fields: { date: 'arrangementsOn', time: 'arrangementsTime' } });
  await s.inCare.arrivalStep(worker, child, 'notification', { ...whenAt(at(6, 20)), fields: { date: 'notificationOn', time: 'notificationTime' } });
}

/**
 * The Doherty children, placed with their aunt under an interim care order: three days ago Daniel
 * Hughes told their IRO, Ruth Adeyemi, of a proposal to change the care plan, which brings the next
 * review forward (Reviews for Children in Care 64-65); and Ruth has an informal concern open about
 * their Personal Education Plans (66).
 */
export async function reviewConcerns(s: Services, worker: RequestContext, iro: RequestContext, childIds: readonly string[], setClock: (at: Date) => void, at: At) {
  for (const child of childIds) {
    setClock(at(3, 14));
    await s.cicReviews.notify(worker, child, { change: 'care_plan', detail: 'Proposal that the children stay with their aunt Mary under a special guardianship order rather than return home.' });
    setClock(at(2, 11));
    await s.cicReviews.dispute(iro, child, { stage: 'informal', concern: 'No Personal Education Plan meeting since the children came into care; the school has not been invited.' });
  }
}

/**
 * Elena Lakatos, in a children's home: last night she went missing from the home and is missing still, reported to the police; on the Emergency Duty Team's morning list for the
 * Resources Duty Team (resource-service-policy.txt 5.3).
 */
export async function missingOvernight(s: Services, worker: RequestContext, childIds: readonly string[], setClock: (at: Date) => void, at: At) {
  const [child] = childIds;
  if (!child) return;
  setClock(at(1, 23.5));
  await s.missing.started(worker, child, { kind: 'missing', from: "Her children's home in Kingsford", reported: 'yes', policeReference: 'TVP-CAD-2231' }, whenAt(at(1, 23)));
}

/**
 * The McLeod young person is at university: the update of circumstances on their 20th birthday
 * recorded them in education, so their support goes on past 21 as a former relevant young person
 * pursuing education (practice-standards.txt, Section 3: Care Leavers, Definition of a care leaver).
 */
export async function atUniversity(s: Services, pa: RequestContext, childIds: readonly string[], setClock: (at: Date) => void) {
  for (const child of childIds) {
    const dateOfBirth = (await s.people.record(pa, child)).details.dateOfBirth;
    if (!dateOfBirth) continue;
    setClock(new Date(`${birthday(dateOfBirth, 20)}T11:00:00Z`));
    await s.careLeaver.updateCircumstances(pa, child, { age: '20', activity: 'education', accommodation: 'higher_education', suitable: 'yes', inTouch: 'yes' });
  }
}

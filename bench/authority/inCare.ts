import { day, hour, workingDays, type Journey } from './journey';
import type { Next } from './frontDoor';

/**
 * Children in care and care leavers in the synthetic authority: coming into care, the panel,
 * placements and their moves, reviews with the reports and meetings around them, visits, PEPs,
 * health assessments, missing episodes, permanence planning, and the personal adviser's work
 * from 17 to 21.
 */

const settings = ['in_house_fostering', 'in_house_fostering', 'in_house_fostering', 'connected_person', 'independent_fostering', 'independent_fostering', 'residential', 'supported_accommodation'];

/** A placement from `at` until `until`; returns nothing, records what the placement standards read. */
function placement(j: Journey, at: number, until: number, age: number): void {
  const inPlacement = (t: number | null) => j.ifBefore(t, until);
  const placementId = j.id('placement');
  const setting = age >= 16 && j.chance(0.5) ? 'supported_accommodation' : (settings[j.random.int(0, settings.length - 1)] as string);
  const complexNeeds = j.chance(0.1);
  j.record('placements.carer_profile_shared', j.before(at, 0), { placementId });
  if (complexNeeds) j.record('placements.site_visited', j.before(at, 0), { placementId });
  j.record('cic.placement_started', at, { setting, placementId, complexNeeds });
  const meeting = j.doneBy(at, workingDays(5));
  if (meeting !== null && meeting < until) {
    j.record('cic.placement_planning_meeting_held', meeting);
    j.record('placements.initial_support_plan_completed', inPlacement(j.doneBy(meeting, 0.3)));
    j.record('cic.placement_plan_completed', inPlacement(j.doneBy(meeting, workingDays(5))));
  }
  if (setting === 'residential' || setting === 'supported_accommodation') j.every(at, 182, until, (visit) => j.record('placements.quality_assurance_visit_made', visit));
}

/**
 * A child in care review, with what goes before it and after it (practice standards Section 4),
 * all while the child is in care (from `from` to `until`): the first review's preparation cannot
 * start before the child came into care, and what is owed after a review is not recorded on the
 * period once it has ended.
 */
function review(j: Journey, at: number, n: number, from: number, until: number): void {
  const ahead = (aheadDays: number) => j.within(j.before(at, aheadDays), from, at);
  const after = (dueDays: number) => j.ifBefore(j.doneBy(at, dueDays), until);
  j.record('cic.review_setup_form_sent', ahead(15));
  if (n <= 2) j.record('cic.review_invitations_sent', ahead(workingDays(10)));
  if (n >= 2) j.record('cic.iro_met_social_worker', ahead(workingDays(15)));
  j.record('cic.review_report_signed_off', ahead(workingDays(5)));
  j.record('cic.review_report_sent_to_iro', ahead(workingDays(3)));
  j.record('cic.review_plans_sent_to_iro', ahead(workingDays(3)));
  j.record('cic.review_report_shared_with_child', ahead(1));
  j.record('cic.iro_saw_child', ahead(0));
  if (n === 2) j.record('cic.permanency_plan_outlined', ahead(0));
  j.record('cic.review_held', at, { childParticipation: j.chance(0.8) ? 'attended' : 'views_shared' });
  j.record('cic.review_decisions_sent', after(workingDays(5)));
  j.record('cic.review_record_distributed', after(workingDays(20)));
  j.record('cic.midterm_review_held', after(91));
}

/** A period in care: from coming into care to going home, or to turning 18. */
export function inCare(j: Journey, startAt: number): Next {
  const start = j.workTime(startAt);
  j.allocate('children-in-care', start);
  const eighteen = j.birthday(18);
  const planned = j.chance(0.4) ? eighteen : Math.min(eighteen, start + j.days(90, 1500));
  let end = Number.POSITIVE_INFINITY;
  for (let at = start + 60 * day; at <= j.today; at += 60 * day) {
    if (at >= planned || j.exhausted) {
      end = Math.min(at, planned);
      break;
    }
  }
  const legalStatus = ['V2', 'V2', 'V2', 'C1', 'C1', 'C2', 'L1', 'L2'][j.random.int(0, 7)] as string;
  // What the SSDA903 return's previous_permanence needs (src/domain/inCare/previousPermanence.ts): most children had no adoption or order before.
  j.record('cic.started', start, { legalStatus, previousPermanence: { option: 'none' } });
  // What is done on the period in care is done before it ends (a child may leave care within days, at 18).
  const inCare = (t: number | null) => j.within(t, start, end);
  if (legalStatus === 'C1') j.record('cic.legal_status_changed', j.ifBefore(start + j.days(180, 360), end), { legalStatus: 'C2' });
  j.record('cic.placement_arrangements_form_completed', inCare(j.doneBy(start, 0.3)));
  const notified = inCare(j.eventually(start, 1)) as number;
  j.record('cic.notification_sent', notified);
  j.record('cic.iro_appointed', inCare(j.doneBy(notified, workingDays(1))));
  const panel = j.workTime(j.eventually(start, 7));
  j.record('panel.referral_submitted', j.before(panel, workingDays(3)));
  j.record('panel.considered', panel, { reason: 'newly_looked_after' });
  j.record('panel.decision_made', j.doneBy(panel, 0.2));
  j.record('cic.care_plan_completed', inCare(j.doneBy(start, workingDays(10)) ?? start + 30 * day));
  j.record('cic.health_assessment_completed', inCare(j.doneBy(start, 28)));
  const pep = inCare(j.eventually(start, 20)) as number;
  j.record('cic.pep_meeting_held', pep);
  j.every(pep, 120, end, (at) => j.record('cic.pep_meeting_held', at));
  j.every(start, 182, end, (at) => j.record('cic.care_plan_completed', at));

  // Placements: most children move now and then.
  let from = start;
  while (from < Math.min(end, j.today)) {
    const until = j.chance(0.5) ? end : from + j.days(90, 900);
    placement(j, from, Math.min(until, end), j.ageAt(from));
    if (until >= end) break;
    j.record('cic.placement_ended', until);
    from = until + hour;
  }

  // Reviews: within 20 working days, then 3 months, then every 6 months.
  let reviewAt = j.workTime(j.eventually(start, workingDays(20)));
  for (let n = 1; reviewAt < end && reviewAt <= j.today; n++) {
    review(j, reviewAt, n, start, end);
    reviewAt = j.workTime(j.eventually(reviewAt, n === 1 ? 91 : 182));
  }
  const identified = start + j.days(40, 80);
  if (j.chance(0.3) && identified < end) {
    const achieved = identified + j.days(180, 540);
    j.record('cic.permanence_need_identified', identified);
    j.every(identified, 91, Math.min(achieved, end), (at) => j.record('ppm.held', at));
    if (achieved < end) j.record('cic.permanence_achieved', achieved);
  }

  const visitEvery = j.disabled ? 28 : 42;
  j.every(start, visitEvery, end, (at) => j.record('cic.visit', at, { seenAlone: j.chance(0.8) }));
  j.every(start, 61, end, (at) => j.record('supervision.case_discussed', at));
  if (j.ageAt(start) >= 11) j.every(start, 240, end, (at) => missingEpisode(j, at));
  if (end >= j.birthday(17) - 60 * day) careLeaver(j, start, end);
  if (end === Number.POSITIVE_INFINITY) return { stage: 'closed', at: end };
  j.record('cic.ended', end);
  return { stage: 'closure', at: end + j.days(0, 5) };
}

function missingEpisode(j: Journey, at: number): void {
  const episodeId = j.id('missing');
  const back = at + j.random.int(3, 48) * hour;
  j.record('cic.missing_started', at, { episodeId });
  j.record('cic.missing_ended', back, { episodeId });
  j.record('cic.return_interview_held', j.doneBy(back, 1), { episodeId });
}

/** A personal adviser from before 17 until 21: contact every 8 weeks, pathway plans every 6 months. */
function careLeaver(j: Journey, inCareFrom: number, inCareUntil: number): void {
  const allocated = Math.max(inCareFrom + 30 * day, j.birthday(17) - (j.chance(0.85) ? j.days(20, 90) : -j.days(5, 60)));
  if (allocated > inCareUntil || allocated > j.today) return;
  // One personal adviser to 21, even for a child who comes back into care after 17.
  if (j.events.some((e) => e.type === 'care_leaver.pa_allocated')) return;
  j.allocate('leaving-care', Math.max(allocated, Math.min(inCareUntil, j.birthday(18))));
  const ended = j.birthday(21);
  j.record('care_leaver.pa_allocated', allocated);
  const firstPlan = j.eventually(allocated, 60);
  j.record('care_leaver.pathway_plan_completed', firstPlan);
  j.record('care_leaver.pathway_plan_shared', j.doneBy(firstPlan, 14));
  j.every(firstPlan, 182, ended, (at) => {
    j.record('care_leaver.pathway_plan_completed', at);
    j.record('care_leaver.pathway_plan_shared', j.doneBy(at, 14));
  });
  j.every(allocated, 56, ended, (at) => j.record('care_leaver.contact', at));
  j.every(allocated, 182, ended, (at) => j.record('chronology.updated', at));
  j.every(allocated, 61, ended, (at) => j.record('supervision.case_discussed', at));
  j.record('care_leaver.benefits_claim_supported', j.before(j.birthday(18), 30));
  for (let age = 17; age <= 21; age++) {
    if (j.birthday(age) > allocated) j.record('care_leaver.circumstances_updated', j.within(j.before(j.birthday(age), 0), allocated, ended), { age });
  }
  j.record('care_leaver.support_ended', ended);
}

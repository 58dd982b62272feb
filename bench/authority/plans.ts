import { day, workingDays, type Journey } from './journey';
import type { Next } from './frontDoor';

/**
 * Child protection conferences and plans, and child in need plans, in the synthetic authority:
 * visits, core groups, reviews, supervision and oversight at roughly the practice standards'
 * intervals, the preparation a conference needs, and the plan's end.
 */

/**
 * A conference with what goes before it (forms, invitations, reports) and after it (decision,
 * minutes). A review conference is prepared on the plan, after the conference that made it (`planFrom`).
 */
function conference(j: Journey, at: number, kind: 'initial' | 'review', data: Record<string, unknown>, planFrom?: number): void {
  const conferenceId = j.id('conference');
  const ahead = (aheadDays: number) => (planFrom === undefined ? j.before(at, aheadDays) : j.within(j.before(at, aheadDays), planFrom, at));
  j.record('cp.conference_setup_submitted', ahead(workingDays(7)));
  j.record('cp.conference_invites_sent', ahead(workingDays(5)));
  j.record('cp.chair_discussed_with_social_worker', ahead(workingDays(3)));
  if (kind === 'initial') {
    j.record('cp.conference_report_submitted', ahead(2));
    j.record('cp.conference_report_shared', ahead(2));
  } else {
    j.record('cp.conference_report_shared', ahead(workingDays(7)));
    j.record('cp.conference_report_signed_off', ahead(workingDays(5)));
  }
  j.record('cp.conference_held', at, { kind, conferenceId, ...data });
  j.record('cp.decision_circulated', j.doneBy(at, 1));
  j.record('cp.conference_minutes_sent', j.doneBy(at, workingDays(10)));
  j.record('cp.chair_checklist_completed', j.doneBy(at, 1), { conferenceId });
}

/** The initial conference after a Section 47 enquiry (held once the enquiry is completed): a plan, or not. */
export function initialConference(j: Journey, strategyHeld: number, enquiryCompleted: number): Next {
  const at = j.workTime(Math.max(j.eventually(strategyHeld, workingDays(15)), enquiryCompleted + j.random.int(1, 48) * 3_600_000));
  const planMade = j.chance(0.85);
  const category = ['neglect', 'neglect', 'emotional', 'physical', 'sexual', 'multiple'][j.random.int(0, 5)];
  conference(j, at, 'initial', planMade ? { planMade, category } : { planMade });
  if (planMade) return { stage: 'cp', at };
  return { stage: j.chance(0.6) ? 'cin' : 'closure', at: at + j.days(1, 7) };
}

/** A child protection plan, from the initial conference to the review that ends it. */
export function childProtectionPlan(j: Journey, conferenceAt: number): Next {
  const lasts = j.days(180, 720);
  let end = Number.POSITIVE_INFINITY;
  // Review conferences: the first within 3 months (91 days), then every 6 months.
  for (let review = j.workTime(j.eventually(conferenceAt, 91)), n = 1; review <= j.today; review = j.workTime(j.eventually(review, 183)), n++) {
    const last = review - conferenceAt >= lasts || j.exhausted;
    conference(j, review, 'review', { planContinues: !last }, conferenceAt);
    if (last) {
      end = review + j.random.int(1, 6) * 3_600_000;
      j.record('cp.plan_ended', end);
      break;
    }
  }
  j.every(conferenceAt, workingDays(10), end, (at) => j.record('cp.visit', at, { seenAlone: j.chance(0.7) }));
  const firstCoreGroup = j.workTime(j.eventually(conferenceAt, workingDays(10)));
  const coreGroup = (at: number) => {
    if (at >= end) return;
    const meetingId = j.id('core-group');
    j.record('cp.core_group_held', at, { meetingId });
    j.record('cp.core_group_record_signed_off', j.doneBy(at, 14), { meetingId });
  };
  coreGroup(firstCoreGroup);
  j.every(firstCoreGroup, 42, end, coreGroup);
  j.every(conferenceAt, 61, end, (at) => j.record('supervision.case_discussed', at));
  j.every(conferenceAt, 30, end, (at) => j.record('oversight.recorded', at));
  const concluded = j.doneBy(conferenceAt, 91);
  if (concluded !== null && concluded < end) j.record('safety_plan.concluded', concluded);
  return { stage: j.chance(0.6) ? 'cin' : 'closure', at: end + j.days(0, 3) };
}

/** A child in need plan: visits every 15 working days, reviews every 6 weeks, reassessments. */
export function childInNeedPlan(j: Journey, startAt: number): Next {
  const start = j.workTime(startAt);
  j.allocate('children-in-need', start);
  j.record('cin.plan_started', start);
  const planned = start + j.days(120, 720);
  let end = Number.POSITIVE_INFINITY;
  // The plan runs its course, or ends early if the record is full enough.
  for (let at = start; at <= j.today; at += 30 * day) {
    if (at >= planned || j.exhausted) {
      end = j.workTime(at);
      break;
    }
  }
  // A disabled child's visiting is agreed in the plan (specialist-service-statement; practice standards Section 1).
  let visitEvery = workingDays(15);
  let reviewEvery = 42;
  if (j.disabled && j.chance(0.7)) {
    const agreed = j.doneBy(start, 14) ?? start + 20 * day;
    if (agreed < end && j.record('cwd.visiting_frequency_agreed', agreed, { arrangement: j.chance(0.8) ? 'stable' : 'other' })) {
      visitEvery = 28;
      reviewEvery = 91;
    }
  }
  j.every(start, visitEvery, end, (at) => j.record('cin.visit', at, { seenAlone: j.chance(0.6) }));
  j.every(start, reviewEvery, end, (at) => {
    const reviewId = j.id('cin-review');
    j.record('cin.review_held', at, { reviewId });
    j.record('cin.plan_amendments_signed_off', j.doneBy(at, 14), { reviewId });
    j.record('cin.review_record_signed_off', j.doneBy(at, 14), { reviewId });
  });
  j.every(start, 91, end, (at) => j.record('supervision.case_discussed', at));
  j.every(start, 30, end, (at) => j.record('oversight.recorded', at));
  // Reassessments on the plan, each completed before the plan ends (the plan's end follows from it).
  j.every(start, 182, end, (at) => {
    if (end - at < 3 * day) return;
    const completed = Math.min(end - j.random.int(1, 24) * 3_600_000, j.eventually(at, 25));
    j.record('assessment.allocated', at);
    j.record('assessment.child_seen', j.within(j.doneBy(at, 3), at, completed));
    j.record('assessment.completed', completed);
  });
  if (end === Number.POSITIVE_INFINITY) return { stage: 'closed', at: end };
  j.record('cin.plan_ended', end);
  const r = j.random.next();
  return { stage: r < 0.8 ? 'closure' : r < 0.88 ? 'strategy' : 'in-care', at: end + j.days(0, 5) };
}

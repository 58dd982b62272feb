/**
 * The event types the CIN census and the SSDA903 return read, and nothing else: most of a long
 * record is work done again and again (visits, reviews' paperwork, supervision, oversight, the
 * steps of each workflow), which the returns never look at, so building them for a whole authority
 * leaves it in the database (issue 10's aim: both returns for 50,000 children in under 30 seconds).
 * Annex A reads visits and workflow steps, so it reads whole records. A test keeps this list and
 * what the projections name the same.
 */
export const readByTheReturns: readonly string[] = [
  // The front door and the episode of need (CIN census CINdetails).
  'contact.received',
  'threshold.decided',
  'assessment.allocated',
  'assessment.completed',
  'strategy.discussion_held',
  's47.started',
  's47.completed',
  'cp.conference_held',
  'cp.plan_ended',
  'cin.plan_started',
  'cin.plan_ended',
  'closure.completed',
  // Looked after (SSDA903 episodes, reviews, missing, OC2, adoption, previous permanence).
  'cic.started',
  'cic.legal_status_changed',
  'cic.placement_started',
  'cic.placement_ended',
  'cic.ended',
  'cic.review_held',
  'cic.missing_started',
  'cic.missing_ended',
  'cic.return_interview_held',
  'cic.health_assessment_completed',
  'cic.health_check_completed',
  'cic.health_outcomes_recorded',
  'cic.sdq_completed',
  'cic.sdq_not_completed',
  'cic.permanency_plan_established',
  'cic.permanence_achieved',
  'placements.disruption_review_held',
  'adoption.placed',
  // The ADM's decision that the child should be placed for adoption (SSDA903 placed_for_adoption, issue 11).
  'adoption.should_be_placed_decided',
  'adoption.placement_disrupted',
  'adoption.order_made',
  // Care leavers (SSDA903 OC3).
  'care_leaver.circumstances_updated',
  'care_leaver.returned_for_support',
];

import type { CatalogueFile } from './catalogueTypes';
import { rules } from './catalogueTypes';

/**
 * placement-stability-guidance.txt: Guidance Note, Placement Stability. Its sections are the
 * headings it puts its points under; the points are counted as bullets. Its Placement Support
 * Meeting is the Resource Service's Placement Stability Meeting (`placements.stability_meeting_held`).
 */
const document = 'placement-stability-guidance' as const;
const relationshipBuilding = {
  document,
  section: 'Every child and young person is offered relationship building work in advance of placement to introduce them to their new home',
};
const reviewsAndPlanning = {
  document,
  section: "All reviews and planning meetings include key professionals responsible for the child or young person's welfare",
};
const plannedEndings = { document, section: 'Placements are ended in a planned way unless there are immediate safeguarding concerns' };

export const placementStabilityGuidance: CatalogueFile = {
  eventTypes: [
    { type: 'placements.carer_profile_shared', title: 'Child-friendly carer profile shared with the child and their views sought', recordedOn: 'placement-requests' },
    { type: 'placements.initial_support_plan_completed', title: 'Initial placement support plan completed', during: 'in-care', recordedOn: 'placements' },
    { type: 'placements.support_plan_reviewed', title: 'Placement support plan reviewed', during: 'in-care', recordedOn: 'placements' },
  ],
  rules: rules([
    {
      id: 'stability.carer-profile-shared',
      kind: 'before-event',
      title: 'Child-friendly carer profile shared with the child before the placement',
      citation: { ...relationshipBuilding, paragraph: 'bullet 1' },
      quote:
        "Child-friendly carer profiles (or residential home children's booklet) to be shared with a child or young person prior to placement and their views sought about the placement.",
      notes:
        "Due by the day the placement starts (0 days before it), and must come before it is recorded and since the child's previous placement started; a profile and its placement are tied by `data.placementId` when the placement carries one (a placement made from a matched request takes the request's id, which the profile shared during matching carries). Every placement opens one, emergency ones included: the heading says every child.",
      responsible: 'social-worker',
      starts: [{ type: 'cic.placement_started' }],
      satisfiedBy: [{ type: 'placements.carer_profile_shared' }],
      correlate: 'placementId',
      ahead: { amount: 0, unit: 'days' },
    },
    {
      id: 'stability.initial-support-plan',
      kind: 'after',
      title: 'Initial support plan completed at the Placement Planning Meeting',
      citation: { ...reviewsAndPlanning, paragraph: 'bullet 2' },
      quote:
        'An initial support plan, identifying any potential support needs, must be completed by the Supervising Social Worker for each looked after child or young person at the Placement Planning meeting.',
      notes: "'At the Placement Planning meeting' is read as the same London day as the meeting (0 days).",
      responsible: 'social-worker',
      starts: [{ type: 'cic.placement_planning_meeting_held' }],
      satisfiedBy: [{ type: 'placements.initial_support_plan_completed' }],
      episode: 'in-care',
      within: { amount: 0, unit: 'days' },
    },
    {
      id: 'stability.support-plan-reviewed',
      kind: 'after',
      title: 'Support plan reviewed at every Placement Support Meeting',
      citation: { ...plannedEndings, paragraph: 'bullet 2' },
      quote: 'The initial support plan must be reviewed at this meeting and at all subsequent placement support meetings.',
      notes:
        "Each Placement Support Meeting (recorded as placements.stability_meeting_held) opens one, due the same London day (0 days). When the meeting itself is held ('as soon as there are signs that a placement is becoming unstable') is not a definite time.",
      responsible: 'social-worker',
      starts: [{ type: 'placements.stability_meeting_held' }],
      satisfiedBy: [{ type: 'placements.support_plan_reviewed' }],
      episode: 'in-care',
      within: { amount: 0, unit: 'days' },
    },
  ]),
};

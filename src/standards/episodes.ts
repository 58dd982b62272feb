import type { Episode } from '../domain/standards/rule';

/**
 * The stretches of involvement rules live within. Their ends cancel what is still open (DESIGN.md:
 * "cancelled if its context ends first (e.g. the CP plan ends before the next visit is due)").
 */
export const episodes: readonly Episode[] = [
  {
    id: 'contact',
    title: 'A contact at the front door, until the threshold decision',
    starts: [{ type: 'contact.received' }],
    ends: [{ type: 'threshold.decided' }],
  },
  {
    id: 'assessment',
    title: 'A Child and Family Assessment, from allocation to completion',
    starts: [{ type: 'assessment.allocated' }],
    ends: [{ type: 'assessment.completed' }],
  },
  {
    id: 'section-47',
    title: 'A Section 47 enquiry',
    starts: [{ type: 's47.started' }],
    ends: [{ type: 's47.completed' }],
  },
  {
    id: 'cp-plan',
    title: 'A child protection plan',
    starts: [{ type: 'cp.conference_held', where: { planMade: true } }],
    ends: [{ type: 'cp.plan_ended' }],
  },
  {
    id: 'cin-plan',
    title: 'A child in need plan',
    starts: [{ type: 'cin.plan_started' }],
    ends: [{ type: 'cin.plan_ended' }],
  },
  {
    id: 'in-care',
    title: 'A period in care',
    starts: [{ type: 'cic.started' }],
    ends: [{ type: 'cic.ended' }],
  },
  {
    id: 'missing',
    title: 'A missing episode',
    starts: [{ type: 'cic.missing_started' }],
    ends: [{ type: 'cic.missing_ended' }],
  },
  {
    id: 'care-leaver',
    title: 'Support as a care leaver, from the personal adviser',
    starts: [{ type: 'care_leaver.pa_allocated' }],
    ends: [{ type: 'care_leaver.support_ended' }],
  },
  {
    id: 'allegation',
    title: 'An allegation managed by the LADO',
    starts: [{ type: 'lado.allegation_received' }],
    // Concluded, or marked as recorded in error (the wrong adult): either ends the allegation's clocks.
    ends: [{ type: 'lado.allegation_concluded' }, { type: 'lado.recorded_in_error' }],
  },
];

/**
 * The words of the Youth Offending Service's work (practice-standards.txt, Section 1: Youth
 * Offending Service 1-22; issue 12): the event types it records on a child's record and the lists
 * its forms choose from. The catalogue (src/standards/practice-standards/section1...) declares the
 * same event types with these lists, so the forms, the rules and the figures agree.
 */

export const yosEvent = {
  referred: 'yos.referral_received',
  arrested: 'yos.arrested',
  allocated: 'yos.referral_allocated',
  disposal: 'yos.disposal_delivered',
  preSentenceReport: 'yos.pre_sentence_report_submitted',
  sentenced: 'yos.sentenced',
  assessed: 'yos.assessment_completed',
  planned: 'yos.plan_completed',
  reviewed: 'yos.plan_reviewed',
  custodyContact: 'yos.custody_contact_made',
  sentencePlanning: 'yos.sentence_planning_attended',
  sentencePlanReview: 'yos.sentence_plan_review_attended',
  resettlement: 'yos.resettlement_planning_started',
  accommodation: 'yos.release_accommodation_confirmed',
  ete: 'yos.release_ete_confirmed',
  releaseDateSet: 'yos.release_date_set',
  probationTransfer: 'yos.probation_transfer_finalised',
  released: 'yos.released',
  reoffended: 'yos.reoffended',
  interventionEnded: 'yos.intervention_ended',
  closed: 'yos.case_closed',
  /** A note or correction: nothing recorded is changed; the note says what was wrong. */
  noteAdded: 'yos.note_added',
} as const;

export const yosEventTypes: readonly string[] = Object.values(yosEvent);

/**
 * Youth justice records are restricted to the service and those working with the child (issue 12):
 * every `yos.*` event and every `yos.*` standard. One test for both, used wherever a record is read.
 */
export const isYouthJusticeEvent = (type: string): boolean => type.startsWith('yos.');
export const isYouthJusticeRule = (ruleId: string): boolean => ruleId.startsWith('yos.');
export const youthJusticePrefix = 'yos.';

export const referralSources = [
  { value: 'police', text: 'Police (after an arrest or a voluntary interview)' },
  { value: 'court', text: 'A court' },
  { value: 'children_social_care', text: "Children's social care" },
  { value: 'school', text: 'A school or college' },
  { value: 'family', text: 'The child or their family' },
  { value: 'other', text: 'Another agency' },
] as const;

/** Out of court (early intervention and out-of-court disposals, standards 1-5) or court (statutory orders, standards 6-22). */
export const referralRoutes = [
  { value: 'out_of_court', text: 'Out of court: early intervention or an out-of-court disposal' },
  { value: 'court', text: 'Court: a charge, a pre-sentence report or a court order' },
] as const;

/**
 * Out-of-court disposals. A youth caution and a youth conditional caution are formal: they make a
 * child a first-time entrant to the youth justice system, as a conviction does; a community
 * resolution and an Outcome 22 (deferred prosecution) do not (the national first-time entrants measure).
 */
export const disposals = [
  { value: 'community_resolution', text: 'Community resolution', formal: false },
  { value: 'outcome_22', text: 'Outcome 22 (deferred prosecution or diversion)', formal: false },
  { value: 'youth_caution', text: 'Youth caution', formal: true },
  { value: 'youth_conditional_caution', text: 'Youth conditional caution', formal: true },
] as const;
export const disposalValues = ['community_resolution', 'outcome_22', 'youth_caution', 'youth_conditional_caution'] as const;
export type Disposal = (typeof disposalValues)[number];
export const formalDisposals: readonly Disposal[] = disposals.filter((d) => d.formal).map((d) => d.value);

export const orders = [
  { value: 'referral_order', text: 'Referral order' },
  { value: 'youth_rehabilitation_order', text: 'Youth rehabilitation order' },
  { value: 'detention_and_training_order', text: 'Detention and training order (custody)' },
  { value: 'other_order', text: 'Another court order' },
] as const;
export const orderValues = ['youth_rehabilitation_order', 'referral_order', 'detention_and_training_order', 'other_order'] as const;
export type Order = (typeof orderValues)[number];
/** The work an assessment or plan is for: out of court (early intervention included), or a court order. */
export type Work = 'out_of_court' | Order;
/** Custodial sentences: standards 17-22 are about a Detention and Training Order. */
export const custodialOrders: readonly Order[] = ['detention_and_training_order'];

export const courts = [
  { value: 'youth_court', text: 'Youth court' },
  { value: 'magistrates_court', text: "Magistrates' court" },
  { value: 'crown_court', text: 'Crown court' },
] as const;
export const courtValues = ['youth_court', 'magistrates_court', 'crown_court'] as const;

export const endReasons = [
  { value: 'completed', text: 'Completed: the intervention or order ran its course' },
  { value: 'revoked', text: 'Order revoked or discharged by the court' },
  { value: 'transferred', text: 'Transferred to another youth justice service or to the Probation Service' },
  { value: 'other', text: 'Another reason' },
] as const;

const labelsOf = (list: readonly { value: string; text: string }[]) => Object.fromEntries(list.map((c) => [c.value, c.text])) as Record<string, string>;

/** Each code's words, for the pages. */
export const youthJusticeLabels = {
  source: labelsOf(referralSources),
  route: labelsOf(referralRoutes),
  disposal: labelsOf(disposals),
  order: { ...labelsOf(orders), out_of_court: 'Out of court' } as Record<string, string>,
  court: labelsOf(courts),
  endReason: labelsOf(endReasons),
};

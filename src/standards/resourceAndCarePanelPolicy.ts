import { z } from 'zod';
import type { CatalogueFile } from './catalogueTypes';
import { rules } from './catalogueTypes';

/**
 * resource-and-care-panel-policy.txt: Resource and Care Panel Policy (revised August 2019). The
 * panel meets weekly; a child's record holds their referral to it, each time their case is
 * presented and the decision made then.
 */
const document = 'resource-and-care-panel-policy' as const;
const purpose = { document, section: 'Purpose of Resource and Care Panel' };
const principles = { document, section: 'Principles of this Policy' };
const timeAndVenue = { document, section: 'Time and Venue' };
const referral = { document, section: 'Referral Process to Panel' };
const outcomes = { document, section: 'Outcomes and Decision Making' };
const appendix = { document, section: 'Appendix A Referral and decision forms for resource and care panel' };

const passthrough = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

/** Why a case comes to panel: 1.1 a) to f) and 1.4 g) to i), and a review the panel asked for (1.20). */
export const panelReasons = [
  'care_needed',
  'continued_placement',
  'newly_looked_after',
  'provider_request',
  'support_package',
  'panel_request',
  'leaving_care_placement',
  'intentionally_homeless',
  'review',
] as const;

/** The decisions of I.19 a) to d), as the decision sheet ticks them. */
export const panelDecisions = ['approved', 'alternative_approved', 'deferred', 'declined'] as const;
const panelDate = (field: string) => z.iso.date({ error: `${field} must be a real date written YYYY-MM-DD` }).optional();

export const resourceAndCarePanelPolicy: CatalogueFile = {
  eventTypes: [
    // The referral (Appendix A, Part A), written and signed on the child's referral page (src/modules/panel/): worker, team manager, service manager (I.13).
    { type: 'panel.referral_made', title: 'Referral to the Resource and Care Panel written', recordedOn: 'panel-referral' },
    { type: 'panel.referral_changed', title: 'Referral to the Resource and Care Panel changed', after: [{ type: 'panel.referral_made' }], recordedOn: 'panel-referral' },
    { type: 'panel.referral_signed', title: 'Referral to the Resource and Care Panel signed', after: [{ type: 'panel.referral_made' }], recordedOn: 'panel-referral' },
    { type: 'panel.referral_withdrawn', title: 'Referral to the Resource and Care Panel withdrawn', after: [{ type: 'panel.referral_made' }], recordedOn: 'panel-referral' },
    // Ready to proceed: the service manager's sign-off sends it to the panel administrator (I.9, I.13).
    { type: 'panel.referral_submitted', title: 'Referral to the Resource and Care Panel submitted', recordedOn: 'panel-referral' },
    {
      type: 'panel.return_extended',
      title: 'Return to panel date extended by the chair',
      after: [{ type: 'panel.decision_made' }],
      permission: 'panel:chair',
      recordedOn: 'panel',
      // The chair's agreement to a later return (1.20): which decision, the new date and why.
      data: passthrough({ returnDate: panelDate('returnDate') }),
    },
    {
      type: 'panel.considered',
      recordedOn: 'panel',
      title: 'Case presented at the Resource and Care Panel',
      data: passthrough({
        reason: z.enum(panelReasons, { error: `reason must be one of ${panelReasons.join(', ')}` }).optional(),
      }),
    },
    {
      type: 'panel.decision_made',
      title: 'Resource and Care Panel decision recorded',
      // Only the chair signs decisions (issue 8), on the meeting's page.
      permission: 'panel:chair',
      recordedOn: 'panel',
      after: [{ type: 'panel.considered' }],
      // The decision sheet (Appendix A, Part B): what was decided, and the dates the panel set.
      data: passthrough({
        decision: z.enum(panelDecisions, { error: `decision must be one of ${panelDecisions.join(', ')}` }).optional(),
        deferredTo: panelDate('deferredTo'),
        returnDate: panelDate('returnDate'),
        returnFrequency: z.string({ error: 'returnFrequency must be text, like "every 3 months"' }).trim().max(100).optional(),
        // A decision is never changed: a correction is a new decision (`corrects` the old one's id) and replaces its dates.
        correction: z.boolean({ error: 'correction must be true or false' }).optional(),
      }),
    },
  ],
  rules: rules([
    {
      id: 'panel.newly-looked-after',
      kind: 'after',
      title: 'Child who became looked after discussed at the next weekly panel',
      citation: { ...purpose, paragraph: '1.1 c)' },
      quote: 'A child becomes looked after in the week since the last panel and will be discussed',
      notes:
        "The panel meets every week (1.5), so Hearth reads 'in the week since the last panel' as presented within 7 days of becoming looked after. Leaving care first cancels it.",
      responsible: 'social-worker',
      starts: [{ type: 'cic.started' }],
      satisfiedBy: [{ type: 'panel.considered' }],
      episode: 'in-care',
      within: { amount: 7, unit: 'days' },
    },
    {
      id: 'panel.leaving-care-placement',
      kind: 'before-birthday',
      title: 'External placement after 18 presented to panel after the last review and before the 18th birthday',
      citation: { ...principles, paragraph: '1.4 g)' },
      quote:
        "Agree and review external placements for young adults leaving our care including unaccompanied asylum seeking children. The request MUST be presented to the panel following the child's last looked after children's review and before his/her 18th birthday.",
      notes:
        "Opened by the last review before the 18th birthday of a young person whose plan is an external placement after 18 (the review's `data.lastBeforeEighteen` and `data.externalPlacementAfterEighteen`); met by a presentation for that reason (`data.reason` 'leaving_care_placement') after the review and by the day before the birthday.",
      responsible: 'social-worker',
      starts: [{ type: 'cic.review_held', where: { lastBeforeEighteen: true, externalPlacementAfterEighteen: true } }],
      satisfiedBy: [{ type: 'panel.considered', where: { reason: 'leaving_care_placement' } }],
      age: 18,
      ahead: { amount: 1, unit: 'days' },
    },
    {
      id: 'panel.referral-deadline',
      kind: 'before-event',
      title: 'Referral sent to the panel administrator 3 working days before the panel',
      citation: { ...referral, paragraph: 'I.9' },
      quote: "All referrals to panel are to be emailed no later than three working days before to the panel's administrator",
      notes:
        "Known once the case has been presented: the referral must be sent since the case's previous presentation and by the third working day before this one. Appendix A: 'referrals that are submitted late, incomplete, or unsigned may be rejected and deferred by the panel chair'.",
      responsible: 'social-worker',
      starts: [{ type: 'panel.considered' }],
      satisfiedBy: [{ type: 'panel.referral_submitted' }],
      ahead: { amount: 3, unit: 'working-days' },
    },
    {
      id: 'panel.decision-recorded',
      kind: 'after',
      title: "Panel decision recorded on the child's record the day of the panel",
      citation: { ...outcomes, paragraph: 'I.18' },
      quote:
        "The chair will confirm the decision and summarise the reasons for this at the end of each presentation, this will be recorded in an action log of each meeting and directly onto the child/young person's electronic case record.",
      notes: "'At the end of each presentation … directly onto the … case record' is read as the same London day as the presentation (0 days).",
      responsible: 'panel-chair',
      starts: [{ type: 'panel.considered' }],
      satisfiedBy: [{ type: 'panel.decision_made' }],
      within: { amount: 0, unit: 'days' },
    },
    {
      id: 'panel.deferred-request',
      kind: 'after',
      title: 'Deferred funding request back at panel on the date it was deferred to',
      citation: { ...outcomes, paragraph: 'I.19 c)' },
      quote:
        "Defer the funding request to another panel date (in cases where further assessment or information is needed, or where further agreements are required which are beyond the panel's remit – ie: joint funding arrangements with health and education services)",
      notes:
        "Due on the panel date the decision sheet gives ('Deferred to', `data.deferredTo`); met by the case being presented at panel again after the decision, on that date or before. A decision without a date opens nothing. A correction of the decision (`data.correction`) closes it: the corrected decision's own date counts instead.",
      responsible: 'social-worker',
      starts: [{ type: 'panel.decision_made' }],
      satisfiedBy: [{ type: 'panel.considered' }],
      // The deferred request itself, not another case of the child's presented meanwhile.
      correlate: 'referralId',
      cancelledBy: [{ type: 'panel.decision_made', where: { correction: true } }],
      within: { amount: 0, unit: 'days' },
      fromDateIn: 'deferredTo',
    },
    {
      id: 'panel.return-to-panel',
      kind: 'after',
      title: 'Case returned to panel for review by the date the panel set',
      citation: { ...outcomes, paragraph: '1.20' },
      quote:
        'The panel may further decide that any case where funding for a resource is approved be reviewed again by the panel, with a date and/or frequency specified. Failure to bring a presentation back to panel as requested may result in the funding for the resource being ended, unless otherwise agreed by the panel chair.',
      notes:
        "Due on the 'Return to panel' date of the decision sheet (Appendix A, Part B; `data.returnDate`); met by presenting the case at panel again by then. The social worker brings it back; the chair and minute taker see that it is (1.20). A frequency alone (`data.returnFrequency`) is kept with the decision but not counted: each review's decision should give the next date. The chair's extension (`panel.return_extended`) or a correction of the decision (`data.correction`, a new decision that replaces it) closes it.",
      responsible: 'social-worker',
      starts: [{ type: 'panel.decision_made' }],
      // A presentation of the case for review (the agenda's return), not another referral for the child at the same meeting.
      satisfiedBy: [{ type: 'panel.considered', where: { reason: 'review' } }],
      // The chair's extension replaces the date: this obligation closes and the next rule counts the new one.
      cancelledBy: [{ type: 'panel.return_extended' }, { type: 'panel.decision_made', where: { correction: true } }],
      within: { amount: 0, unit: 'days' },
      fromDateIn: 'returnDate',
    },
    {
      id: 'panel.return-to-panel-extended',
      kind: 'after',
      title: 'Case returned to panel by the date the chair extended the return to',
      citation: { ...outcomes, paragraph: '1.20' },
      quote: 'Failure to bring a presentation back to panel as requested may result in the funding for the resource being ended, unless otherwise agreed by the panel chair.',
      notes:
        "The chair's agreement to a later return (`panel.return_extended`, `data.returnDate`, with the reason) closes the return the decision sheet set and opens this one; met by presenting the case at panel again by the new date. A further extension replaces it in turn. An extension closes every return to panel open on the child's record: a child has one return outstanding at a time.",
      responsible: 'social-worker',
      starts: [{ type: 'panel.return_extended' }],
      satisfiedBy: [{ type: 'panel.considered', where: { reason: 'review' } }],
      cancelledBy: [{ type: 'panel.return_extended' }, { type: 'panel.decision_made', where: { correction: true } }],
      within: { amount: 0, unit: 'days' },
      fromDateIn: 'returnDate',
    },
  ]),
  notModelled: [
    {
      citation: { ...purpose, paragraph: '1.1 c)' },
      quote: 'The panel chair may decide to review the case each week until such time as they are satisfied that suitable support is being given to the child and their family',
      reason: "The chair decides case by case whether and for how long, so there is no timescale to count until the chair sets one: a weekly review is counted by the return date on each week's decision (panel.return-to-panel).",
    },
    {
      citation: { ...timeAndVenue, paragraph: '1.5' },
      quote: 'The panel will meet weekly on a Thursday at 2:00pm',
      reason: "The panel's own calendar, not an obligation on a person's record.",
    },
    {
      citation: { ...outcomes, paragraph: '1.20' },
      quote: 'reviewed again by the panel, with a date and/or frequency specified',
      reason:
        "A frequency without a date ('every 3 months'): the engine follows one recurring chain per episode and cannot take its interval from a decision's data. Hearth counts the return date (panel.return-to-panel); each review's decision gives the next one.",
    },
  ],
};

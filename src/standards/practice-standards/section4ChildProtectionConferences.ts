import type { CatalogueFile } from '../catalogueTypes';
import { rules } from '../catalogueTypes';

/** practice-standards.txt, Section 4: Child Protection Conferences (standards 1–34). */
const conferences = { document: 'practice-standards' as const, section: 'Section 4: Child Protection Conferences' };

export const section4Conferences: CatalogueFile = {
  eventTypes: [],
  rules: rules([
    {
      id: 'cp.icpc',
      kind: 'after',
      title: 'Initial child protection conference within 15 working days of the strategy discussion',
      citation: { ...conferences, paragraph: '1' },
      quote: 'The Initial Child Protection Conference (ICPC) should take place within 15 working days of the initiation of a Section 47 enquiry.',
      notes:
        "Counted from the strategy discussion that found the Section 47 threshold met, as Section 1 (Children with Disabilities 10: 'within 15 working days of the Strategy Discussion being held (as per Child Protection Conferences Standard 1)') and Working Together count it. Counting from the start of the enquiry instead is the rule cp.icpc-from-s47, off unless the authority chooses it. An enquiry that ends without recommending a conference cancels it.",
      responsible: 'cp-chair',
      starts: [{ type: 'strategy.discussion_held', where: { section47ThresholdMet: true } }],
      satisfiedBy: [{ type: 'cp.conference_held', where: { kind: 'initial' } }],
      cancelledBy: [{ type: 's47.completed', where: { outcome: ['child_in_need_plan', 'no_further_action'] } }],
      within: { amount: 15, unit: 'working-days' },
    },
    {
      id: 'cp.icpc-from-s47',
      kind: 'after',
      title: 'Initial child protection conference within 15 working days of the Section 47 enquiry starting',
      citation: { ...conferences, paragraph: '1' },
      quote: 'The Initial Child Protection Conference (ICPC) should take place within 15 working days of the initiation of a Section 47 enquiry.',
      notes: 'The same standard counted from the start of the enquiry, as its words say. Off by default: cp.icpc counts from the strategy discussion.',
      responsible: 'cp-chair',
      starts: [{ type: 's47.started' }],
      satisfiedBy: [{ type: 'cp.conference_held', where: { kind: 'initial' } }],
      cancelledBy: [{ type: 's47.completed', where: { outcome: ['child_in_need_plan', 'no_further_action'] } }],
      within: { amount: 15, unit: 'working-days' },
      enabled: false,
      alternativeTo: 'cp.icpc',
    },
    {
      id: 'cp.decision-circulated',
      kind: 'after',
      title: 'Conference decision circulated within 1 working day',
      citation: { ...conferences, paragraph: '11' },
      quote: 'The decision of Conference, and the plan including the category of abuse and details of the Core Group should be circulated to those invited to the conference within 1 working day.',
      responsible: 'cp-chair',
      starts: [{ type: 'cp.conference_held' }],
      satisfiedBy: [{ type: 'cp.decision_circulated' }],
      within: { amount: 1, unit: 'working-days' },
    },
    {
      id: 'cp.first-review-conference',
      kind: 'after',
      title: 'First review conference within 3 months (91 days) of the initial conference',
      citation: { ...conferences, paragraph: '14' },
      quote: 'The first Review Conference will be held within 3 months (91 actual days) of the Initial Conference.',
      responsible: 'cp-chair',
      starts: [{ type: 'cp.conference_held', where: { kind: 'initial', planMade: true } }],
      satisfiedBy: [{ type: 'cp.conference_held', where: { kind: 'review' } }],
      episode: 'cp-plan',
      within: { amount: 91, unit: 'days' },
    },
    {
      id: 'cp.review-conference',
      kind: 'recurring',
      title: 'Review conferences within 6 months (183 days) of the last',
      citation: { ...conferences, paragraph: '15' },
      quote: 'Subsequent Review Conferences will be held within 6 months (183 actual days) of the last Review Conference.',
      notes: 'From the first review conference of the plan, then from each one held.',
      responsible: 'cp-chair',
      starts: [{ type: 'cp.conference_held', where: { kind: 'review' } }],
      occurrence: 1,
      satisfiedBy: [{ type: 'cp.conference_held', where: { kind: 'review' } }],
      episode: 'cp-plan',
      every: { amount: 183, unit: 'days' },
    },
  ]),
};

import type { CatalogueFile } from '../catalogueTypes';
import { rules } from '../catalogueTypes';

/** practice-standards.txt, Section 4: Reviews for Children in Care, Short Breaks, Managing Allegations. */
const document = 'practice-standards' as const;
const reviews = { document, section: 'Section 4: Reviews for Children in Care' };
const allegations = { document, section: 'Section 4: Managing Allegations and the Role of the Local Authority Designated Officer' };

export const section4Reviews: CatalogueFile = {
  eventTypes: [],
  rules: rules([
    {
      id: 'cic.iro-appointed',
      kind: 'after',
      title: 'IRO appointed within 1 working day of the notification',
      citation: { ...reviews, paragraph: '37' },
      quote: 'All children in care will be appointed an IRO within 1 working day of the notification that a child has come into care.',
      responsible: 'iro',
      starts: [{ type: 'cic.notification_sent' }],
      occurrence: 1,
      satisfiedBy: [{ type: 'cic.iro_appointed' }],
      episode: 'in-care',
      within: { amount: 1, unit: 'working-days' },
    },
    {
      id: 'cic.health-assessment',
      kind: 'after',
      title: 'Health assessment within 28 days of coming into care',
      citation: { ...reviews, paragraph: '42' },
      quote: 'The Health Assessment will be completed within 28 days of the child coming into care.',
      responsible: 'social-worker',
      starts: [{ type: 'cic.started' }],
      satisfiedBy: [{ type: 'cic.health_assessment_completed' }],
      episode: 'in-care',
      within: { amount: 28, unit: 'days' },
    },
    {
      id: 'cic.first-review',
      kind: 'after',
      title: 'First child in care review within 20 working days of coming into care',
      citation: { ...reviews, paragraph: '43' },
      quote: 'The first review will take place within 20 working days of the date that the child coming into care.',
      responsible: 'iro',
      starts: [{ type: 'cic.started' }],
      satisfiedBy: [{ type: 'cic.review_held' }],
      episode: 'in-care',
      within: { amount: 20, unit: 'working-days' },
    },
    {
      id: 'cic.second-review',
      kind: 'after',
      title: 'Second review within 3 months (91 days) of the first',
      citation: { ...reviews, paragraph: '57' },
      quote: 'The Second Review will take place within 3 months (91 days) of the initial review.',
      responsible: 'iro',
      starts: [{ type: 'cic.review_held' }],
      occurrence: 1,
      satisfiedBy: [{ type: 'cic.review_held' }],
      episode: 'in-care',
      within: { amount: 91, unit: 'days' },
    },
    {
      id: 'lado.strategy-meeting',
      kind: 'after',
      title: 'Allegations strategy meeting within 2 working days of receipt',
      citation: { ...allegations, paragraph: '83' },
      quote: 'An allegations strategy meeting will be held within 2 working days of receipt of the allegation.',
      notes: "Child-led strategy meetings, within 1 working day, are the rule lado.child-led-strategy-meeting.",
      responsible: 'lado',
      starts: [{ type: 'lado.allegation_received' }],
      satisfiedBy: [{ type: 'lado.strategy_meeting_held' }],
      episode: 'allegation',
      within: { amount: 2, unit: 'working-days' },
    },
  ]),
};

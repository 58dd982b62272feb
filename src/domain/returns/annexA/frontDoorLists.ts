import { contactSourceOf, yesNo } from './annexAWords';
import { allocationCells, allocationHeadings, childCells, childHeadings, ddmmyyyy, inRange, overlapsRange, withinTwelveMonthsOf, type ListDefinition } from './childView';
import { contactsOf, earlyHelpEpisodesOf, referralsOf } from './frontDoorFolds';

/** List 1: every contact received in the range, whatever was decided about it. */
export const contactsList: ListDefinition = {
  number: 1,
  title: 'Contacts',
  headings: [...childHeadings, 'Date of Contact', 'Contact Source'],
  rows: (view) => contactsOf(view).filter((c) => inRange(c.on, view.range)).map((c) => [...childCells(view), ddmmyyyy(c.on), contactSourceOf(c.event.data)]),
};

/**
 * List 2: Early Help Assessments under way at any time in the range. Hearth records when the
 * Early Help worker was allocated (who then starts the assessment) and when the assessment was
 * completed, not a separate start: the start is the allocation, or the day Early Help received
 * the child when no allocation is recorded. The organisation is the one recorded with the
 * allocation or assessment if any, else the authority's Early Help service (or children's social
 * care, for a case co-worked with a social worker who leads it).
 */
export const earlyHelpList: ListDefinition = {
  number: 2,
  title: 'Early help',
  headings: [...childHeadings, 'Assessment start date', 'Assessment completion date', 'Organisation completing assessment'],
  rows: (view) =>
    earlyHelpEpisodesOf(view)
      .map((episode) => ({ episode, start: episode.allocated ?? episode.received, end: episode.assessmentCompleted ?? episode.closed }))
      .filter(({ start, end }) => overlapsRange(start, end, view.range))
      .map(({ episode, start }) => [
        ...childCells(view),
        ddmmyyyy(start),
        ddmmyyyy(episode.assessmentCompleted),
        episode.organisation ?? (episode.leadProfessional === 'social_care' ? "Children's social care" : 'Early Help service'),
      ]),
};

/** Statutory work after a referral: any of it means the referral was not closed with no further action. */
const statutoryWork: ReadonlySet<string> = new Set(['assessment.allocated', 'assessment.completed', 'strategy.discussion_held', 's47.started', 'cin.plan_started', 'cp.conference_held', 'cic.started']);

/**
 * List 3: referrals received in the range. "Referral NFA" is yes when the case was closed after
 * the referral with no assessment, enquiry or plan begun (the CIN census ReferralNFA). The number
 * of referrals in the last 12 months counts this one and those in the 12 months before it.
 */
export const referralsList: ListDefinition = {
  number: 3,
  title: 'Referrals',
  headings: [...childHeadings, 'Date of referral', 'Referral Source', 'Referral NFA?', 'Number of Referrals in Last 12 Months', ...allocationHeadings],
  rows: (view) => {
    const referrals = referralsOf(view);
    return referrals
      .filter((r) => inRange(r.on, view.range))
      .map((referral) => {
        const next = referrals.find((r) => r.event.id !== referral.event.id && r.on >= referral.on && view.events.indexOf(r.event) > view.events.indexOf(referral.event));
        const after = view.events.slice(view.events.indexOf(referral.event) + 1, next ? view.events.indexOf(next.event) : undefined);
        const closure = after.findIndex((e) => e.type === 'closure.completed');
        const nfa = closure >= 0 && !after.slice(0, closure).some((e) => statutoryWork.has(e.type));
        return [
          ...childCells(view),
          ddmmyyyy(referral.on),
          contactSourceOf(referral.event.data),
          yesNo(nfa),
          String(referrals.filter((r) => withinTwelveMonthsOf(r.on, referral.on)).length),
          ...allocationCells(view),
        ];
      });
  },
};

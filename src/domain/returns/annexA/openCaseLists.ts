import { addMonths } from '../../calendar/localDate';
import { caseStatuses, categoryOf, closureReasonOf, primaryNeedOf, yesNo, yesNoUnknown } from './annexAWords';
import { carePeriodsOf } from './careFolds';
import { allocationCells, allocationHeadings, childCells, childHeadings, ddmmyyyy, disabilityCell, disabilityHeading, latest, overlapsRange, type ChildView, type ListDefinition } from './childView';
import { assessmentsOf, childInNeedEpisodesOf, childInNeedPlansOf, childProtectionPlansOf, latestPrimaryNeed, openOn, type ChildInNeedEpisode } from './socialCareFolds';

/** Times a worker saw the child: visits under each plan, the assessment's and the enquiry's. */
const childSeen = ['cin.visit', 'cp.visit', 'cic.visit', 'assessment.child_seen', 's47.child_visited'];

/** What the child's open case is, as at the day read: the most intensive plan first, as the template's case status ranks them. */
function caseStatus(view: ChildView, episode: ChildInNeedEpisode): string {
  if (episode.end !== null) return caseStatuses.closed;
  const on = view.asAt;
  if (openOn(carePeriodsOf(view), on)) return caseStatuses.lookedAfter;
  if (openOn(childProtectionPlansOf(view), on)) return caseStatuses.childProtection;
  if (openOn(childInNeedPlansOf(view), on)) return caseStatuses.childInNeed;
  if (assessmentsOf(view).some((a) => a.completed === null)) return caseStatuses.openAssessment;
  // Open for a section 47 enquiry or a referral not yet assessed: none of the template's statuses fits, so it is left blank.
  return '';
}

/**
 * List 6: children in need — every episode of need open at any time in the range, from the
 * referral to the case's closure, as the CIN census counts them (children on child protection
 * plans and in care included). The primary need is the one chosen at the episode's latest signed
 * off assessment; the reason for closure is the one chosen when the case was closed.
 */
export const childrenInNeedList: ListDefinition = {
  number: 6,
  title: 'Children in need',
  headings: [...childHeadings, disabilityHeading, 'CIN Start Date', 'Primary Need Code', 'Date Child Was Last Seen', 'CIN Closure Date', 'Reason for Closure', 'Case Status', ...allocationHeadings],
  rows: (view) =>
    childInNeedEpisodesOf(view)
      .filter((episode) => overlapsRange(episode.start, episode.end, view.range))
      .map((episode) => {
        const upTo = episode.end ?? view.asAt;
        return [
          ...childCells(view),
          disabilityCell(view),
          ddmmyyyy(episode.start),
          primaryNeedOf(latestPrimaryNeed(view, episode.start, upTo)),
          ddmmyyyy(latest(view, childSeen, episode.start, upTo)?.on),
          ddmmyyyy(episode.end),
          closureReasonOf(episode.closureReason),
          caseStatus(view, episode),
          ...allocationCells(view),
        ];
      }),
};

/** Emergency protection order (L2) and police protection (L1): the SSDA903 legal statuses. */
const emergencyStatuses: ReadonlySet<string> = new Set(['L1', 'L2']);

/**
 * List 7: child protection plans open at any time in the range. The last statutory visit is the
 * plan's latest child protection visit, with whether the child was seen alone then (not asked on
 * older or imported visits: unknown). Previous plans are the child's plans that began before this one.
 */
export const childProtectionList: ListDefinition = {
  number: 7,
  title: 'Child protection',
  headings: [
    ...childHeadings,
    disabilityHeading,
    'Child Protection Plan Start Date',
    'Initial Category of Abuse',
    'Latest Category of Abuse',
    'Date of the Last Statutory Visit',
    'Was the Child Seen Alone?',
    'Date of latest review conference',
    'Child Protection Plan End Date',
    'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
    'Number of Previous Child Protection Plans',
    ...allocationHeadings,
  ],
  rows: (view) => {
    const sixMonthsBefore = addMonths(view.asAt, -6);
    const emergency = carePeriodsOf(view).some((p) => p.statuses.some((s) => emergencyStatuses.has(s.code) && s.from <= view.asAt && (s.to === null || s.to > sixMonthsBefore)));
    const plans = childProtectionPlansOf(view);
    return plans
      .map((plan, index) => ({ plan, previous: index }))
      .filter(({ plan }) => overlapsRange(plan.start, plan.end, view.range))
      .map(({ plan, previous }) => [
        ...childCells(view),
        disabilityCell(view),
        ddmmyyyy(plan.start),
        categoryOf(plan.initialCategory),
        categoryOf(plan.latestCategory),
        ddmmyyyy(plan.lastVisit?.on),
        plan.lastVisit ? yesNoUnknown(plan.lastVisit.seenAlone) : '',
        ddmmyyyy(plan.latestReview),
        ddmmyyyy(plan.end),
        yesNo(emergency),
        String(previous),
        ...allocationCells(view),
      ]);
  },
};

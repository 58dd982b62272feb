import { birthday } from '../../standards/due';
import { addMonths, ageOn, londonDate } from '../../calendar/localDate';
import { careLeaverFactsOf, careLeaverStatus, carePeriodsOf as leavingCarePeriodsOf } from '../../careLeaver/careLeaverStatus';
import { missingEpisodesOf } from '../../inCare/missingEpisodes';
import {
  accommodationOf,
  activityOf,
  careEndingOf,
  careLeaverStatusesListed,
  eligibilityOf,
  legalStatusOf,
  permanencePlanOf,
  placementProviderOf,
  placementTypeOf,
  primaryNeedOf,
  unknown,
  yes,
  yesNo,
} from './annexAWords';
import { carePeriodsOf, statusOn, type CarePeriod } from './careFolds';
import { allocationCells, allocationHeadings, childCells, childHeadings, ddmmyyyy, disabilityCell, disabilityHeading, latest, overlapsRange, withinTwelveMonthsOf, type ChildView, type ListDefinition } from './childView';
import { latestPrimaryNeed } from './socialCareFolds';

function placementCells(view: ChildView, period: CarePeriod, upTo: string): string[] {
  const placement = period.placements.filter((p) => p.from <= upTo).at(-1);
  if (!placement) return ['', '', '', '', ''];
  const provider = placement.providerId ? view.context.providers?.get(placement.providerId) : undefined;
  const placedForAdoption = period.placedForAdoption !== null && period.placedForAdoption >= placement.from && period.adoptionDisrupted === null;
  const placementOrder = statusOn(period, upTo)?.code === 'E1';
  return [
    ddmmyyyy(placement.from),
    placementTypeOf(placement.setting, placedForAdoption, placementOrder),
    placementProviderOf(placement.setting, provider?.kind ?? null),
    placement.postcode ?? provider?.postcode ?? '',
    provider?.urn ?? '',
  ];
}

function missingCells(view: ChildView): string[] {
  const episodes = missingEpisodesOf(view.events).map((m) => ({ ...m, on: londonDate(m.startedAt) }));
  const inYear = (kind: string) => String(episodes.filter((m) => m.kind === kind && withinTwelveMonthsOf(m.on, view.asAt)).length);
  const last = episodes.filter((m) => m.kind === 'missing').at(-1);
  // Hearth records the return home interview held, not an offer refused: with none recorded, whether one was offered is not known.
  const interview = !last || !last.endedAt ? '' : last.returnInterview ? yes : unknown;
  return [inYear('missing'), inYear('absent'), interview, interview];
}

/**
 * List 8: children in care — every period of care open at any time in the range, as it stood at
 * its end or at the day read. Left blank because Hearth does not record them: Placement Location
 * (in or out of the authority's area) and LA of Placement, which need the authority's boundary
 * and a postcode-to-authority lookup. UASC is the child's current flag on their details (Hearth
 * does not date it). The category of need is the primary need of the latest signed off assessment.
 */
export const childrenInCareList: ListDefinition = {
  number: 8,
  title: 'Children in care',
  headings: [
    ...childHeadings,
    'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
    disabilityHeading,
    'Date Started to be Looked After',
    "Child's Category of Need",
    'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
    'Start date of current legal status',
    "Child's Legal Status",
    'Date of Latest Statutory Review',
    'Date of Last Social Work Visit',
    'What is the permanence plan for this child?',
    'Date of Last IRO Visit / Contact to the Child',
    'Date of Last Health Assessment',
    'Date of Last Dental Check',
    'Number of Placements in the Last 12 months',
    'Date Ceased to be Looked After',
    'Reason Ceased to be Looked After',
    'Start Date of Most Recent Placement',
    'Placement Type',
    'Placement Provider',
    'Placement postcode',
    'URN of Placement',
    'Placement Location',
    'LA of Placement',
    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
    'Was the child offered a Return Interview after their last missing episode (Y/N)?',
    'Did the child accept a Return Interview after their last missing episode (Y/N)?',
    ...allocationHeadings,
  ],
  rows: (view) => {
    const periods = carePeriodsOf(view);
    // Placements the child was in at any time in the 12 months up to the day read.
    const yearBefore = addMonths(view.asAt, -12);
    const placementsInYear = periods.flatMap((p) => p.placements).filter((p) => p.to === null || p.to > yearBefore).length;
    return periods
      .map((period, index) => ({ period, before: periods[index - 1] }))
      .filter(({ period }) => overlapsRange(period.start, period.end, view.range))
      .map(({ period, before }) => {
        const upTo = period.end ?? view.asAt;
        const status = statusOn(period, upTo);
        const dental = view.events.filter((e) => e.type === 'cic.health_check_completed' && e.data.kind === 'dental' && e.on <= upTo).at(-1);
        return [
          ...childCells(view),
          yesNo(view.subject.details.uasc),
          disabilityCell(view),
          ddmmyyyy(period.start),
          primaryNeedOf(latestPrimaryNeed(view, null, upTo)),
          yesNo(before?.end != null && withinTwelveMonthsOf(before.end, period.start)),
          ddmmyyyy(status?.from),
          legalStatusOf(status?.code ?? null),
          ddmmyyyy(period.latestReview),
          ddmmyyyy(period.latestVisit),
          permanencePlanOf(period.permanencePlan),
          ddmmyyyy(period.latestIroContact),
          ddmmyyyy(latest(view, ['cic.health_assessment_completed'], null, upTo)?.on),
          ddmmyyyy(dental?.on),
          String(placementsInYear),
          ddmmyyyy(period.end),
          careEndingOf(period.endReason),
          ...placementCells(view, period, upTo),
          // Placement Location and LA of Placement: not recorded (see above).
          '',
          '',
          ...missingCells(view),
          ...allocationCells(view),
        ];
      });
  },
};

/**
 * The days a care leaver's status can change within the range: its first day, the day read, and
 * the birthdays and days care began or ended between (src/domain/careLeaver/careLeaverStatus.ts).
 */
function statusesInRange(view: ChildView, dateOfBirth: string): string[] {
  const periods = leavingCarePeriodsOf(view.events);
  const facts = careLeaverFactsOf(view.events);
  const days = new Set([view.range.from, view.asAt]);
  for (let age = 14; age <= 25; age++) days.add(birthday(dateOfBirth, age));
  for (const p of periods) {
    days.add(p.from);
    if (p.to) days.add(p.to);
  }
  return [...days]
    .filter((d) => d >= view.range.from && d <= view.asAt)
    .sort()
    .map((on) => careLeaverStatus(dateOfBirth, periods, facts, on).status)
    .filter((s) => careLeaverStatusesListed.has(s));
}

/**
 * List 9: care leavers — young people who were eligible, relevant, former relevant or qualifying
 * at any time in the range (practice-standards.txt, Section 3: Care Leavers, "Definition of a care
 * leaver"), with the category they were last in. In touch, accommodation and activity come from
 * the latest update of their circumstances; Hearth records in touch as yes or no only (not died,
 * refused or no longer required).
 */
export const careLeaversList: ListDefinition = {
  number: 9,
  title: 'Care leavers',
  headings: [
    ...childHeadings,
    'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
    disabilityHeading,
    ...allocationHeadings,
    'Allocated Personal Advisor',
    'Eligibility Category',
    'Latest Pathway Plan Review Date',
    'LA in Touch',
    'Latest Date of Contact',
    'Type of Accommodation',
    'Suitability of Accommodation',
    'Activity Status',
  ],
  rows: (view) => {
    const dob = view.subject.details.dateOfBirth;
    // Only someone looked after, and 16 to 24 at some time in the range, can be a care leaver in it.
    if (!dob || ageOn(dob, view.asAt) < 16 || ageOn(dob, view.range.from) >= 25 || !view.events.some((e) => e.type === 'cic.started')) return [];
    const statuses = statusesInRange(view, dob);
    if (statuses.length === 0) return [];
    const pa = latest(view, ['care_leaver.pa_allocated']);
    const paName = pa ? ((typeof pa.data.paId === 'string' && view.context.workerName(pa.data.paId)) || (typeof pa.data.pa === 'string' ? pa.data.pa : '')) : '';
    const update = latest(view, ['care_leaver.circumstances_updated']);
    const d = update?.data ?? {};
    return [
      [
        ...childCells(view),
        yesNo(view.subject.details.uasc),
        disabilityCell(view),
        ...allocationCells(view),
        paName,
        eligibilityOf(statuses.at(-1)!),
        ddmmyyyy(latest(view, ['care_leaver.pathway_plan_completed'])?.on),
        typeof d.inTouch === 'boolean' ? yesNo(d.inTouch) : '',
        ddmmyyyy(latest(view, ['care_leaver.contact'])?.on),
        accommodationOf(d.accommodation),
        typeof d.suitable === 'boolean' ? (d.suitable ? 'a) Suitable' : 'b) Unsuitable') : '',
        activityOf(d.activity),
      ],
    ];
  },
};

/**
 * CIN census rules on the ChildProtectionPlans and Reviews modules: each child protection plan,
 * its categories of abuse and its review conferences
 * (../shared/returns-reference/cin-census/rules.csv). A failure's `at` is the plan's start date,
 * or the review's date for a review rule.
 */
import type { CinChild, CinChildProtectionPlan, CinDetails } from '../cinCensusTypes';
import { categoryOfAbuseCodes } from './codes';
import type { CinRule } from './cinRuleContext';
import { cinRule, fallsWithin, type Finding, hasText, isDate, withinYear } from './cinRuleKit';

const none: Finding[] = [];

function eachPlan(child: CinChild, fails: (p: CinChildProtectionPlan, d: CinDetails) => boolean, fields: string[]): Finding[] {
  const found: Finding[] = [];
  for (const d of child.CINdetails) {
    for (const p of d.ChildProtectionPlans) if (fails(p, d)) found.push({ fields, at: p.CPPstartDate ?? d.CINreferralDate });
  }
  return found;
}

const allPlans = (child: CinChild) => child.CINdetails.flatMap((d) => d.ChildProtectionPlans);

// cin-census/rules.csv 1105
const planBeforeReferral = cinRule({
  code: '1105',
  message: 'The child protection plan start date cannot be before the referral date',
  fix: 'Check the start date of the child protection plan (the day of the initial conference): it is before the contact that began the episode',
  find: (child) =>
    eachPlan(child, (p, d) => isDate(p.CPPstartDate) && isDate(d.CINreferralDate) && p.CPPstartDate < d.CINreferralDate, [
      'CPPstartDate',
      'CINreferralDate',
    ]),
});

// cin-census/rules.csv 2885: a plan starting in the year starts on the day of an initial conference in its episode.
const planNotOnConferenceDay = cinRule({
  code: '2885',
  message: 'Child protection plan shown as starting a different day to the initial child protection conference.',
  fix: 'A child protection plan starts on the day of the initial conference that decided it: check the plan’s start date and the conference date',
  find: (child, ctx) =>
    eachPlan(
      child,
      (p, d) => {
        if (!isDate(p.CPPstartDate) || !withinYear(p.CPPstartDate, ctx)) return false;
        const conferences = [d.DateOfInitialCPC, ...d.Section47.map((s) => s.DateOfInitialCPC)].filter(isDate);
        return !conferences.includes(p.CPPstartDate);
      },
      ['CPPstartDate', 'DateOfInitialCPC'],
    ),
});

// cin-census/rules.csv 8720
const planStartMissing = cinRule({
  code: '8720',
  message: 'Child Protection Plan Start Date missing or out of data collection period',
  fix: 'Record the date the child protection plan started (the day of the initial conference): it must be on or before the end of the census year',
  find: (child, ctx) => eachPlan(child, (p) => !isDate(p.CPPstartDate) || p.CPPstartDate > ctx.period.end, ['CPPstartDate']),
});

// cin-census/rules.csv 8730
const previousPlansMissing = cinRule({
  code: '8730',
  message: 'Total Number of previous Child Protection Plans missing',
  fix: "Hearth counts the child's earlier child protection plans from their record: check that earlier plans (including imported ones) have their dates",
  find: (child) =>
    eachPlan(child, (p) => p.NumberOfPreviousCPP === null || !Number.isInteger(p.NumberOfPreviousCPP) || p.NumberOfPreviousCPP < 0, [
      'NumberOfPreviousCPP',
    ]),
});

// cin-census/rules.csv 8832
const planAfterNfa = cinRule({
  code: '8832',
  message: 'Child Protection details provided for a referral with no further action.',
  fix: 'The referral is recorded as ‘no further action’ but a child protection plan followed: check the threshold decision on the contact',
  find: (child) => eachPlan(child, (_p, d) => d.ReferralNFA === true, ['ReferralNFA', 'CPPstartDate']),
});

// cin-census/rules.csv 8840
const planStartsAndEndsSameDay = cinRule({
  code: '8840',
  message: 'Child Protection Plan cannot start and end on the same day',
  fix: 'A child protection plan cannot end on the day it started: check the date the plan ended',
  find: (child) => eachPlan(child, (p) => isDate(p.CPPstartDate) && p.CPPstartDate === p.CPPendDate, ['CPPstartDate', 'CPPendDate']),
});

// cin-census/rules.csv 8841
const reviewOnOrBeforeStart = cinRule({
  code: '8841',
  message: 'The review date cannot be on the same day or before the Child protection Plan start date.',
  fix: 'Check the date of the review conference: it is on or before the day the plan started',
  find: (child) =>
    allPlans(child).flatMap((p) =>
      isDate(p.CPPstartDate)
        ? p.Reviews.filter((r) => isDate(r) && r <= p.CPPstartDate!).map((r) => ({ fields: ['CPPstartDate', 'CPPreviewDate'], at: r }))
        : [],
    ),
});

// cin-census/rules.csv 8842Q
const reviewDateMissing = cinRule({
  code: '8842Q',
  message: 'Please check and either amend or provide a reason: Review Record has a missing date',
  fix: 'Record the date of the review conference',
  find: (child) =>
    eachPlan(child, (p) => p.Reviews.some((r) => !isDate(r)), ['CPPreviewDate']),
});

// cin-census/rules.csv 8905
const initialCategoryMissing = cinRule({
  code: '8905',
  message: 'Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
  fix: 'Record the category of abuse decided at the initial child protection conference',
  find: (child) =>
    eachPlan(child, (p) => !(hasText(p.InitialCategoryOfAbuse) && categoryOfAbuseCodes.has(p.InitialCategoryOfAbuse)), [
      'InitialCategoryOfAbuse',
    ]),
});

// cin-census/rules.csv 8910
const latestCategoryMissing = cinRule({
  code: '8910',
  message: 'Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)',
  fix: 'Record the category of abuse at the latest child protection conference',
  find: (child) =>
    eachPlan(child, (p) => !(hasText(p.LatestCategoryOfAbuse) && categoryOfAbuseCodes.has(p.LatestCategoryOfAbuse)), [
      'LatestCategoryOfAbuse',
    ]),
});

// cin-census/rules.csv 8915
const planStartsAfterDeath = cinRule({
  code: '8915',
  message: 'Child Protection Plan shown as starting after the child’s Date of Death',
  fix: 'Check the start date of the child protection plan against the date the child died',
  find: (child) => {
    const died = child.ChildIdentifiers.PersonDeathDate;
    return isDate(died) ? eachPlan(child, (p) => isDate(p.CPPstartDate) && p.CPPstartDate > died, ['CPPstartDate', 'PersonDeathDate']) : none;
  },
});

// cin-census/rules.csv 8920
const planEndsAfterDeath = cinRule({
  code: '8920',
  message: 'Child Protection Plan cannot end after the child’s Date of Death',
  fix: 'Check the date the child protection plan ended against the date the child died',
  find: (child) => {
    const died = child.ChildIdentifiers.PersonDeathDate;
    return isDate(died) ? eachPlan(child, (p) => isDate(p.CPPendDate) && p.CPPendDate > died, ['CPPendDate', 'PersonDeathDate']) : none;
  },
});

// cin-census/rules.csv 8925
const planEndsBeforeStart = cinRule({
  code: '8925',
  message: 'Child Protection Plan End Date earlier than Start Date',
  fix: 'Check the start and end dates of the child protection plan',
  find: (child) =>
    eachPlan(child, (p) => isDate(p.CPPstartDate) && isDate(p.CPPendDate) && p.CPPendDate < p.CPPstartDate, ['CPPstartDate', 'CPPendDate']),
});

// cin-census/rules.csv 8930
const planEndOutsideYear = cinRule({
  code: '8930',
  message: 'Child Protection Plan End Date must fall within the census year',
  fix: 'Check the date the child protection plan ended: it must fall within the census year',
  find: (child, ctx) => eachPlan(child, (p) => isDate(p.CPPendDate) && !withinYear(p.CPPendDate, ctx), ['CPPendDate']),
});

// cin-census/rules.csv 8935: across all the child's episodes.
const moreThanOneOpenPlan = cinRule({
  code: '8935',
  message: 'This child is showing more than one open Child Protection plan, i.e. with no End Date',
  fix: 'Only one child protection plan can be open: end the earlier plan on the child protection conference page',
  find: (child) => {
    const open = allPlans(child).filter((p) => !isDate(p.CPPendDate));
    return open.length > 1 ? open.map((p) => ({ fields: ['CPPendDate'], at: p.CPPstartDate })) : none;
  },
});

// cin-census/rules.csv 8940: no plan may start on or between another plan's start and end (or while it is open).
const overlappingPlans = cinRule({
  code: '8940',
  message: 'Child Protection Plan data contains overlapping dates',
  fix: 'Two child protection plans overlap: check their start and end dates',
  find: (child, ctx) => {
    const plans = allPlans(child);
    return plans
      .filter(
        (p) =>
          isDate(p.CPPstartDate) &&
          plans.some((other) => other !== p && fallsWithin(p.CPPstartDate!, { start: other.CPPstartDate, end: other.CPPendDate }, ctx, true)),
      )
      .map((p) => ({ fields: ['CPPstartDate', 'CPPendDate'], at: p.CPPstartDate }));
  },
});

/**
 * cin-census/rules.csv 4003: within an episode, no review conference while a child in need plan is
 * open, except the review that ends the protection plan (the child steps down to a CIN plan that day).
 */
const reviewDuringCinPlan = cinRule({
  code: '4003',
  message: 'A CPP review date is shown as being held at the same time as an open CIN Plan.',
  fix: 'A review conference is recorded while a child in need plan was open: end the child in need plan when the child protection plan starts, or check the dates',
  find: (child, ctx) => {
    const found: Finding[] = [];
    for (const d of child.CINdetails) {
      for (const p of d.ChildProtectionPlans) {
        for (const review of p.Reviews) {
          if (!isDate(review) || review === p.CPPendDate) continue;
          const during = d.CINPlanDates.some((plan) => fallsWithin(review, { start: plan.CINPlanStartDate, end: plan.CINPlanEndDate }, ctx, false));
          if (during) found.push({ fields: ['CPPreviewDate', 'CINPlanStartDate', 'CINPlanEndDate'], at: review });
        }
      }
    }
    return found;
  },
});

export const childProtectionPlanRules: readonly CinRule[] = [
  planBeforeReferral,
  planNotOnConferenceDay,
  planStartMissing,
  previousPlansMissing,
  planAfterNfa,
  planStartsAndEndsSameDay,
  reviewOnOrBeforeStart,
  reviewDateMissing,
  initialCategoryMissing,
  latestCategoryMissing,
  planStartsAfterDeath,
  planEndsAfterDeath,
  planEndsBeforeStart,
  planEndOutsideYear,
  moreThanOneOpenPlan,
  overlappingPlans,
  reviewDuringCinPlan,
];

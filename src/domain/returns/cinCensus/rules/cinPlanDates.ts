/**
 * CIN census rules on the CINplanDates module: each child in need plan, on its own and against the
 * child protection plans (../shared/returns-reference/cin-census/rules.csv; 4008 and 4009Q sit in
 * the ChildIdentifiers module there but are about plans). A failure's `at` is the plan's start.
 */
import type { CinChild, CinDetails, CinPlanDates } from '../cinCensusTypes';
import type { CinRule } from './cinRuleContext';
import { cinRule, fallsWithin, type Finding, isDate, withinYear } from './cinRuleKit';

const none: Finding[] = [];

function eachPlan(child: CinChild, fails: (p: CinPlanDates, d: CinDetails) => boolean, fields: string[]): Finding[] {
  const found: Finding[] = [];
  for (const d of child.CINdetails) {
    for (const p of d.CINPlanDates) if (fails(p, d)) found.push({ fields, at: p.CINPlanStartDate ?? d.CINreferralDate });
  }
  return found;
}

// cin-census/rules.csv 4000
const planAfterNfa = cinRule({
  code: '4000',
  message: 'CIN Plan details provided for a referral with no further action',
  fix: 'The referral is recorded as ‘no further action’ but a child in need plan followed: check the threshold decision on the contact',
  find: (child) => eachPlan(child, (_p, d) => d.ReferralNFA === true, ['ReferralNFA', 'CINPlanStartDate']),
});

// cin-census/rules.csv 4001: within an episode, an open protection plan and an open CIN plan together.
const openWithOpenProtectionPlan = cinRule({
  code: '4001',
  message: 'A CIN Plan cannot run concurrently with a Child Protection Plan',
  fix: 'A child in need plan and a child protection plan are both open: end the child in need plan when the child protection plan starts',
  find: (child) =>
    eachPlan(
      child,
      (p, d) => !isDate(p.CINPlanEndDate) && d.ChildProtectionPlans.some((cpp) => !isDate(cpp.CPPendDate)),
      ['CINPlanEndDate', 'CPPendDate'],
    ),
});

// cin-census/rules.csv 4004
const moreThanOneOpenPlan = cinRule({
  code: '4004',
  message: 'This child is showing more than one open CIN Plan, i.e. with no End Date',
  fix: 'Only one child in need plan can be open: end the earlier plan',
  find: (child) =>
    child.CINdetails.flatMap((d) => {
      const open = d.CINPlanDates.filter((p) => !isDate(p.CINPlanEndDate));
      return open.length > 1 ? open.map((p) => ({ fields: ['CINPlanEndDate'], at: p.CINPlanStartDate ?? d.CINreferralDate })) : [];
    }),
});

// cin-census/rules.csv 4008
const planStartsAfterDeath = cinRule({
  code: '4008',
  message: 'CIN Plan shown as starting after the child’s Date of Death.',
  fix: 'Check the start date of the child in need plan against the date the child died',
  find: (child) => {
    const died = child.ChildIdentifiers.PersonDeathDate;
    return isDate(died) ? eachPlan(child, (p) => isDate(p.CINPlanStartDate) && p.CINPlanStartDate > died, ['CINPlanStartDate', 'PersonDeathDate']) : none;
  },
});

// cin-census/rules.csv 4009Q
const planEndsAfterDeath = cinRule({
  code: '4009Q',
  message: 'CIN Plan cannot end after the child’s Date of Death',
  fix: 'Check the date the child in need plan ended against the date the child died',
  find: (child) => {
    const died = child.ChildIdentifiers.PersonDeathDate;
    return isDate(died) ? eachPlan(child, (p) => isDate(p.CINPlanEndDate) && p.CINPlanEndDate > died, ['CINPlanEndDate', 'PersonDeathDate']) : none;
  },
});

// cin-census/rules.csv 4010
const planStartMissing = cinRule({
  code: '4010',
  message: 'CIN Plan start date is missing or out of data collection period',
  fix: 'Record the date the child in need plan started: it must be on or before the end of the census year',
  find: (child, ctx) => eachPlan(child, (p) => !isDate(p.CINPlanStartDate) || p.CINPlanStartDate > ctx.period.end, ['CINPlanStartDate']),
});

// cin-census/rules.csv 4011
const planEndsBeforeStart = cinRule({
  code: '4011',
  message: 'CIN Plan End Date earlier than Start Date',
  fix: 'Check the start and end dates of the child in need plan',
  find: (child) =>
    eachPlan(child, (p) => isDate(p.CINPlanStartDate) && isDate(p.CINPlanEndDate) && p.CINPlanEndDate < p.CINPlanStartDate, [
      'CINPlanStartDate',
      'CINPlanEndDate',
    ]),
});

// cin-census/rules.csv 4012Q
const planStartsAndEndsSameDay = cinRule({
  code: '4012Q',
  message: 'Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day',
  fix: 'The child in need plan ended on the day it started: check the date it ended',
  find: (child) => eachPlan(child, (p) => isDate(p.CINPlanStartDate) && p.CINPlanStartDate === p.CINPlanEndDate, ['CINPlanStartDate', 'CINPlanEndDate']),
});

// cin-census/rules.csv 4013
const planEndOutsideYear = cinRule({
  code: '4013',
  message: 'CIN Plan end date must fall within the census year',
  fix: 'Check the date the child in need plan ended: it must fall within the census year',
  find: (child, ctx) => eachPlan(child, (p) => isDate(p.CINPlanEndDate) && !withinYear(p.CINPlanEndDate, ctx), ['CINPlanEndDate']),
});

// cin-census/rules.csv 4014: no CIN plan may start on or between another's start and end (or while it is open).
const overlappingPlans = cinRule({
  code: '4014',
  message: 'CIN Plan data contains overlapping dates',
  fix: 'Two child in need plans overlap: check their start and end dates',
  find: (child, ctx) => {
    const plans = child.CINdetails.flatMap((d) => d.CINPlanDates);
    return plans
      .filter(
        (p) =>
          isDate(p.CINPlanStartDate) &&
          plans.some((other) => other !== p && fallsWithin(p.CINPlanStartDate!, { start: other.CINPlanStartDate, end: other.CINPlanEndDate }, ctx, true)),
      )
      .map((p) => ({ fields: ['CINPlanStartDate', 'CINPlanEndDate'], at: p.CINPlanStartDate }));
  },
});

// cin-census/rules.csv 4015
const planBeforeReferral = cinRule({
  code: '4015',
  message: 'The CIN Plan start date cannot be before the referral date',
  fix: 'Check the start date of the child in need plan: it is before the contact that began the episode',
  find: (child) =>
    eachPlan(child, (p, d) => isDate(p.CINPlanStartDate) && isDate(d.CINreferralDate) && p.CINPlanStartDate < d.CINreferralDate, [
      'CINPlanStartDate',
      'CINreferralDate',
    ]),
});

/**
 * cin-census/rules.csv 4016: a CIN plan may not start while a child protection plan runs; it may
 * start on the day that plan ends (the step down).
 */
const startsDuringProtectionPlan = cinRule({
  code: '4016',
  message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
  fix: 'A child in need plan starts while a child protection plan is open: start it on the day the child protection plan ends',
  find: (child, ctx) => {
    const protection = child.CINdetails.flatMap((d) => d.ChildProtectionPlans);
    return eachPlan(
      child,
      (p) =>
        isDate(p.CINPlanStartDate) &&
        protection.some((cpp) => fallsWithin(p.CINPlanStartDate!, { start: cpp.CPPstartDate, end: cpp.CPPendDate }, ctx, false)),
      ['CINPlanStartDate', 'CPPstartDate', 'CPPendDate'],
    );
  },
});

/**
 * cin-census/rules.csv 4017: a child protection plan may not start while a CIN plan runs; the CIN
 * plan ends on the day the protection plan starts.
 */
const protectionPlanStartsDuringPlan = cinRule({
  code: '4017',
  message: 'A CIN Plan has been reported as open at the same time as a Child Protection Plan.',
  fix: 'A child protection plan starts while a child in need plan is open: end the child in need plan on the day of the initial conference',
  find: (child, ctx) => {
    const cinPlans = child.CINdetails.flatMap((d) => d.CINPlanDates);
    const found: Finding[] = [];
    for (const d of child.CINdetails) {
      for (const cpp of d.ChildProtectionPlans) {
        const start = cpp.CPPstartDate;
        if (!isDate(start)) continue;
        if (cinPlans.some((p) => fallsWithin(start, { start: p.CINPlanStartDate, end: p.CINPlanEndDate }, ctx, false))) {
          found.push({ fields: ['CPPstartDate', 'CINPlanStartDate', 'CINPlanEndDate'], at: start });
        }
      }
    }
    return found;
  },
});

export const cinPlanRules: readonly CinRule[] = [
  planAfterNfa,
  openWithOpenProtectionPlan,
  moreThanOneOpenPlan,
  planStartsAfterDeath,
  planEndsAfterDeath,
  planStartMissing,
  planEndsBeforeStart,
  planStartsAndEndsSameDay,
  planEndOutsideYear,
  overlappingPlans,
  planBeforeReferral,
  startsDuringProtectionPlan,
  protectionPlanStartsDuringPlan,
];

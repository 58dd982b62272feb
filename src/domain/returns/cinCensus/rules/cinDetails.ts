/**
 * CIN census rules on the CINdetails module: each episode of need, from the referral (the contact
 * and its threshold decision) to the closure (../shared/returns-reference/cin-census/rules.csv).
 * Each failure's `at` is the episode's referral date, or the date of the item inside it that fails.
 */
import type { CinDetails } from '../cinCensusTypes';
import { closureReasonCodes, primaryNeedCodes, referralSourceCodes } from './codes';
import type { CinRule } from './cinRuleContext';
import { cinRule, dayNumber, type Finding, hasText, isDate, withinYear, yearDate } from './cinRuleKit';

const none: Finding[] = [];

const isOpen = (d: CinDetails) => !isDate(d.CINclosureDate);
/** Closed "after assessment": no further action (RC8) or referred to early help (RC9). */
const closedAfterAssessment = (d: CinDetails) => d.ReasonForClosure === 'RC8' || d.ReasonForClosure === 'RC9';

// cin-census/rules.csv 8568
const referralNfaMissing = cinRule({
  code: '8568',
  message: 'RNFA flag is missing or invalid',
  fix: 'Record the threshold decision on the contact: whether the referral goes on to further action',
  find: (child) =>
    child.CINdetails.filter((d) => d.ReferralNFA !== true && d.ReferralNFA !== false).map((d) => ({
      fields: ['ReferralNFA'],
      at: d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8569Q: only a referral made in the year (or on the working day before it began) can be NFA.
const earlyReferralNfa = cinRule({
  code: '8569Q',
  message:
    'A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case',
  fix: 'A referral from before the census year cannot be ‘no further action’: check the threshold decision on the contact',
  find: (child, ctx) => {
    const cutOff = yearDate(ctx, `working day before ${ctx.period.start}`, () => ctx.calendar.subtractWorkingDays(ctx.period.start, 1));
    return child.CINdetails.filter((d) => d.ReferralNFA === true && isDate(d.CINreferralDate) && d.CINreferralDate < cutOff).map((d) => ({
      fields: ['CINreferralDate', 'ReferralNFA'],
      at: d.CINreferralDate,
    }));
  },
});

// cin-census/rules.csv 8600
const referralDateMissing = cinRule({
  code: '8600',
  message: 'Child referral date missing or after data collection period',
  fix: 'Record the date the contact was received: it must be on or before the end of the census year',
  find: (child, ctx) =>
    child.CINdetails.filter((d) => !isDate(d.CINreferralDate) || d.CINreferralDate > ctx.period.end).map((d) => ({
      fields: ['CINreferralDate'],
      at: d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8606: no referral more than 280 days (40 weeks) before the birth or expected birth.
const referralLongBeforeBirth = cinRule({
  code: '8606',
  message: 'Child referral date is more than 40 weeks before DOB or expected DOB',
  fix: "Check the child's date of birth (or expected date of birth) on their details and the date the contact was received",
  find: (child) => {
    const { PersonBirthDate: born, ExpectedPersonBirthDate: expected } = child.ChildIdentifiers;
    const limits = [born, expected].filter(isDate).map((date) => dayNumber(date) - 280);
    if (limits.length === 0) return none;
    return child.CINdetails.filter((d) => isDate(d.CINreferralDate) && limits.some((limit) => dayNumber(d.CINreferralDate!) < limit)).map((d) => ({
      fields: ['CINreferralDate', 'PersonBirthDate', 'ExpectedPersonBirthDate'],
      at: d.CINreferralDate,
    }));
  },
});

// cin-census/rules.csv 8610
const primaryNeedMissing = cinRule({
  code: '8610',
  message: 'Primary Need code is missing for a referral which led to further action.',
  fix: "Record the child's primary need when signing off the Child and Family Assessment",
  find: (child) =>
    child.CINdetails.filter((d) => d.ReferralNFA === false && !hasText(d.PrimaryNeedCode)).map((d) => ({
      fields: ['ReferralNFA', 'PrimaryNeedCode'],
      at: d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8650
const primaryNeedInvalid = cinRule({
  code: '8650',
  message: 'Primary Need Code invalid (see Primary Need table in CIN census code set)',
  fix: "Choose the child's primary need again when signing off the Child and Family Assessment",
  find: (child) =>
    child.CINdetails.filter((d) => hasText(d.PrimaryNeedCode) && !primaryNeedCodes.has(d.PrimaryNeedCode)).map((d) => ({
      fields: ['PrimaryNeedCode'],
      at: d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8620
const closureOutsideYear = cinRule({
  code: '8620',
  message: 'CIN Closure Date present and does not fall within the Census year',
  fix: 'Check the date the case closed on the case closure page: it must fall within the census year',
  find: (child, ctx) =>
    child.CINdetails.filter((d) => isDate(d.CINclosureDate) && !withinYear(d.CINclosureDate, ctx)).map((d) => ({
      fields: ['CINclosureDate'],
      at: d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8630
const closedBeforeReferral = cinRule({
  code: '8630',
  message: 'CIN Closure Date is before CIN Referral Date for the same CIN episode',
  fix: 'Check the date the case closed on the case closure page: it is before the contact that began the episode',
  find: (child) =>
    child.CINdetails.filter((d) => isDate(d.CINclosureDate) && isDate(d.CINreferralDate) && d.CINclosureDate < d.CINreferralDate).map(
      (d) => ({ fields: ['CINclosureDate', 'CINreferralDate'], at: d.CINreferralDate }),
    ),
});

// cin-census/rules.csv 8640
const closureReasonInvalid = cinRule({
  code: '8640',
  message: 'CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)',
  fix: 'Choose the reason the case closed again on the case closure page',
  find: (child) =>
    child.CINdetails.filter((d) => hasText(d.ReasonForClosure) && !closureReasonCodes.has(d.ReasonForClosure)).map((d) => ({
      fields: ['ReasonForClosure'],
      at: d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8805
const closedWithoutReason = cinRule({
  code: '8805',
  message: 'A CIN case cannot have a CIN closure date without a Reason for Closure',
  fix: 'Record the reason the case closed on the case closure page',
  find: (child) =>
    child.CINdetails.filter((d) => isDate(d.CINclosureDate) && !hasText(d.ReasonForClosure)).map((d) => ({
      fields: ['CINclosureDate', 'ReasonForClosure'],
      at: d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8810
const reasonWithoutClosure = cinRule({
  code: '8810',
  message: 'A CIN case cannot have a Reason for Closure without a CIN Closure Date',
  fix: 'Record the date the case closed on the case closure page (or, if the case is still open, the reason should not be there)',
  find: (child) =>
    child.CINdetails.filter((d) => hasText(d.ReasonForClosure) && !isDate(d.CINclosureDate)).map((d) => ({
      fields: ['ReasonForClosure', 'CINclosureDate'],
      at: d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8815: open episodes that went further; NFA referrals may stay open alongside.
const moreThanOneOpenEpisode = cinRule({
  code: '8815',
  message:
    'More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.',
  fix: 'Close the earlier episode of need on the case closure page: only one can be open at a time',
  find: (child) => {
    const open = child.CINdetails.filter((d) => isOpen(d) && d.ReferralNFA === false);
    return open.length > 1 ? open.map((d) => ({ fields: ['CINclosureDate', 'ReferralNFA'], at: d.CINreferralDate })) : none;
  },
});

// cin-census/rules.csv 8816
const openEpisodeNotLatest = cinRule({
  code: '8816',
  message: 'An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.',
  fix: 'An earlier episode of need is still open after a later referral: close it on the case closure page',
  find: (child) => {
    const referrals = child.CINdetails.map((d) => d.CINreferralDate).filter(isDate);
    if (referrals.length === 0) return none;
    const latest = referrals.reduce((a, b) => (b > a ? b : a));
    return child.CINdetails.filter((d) => isOpen(d) && d.ReferralNFA === false && isDate(d.CINreferralDate) && d.CINreferralDate < latest).map(
      (d) => ({ fields: ['CINreferralDate', 'ReferralNFA'], at: d.CINreferralDate }),
    );
  },
});

/**
 * cin-census/rules.csv 8820: no referral may fall from another episode's referral up to (not
 * including) its closure, or after it at all while it is open and went further. One episode may
 * close on the day the next referral comes in.
 */
const episodesOverlap = cinRule({
  code: '8820',
  message: 'The dates on the CIN episodes for this child overlap',
  fix: 'Check the referral and closure dates: two episodes of need overlap (close the first before the next referral)',
  find: (child) => {
    const found: Finding[] = [];
    for (const d of child.CINdetails) {
      const referral = d.CINreferralDate;
      if (!isDate(referral)) continue;
      const overlaps = child.CINdetails.some((other) => {
        if (other === d || !isDate(other.CINreferralDate) || referral < other.CINreferralDate) return false;
        if (isDate(other.CINclosureDate)) return referral < other.CINclosureDate;
        return other.ReferralNFA !== true;
      });
      if (overlaps) found.push({ fields: ['CINreferralDate', 'CINclosureDate'], at: referral });
    }
    return found;
  },
});

// cin-census/rules.csv 8825Q
const closedAfterAssessmentWithoutOne = cinRule({
  code: '8825Q',
  message:
    'Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.',
  fix: 'The case closed ‘after assessment’ but no assessment is recorded: record the Child and Family Assessment, or choose another reason on the case closure page',
  find: (child) =>
    child.CINdetails.filter((d) => closedAfterAssessment(d) && d.Assessments.length === 0).map((d) => ({
      fields: ['ReasonForClosure'],
      at: d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8831
const workAfterNfa = cinRule({
  code: '8831',
  message: 'Activity is recorded against a case marked as a referral with no further action',
  fix: 'The referral is recorded as ‘no further action’ but work followed it: change the threshold decision on the contact, or mark the later work as recorded in error',
  find: (child) => {
    const found: Finding[] = [];
    for (const d of child.CINdetails) {
      if (d.ReferralNFA !== true) continue;
      const fields = new Set<string>();
      if (isDate(d.DateOfInitialCPC)) fields.add('DateOfInitialCPC');
      for (const a of d.Assessments) {
        if (isDate(a.AssessmentActualStartDate)) fields.add('AssessmentActualStartDate');
        if (isDate(a.AssessmentAuthorisationDate)) fields.add('AssessmentAuthorisationDate');
      }
      for (const s of d.Section47) {
        if (isDate(s.S47ActualStartDate)) fields.add('S47ActualStartDate');
        if (isDate(s.DateOfInitialCPC)) fields.add('DateOfInitialCPC');
      }
      if (fields.size > 0) found.push({ fields: ['ReferralNFA', ...fields], at: d.CINreferralDate });
    }
    return found;
  },
});

// cin-census/rules.csv 8866: referrals from 1 April 2013, when the source became part of the census.
const referralSourceMissing = cinRule({
  code: '8866',
  message: 'Source of Referral is missing or an invalid code',
  fix: 'Record who made the contact (the source of the referral) on the contact',
  find: (child) =>
    child.CINdetails.filter(
      (d) => isDate(d.CINreferralDate) && d.CINreferralDate >= '2013-04-01' && !(hasText(d.ReferralSource) && referralSourceCodes.has(d.ReferralSource)),
    ).map((d) => ({ fields: ['CINreferralDate', 'ReferralSource'], at: d.CINreferralDate })),
});

// cin-census/rules.csv 8867
const closedWithOpenAssessment = cinRule({
  code: '8867',
  message: 'CIN episode is shown as closed, however Assessment is not shown as completed',
  fix: 'Sign off the Child and Family Assessment (or mark it as recorded in error) before the case is closed',
  find: (child) =>
    child.CINdetails.filter((d) => !isOpen(d)).flatMap((d) =>
      d.Assessments.filter((a) => !isDate(a.AssessmentAuthorisationDate)).map((a) => ({
        fields: ['CINclosureDate', 'AssessmentAuthorisationDate'],
        at: a.AssessmentActualStartDate ?? d.CINreferralDate,
      })),
    ),
});

// cin-census/rules.csv 8868
const closedWithOpenSection47 = cinRule({
  code: '8868',
  message: 'CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag',
  fix: 'Complete the Section 47 enquiry (record the initial conference, or that no conference is needed) before the case is closed',
  find: (child) =>
    child.CINdetails.filter((d) => !isOpen(d)).flatMap((d) =>
      d.Section47.filter((s) => !isDate(s.DateOfInitialCPC) && s.ICPCnotRequired !== true).map((s) => ({
        fields: ['CINclosureDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
        at: s.S47ActualStartDate ?? d.CINreferralDate,
      })),
    ),
});

// cin-census/rules.csv 2990: RC8 or RC9 (the 2022-23 wording names both).
const workAfterClosedAfterAssessment = cinRule({
  code: '2990',
  message:
    "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.",
  fix: 'The case closed ‘after assessment’ but a Section 47 enquiry, conference or plan is recorded: choose another reason the case closed on the case closure page',
  find: (child) =>
    child.CINdetails.filter(
      (d) =>
        closedAfterAssessment(d) &&
        (d.Section47.length > 0 || d.ChildProtectionPlans.length > 0 || d.CINPlanDates.length > 0 || isDate(d.DateOfInitialCPC)),
    ).map((d) => ({ fields: ['ReasonForClosure'], at: d.CINreferralDate })),
});

// cin-census/rules.csv 2991Q
const section47WithoutAssessment = cinRule({
  code: '2991Q',
  message: 'Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode',
  fix: 'Record the Child and Family Assessment that goes with the Section 47 enquiry',
  find: (child) =>
    child.CINdetails.filter((d) => d.Section47.length > 0 && d.Assessments.length === 0).map((d) => ({
      fields: ['S47ActualStartDate', 'AssessmentActualStartDate'],
      at: d.Section47[0]?.S47ActualStartDate ?? d.CINreferralDate,
    })),
});

// cin-census/rules.csv 8555Q
const referredAfterDeath = cinRule({
  code: '8555Q',
  message: 'Child cannot be referred after its recorded date of death',
  fix: 'Check the date the child died and the date the contact was received',
  find: (child) => {
    const died = child.ChildIdentifiers.PersonDeathDate;
    if (!isDate(died)) return none;
    return child.CINdetails.filter((d) => isDate(d.CINreferralDate) && d.CINreferralDate > died).map((d) => ({
      fields: ['CINreferralDate', 'PersonDeathDate'],
      at: d.CINreferralDate,
    }));
  },
});

// cin-census/rules.csv 8585Q
const closedAsDiedWithoutDeath = cinRule({
  code: '8585Q',
  message:
    'Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death',
  fix: 'The case closed because the child died: record the date the child died',
  find: (child) =>
    isDate(child.ChildIdentifiers.PersonDeathDate)
      ? none
      : child.CINdetails.filter((d) => d.ReasonForClosure === 'RC2').map((d) => ({
          fields: ['ReasonForClosure', 'PersonDeathDate'],
          at: d.CINreferralDate,
        })),
});

// cin-census/rules.csv 8565: nothing in a closed episode may be dated after its closure.
const activityAfterClosure = cinRule({
  code: '8565',
  message: 'Activity shown after a case has been closed',
  fix: 'Check the date the case closed: work is recorded after it (correct the closure date, or the dates of that work)',
  find: (child) => {
    const found: Finding[] = [];
    for (const d of child.CINdetails) {
      const closed = d.CINclosureDate;
      if (!isDate(closed)) continue;
      const after = (field: string, date: string | null) => {
        if (isDate(date) && date > closed) found.push({ fields: ['CINclosureDate', field], at: date });
      };
      after('DateOfInitialCPC', d.DateOfInitialCPC);
      for (const a of d.Assessments) {
        after('AssessmentActualStartDate', a.AssessmentActualStartDate);
        after('AssessmentAuthorisationDate', a.AssessmentAuthorisationDate);
      }
      for (const s of d.Section47) {
        after('S47ActualStartDate', s.S47ActualStartDate);
        after('DateOfInitialCPC', s.DateOfInitialCPC);
      }
      for (const p of d.ChildProtectionPlans) after('CPPendDate', p.CPPendDate);
      for (const p of d.CINPlanDates) {
        after('CINPlanStartDate', p.CINPlanStartDate);
        after('CINPlanEndDate', p.CINPlanEndDate);
      }
    }
    return found;
  },
});

export const cinDetailsRules: readonly CinRule[] = [
  referralNfaMissing,
  earlyReferralNfa,
  referralDateMissing,
  referralLongBeforeBirth,
  primaryNeedMissing,
  primaryNeedInvalid,
  closureOutsideYear,
  closedBeforeReferral,
  closureReasonInvalid,
  closedWithoutReason,
  reasonWithoutClosure,
  moreThanOneOpenEpisode,
  openEpisodeNotLatest,
  episodesOverlap,
  closedAfterAssessmentWithoutOne,
  workAfterNfa,
  referralSourceMissing,
  closedWithOpenAssessment,
  closedWithOpenSection47,
  workAfterClosedAfterAssessment,
  section47WithoutAssessment,
  referredAfterDeath,
  closedAsDiedWithoutDeath,
  activityAfterClosure,
];

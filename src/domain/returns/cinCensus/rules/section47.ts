/**
 * CIN census rules on the Section47 module: each section 47 enquiry, its initial child protection
 * conference (or that none was needed) and the conference's target date
 * (../shared/returns-reference/cin-census/rules.csv). A failure's `at` is the enquiry's start.
 * An initial conference may also be recorded on the episode itself (CINdetails DateOfInitialCPC,
 * for a conference whose enquiry was in an earlier year); the conference-date rules read both.
 */
import type { CinChild, CinDetails, CinSection47 } from '../cinCensusTypes';
import type { CinRule, CinRuleContext } from './cinRuleContext';
import { cinRule, fallsWithin, type Finding, isDate, isWeekend, withinYear, yearDate } from './cinRuleKit';

/** Still waiting for its initial conference: no conference date and not marked as needing none. */
const awaitingConference = (s: CinSection47) => !isDate(s.DateOfInitialCPC) && s.ICPCnotRequired !== true;

function eachEnquiry(child: CinChild, fails: (s: CinSection47, d: CinDetails) => boolean, fields: string[]): Finding[] {
  const found: Finding[] = [];
  for (const d of child.CINdetails) {
    for (const s of d.Section47) if (fails(s, d)) found.push({ fields, at: s.S47ActualStartDate ?? d.CINreferralDate });
  }
  return found;
}

/** Every initial conference date recorded, with the episode it belongs to. */
function eachConference(child: CinChild): { date: string; episode: CinDetails }[] {
  const conferences: { date: string; episode: CinDetails }[] = [];
  for (const d of child.CINdetails) {
    if (isDate(d.DateOfInitialCPC)) conferences.push({ date: d.DateOfInitialCPC, episode: d });
    for (const s of d.Section47) if (isDate(s.DateOfInitialCPC)) conferences.push({ date: s.DateOfInitialCPC, episode: d });
  }
  return conferences;
}

// cin-census/rules.csv 1104
const conferenceBeforeReferral = cinRule({
  code: '1104',
  message: 'The date of the initial child protection conference cannot be before the referral date',
  fix: 'Check the date of the initial child protection conference: it is before the contact that began the episode',
  find: (child) =>
    eachConference(child)
      .filter(({ date, episode }) => isDate(episode.CINreferralDate) && date < episode.CINreferralDate)
      .map(({ date }) => ({ fields: ['DateOfInitialCPC', 'CINreferralDate'], at: date })),
});

// cin-census/rules.csv 2884: one conference, recorded with its enquiry and again on the episode.
const conferenceRecordedTwice = cinRule({
  code: '2884',
  message: 'An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one',
  fix: 'The initial conference is recorded twice, with the Section 47 enquiry and on its own: keep it with the enquiry',
  find: (child) => {
    const withEnquiries = new Set(child.CINdetails.flatMap((d) => d.Section47.map((s) => s.DateOfInitialCPC).filter(isDate)));
    return child.CINdetails.filter((d) => isDate(d.DateOfInitialCPC) && withEnquiries.has(d.DateOfInitialCPC)).map((d) => ({
      fields: ['DateOfInitialCPC'],
      at: d.DateOfInitialCPC,
    }));
  },
});

// cin-census/rules.csv 2889
const enquiryBeforeReferral = cinRule({
  code: '2889',
  message: 'The S47 start date cannot be before the referral date.',
  fix: 'Check the date the Section 47 enquiry started: it is before the contact that began the episode',
  find: (child) =>
    eachEnquiry(
      child,
      (s, d) => isDate(s.S47ActualStartDate) && isDate(d.CINreferralDate) && s.S47ActualStartDate < d.CINreferralDate,
      ['S47ActualStartDate', 'CINreferralDate'],
    ),
});

// cin-census/rules.csv 8615
const conferenceBeforeEnquiry = cinRule({
  code: '8615',
  message: 'Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference',
  fix: 'Check the dates of the Section 47 enquiry and its initial conference: the conference cannot come before the enquiry started',
  find: (child) =>
    eachEnquiry(
      child,
      (s) => isDate(s.DateOfInitialCPC) && (!isDate(s.S47ActualStartDate) || s.S47ActualStartDate > s.DateOfInitialCPC),
      ['S47ActualStartDate', 'DateOfInitialCPC'],
    ),
});

// cin-census/rules.csv 8675Q: no conference although the enquiry began more than 15 working days before 31 March.
const longEnquiryWithoutConference = cinRule({
  code: '8675Q',
  message:
    'Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.',
  fix: 'The Section 47 enquiry started more than 15 working days before the end of the census year and no initial conference is recorded: record the conference, or complete the enquiry with no conference needed',
  find: (child, ctx) => {
    const earliest = yearDate(ctx, `15 working days before ${ctx.period.end}`, () => ctx.calendar.subtractWorkingDays(ctx.period.end, 15));
    return eachEnquiry(
      child,
      (s) => awaitingConference(s) && isDate(s.S47ActualStartDate) && s.S47ActualStartDate < earliest,
      ['S47ActualStartDate', 'DateOfInitialCPC'],
    );
  },
});

// cin-census/rules.csv 8715
const conferenceOutsideYear = cinRule({
  code: '8715',
  message: 'Date of Initial Child Protection Conference must fall within the census year',
  fix: 'Check the date of the initial child protection conference: it must fall within the census year',
  find: (child, ctx) =>
    eachConference(child)
      .filter(({ date }) => !withinYear(date, ctx))
      .map(({ date }) => ({ fields: ['DateOfInitialCPC'], at: date })),
});

// cin-census/rules.csv 8740
const openEnquiryStartedBeforeYear = cinRule({
  code: '8740',
  message:
    'For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year',
  fix: 'An enquiry still waiting for its initial conference must have started in the census year: record the conference, or complete the enquiry',
  find: (child, ctx) =>
    eachEnquiry(
      child,
      (s) => awaitingConference(s) && !(isDate(s.S47ActualStartDate) && withinYear(s.S47ActualStartDate, ctx)),
      ['S47ActualStartDate', 'DateOfInitialCPC', 'ICPCnotRequired'],
    ),
});

// cin-census/rules.csv 8839
const moreThanOneOpenEnquiry = cinRule({
  code: '8839',
  message: 'Within one CINDetails group there are 2 or more open S47 Assessments',
  fix: 'Two Section 47 enquiries are open in this episode: complete the earlier one',
  find: (child) =>
    child.CINdetails.flatMap((d) => {
      const open = d.Section47.filter(awaitingConference);
      return open.length > 1 ? open.map((s) => ({ fields: ['DateOfInitialCPC', 'ICPCnotRequired'], at: s.S47ActualStartDate ?? d.CINreferralDate })) : [];
    }),
});

// cin-census/rules.csv 8870Q
const targetOnWeekend = cinRule({
  code: '8870Q',
  message: 'Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend',
  fix: 'The target date for the initial conference falls on a weekend: check the date of the strategy discussion that began the enquiry',
  find: (child) => eachEnquiry(child, (s) => isDate(s.InitialCPCtarget) && isWeekend(s.InitialCPCtarget), ['InitialCPCtarget']),
});

// cin-census/rules.csv 8875
const conferenceOnWeekend = cinRule({
  code: '8875',
  message: 'The Date of Initial Child Protection Conference cannot be a weekend',
  fix: 'Check the date of the initial child protection conference: it is recorded on a Saturday or Sunday',
  find: (child) =>
    eachConference(child)
      .filter(({ date }) => isWeekend(date))
      .map(({ date }) => ({ fields: ['DateOfInitialCPC'], at: date })),
});

/** Another enquiry in the episode runs over this one's start: to its conference, or on while it awaits one. */
function startsDuringAnother(s: CinSection47, d: CinDetails, ctx: CinRuleContext): boolean {
  const start = s.S47ActualStartDate;
  if (!isDate(start)) return false;
  return d.Section47.some((other) => {
    if (other === s) return false;
    if (isDate(other.DateOfInitialCPC)) return fallsWithin(start, { start: other.S47ActualStartDate, end: other.DateOfInitialCPC }, ctx, true);
    return other.ICPCnotRequired !== true && fallsWithin(start, { start: other.S47ActualStartDate, end: null }, ctx, true);
  });
}

// cin-census/rules.csv 8890
const overlappingEnquiries = cinRule({
  code: '8890',
  message: 'A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing',
  fix: 'Two Section 47 enquiries overlap: complete the first before the next starts',
  find: (child, ctx) => eachEnquiry(child, (s, d) => startsDuringAnother(s, d, ctx), ['S47ActualStartDate']),
});

export const section47Rules: readonly CinRule[] = [
  conferenceBeforeReferral,
  conferenceRecordedTwice,
  enquiryBeforeReferral,
  conferenceBeforeEnquiry,
  longEnquiryWithoutConference,
  conferenceOutsideYear,
  openEnquiryStartedBeforeYear,
  moreThanOneOpenEnquiry,
  targetOnWeekend,
  conferenceOnWeekend,
  overlappingEnquiries,
];

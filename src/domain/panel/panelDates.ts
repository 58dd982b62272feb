import { addDays } from '../calendar/localDate';
import type { WorkingCalendar } from '../calendar/workingDays';
import { dueBefore } from '../standards/due';
import { versionOn, type RuleTimeline } from '../standards/evaluate';

/** "The panel will meet weekly on a Thursday at 2:00pm" (1.5): Thursday unless the authority says otherwise (0 Sunday ... 6 Saturday). */
export const defaultPanelWeekday = 4;
export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export function isPanelDay(date: string, weekday = defaultPanelWeekday): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && weekdayOf(date) === weekday;
}

/** The first panel day after `today` (today's panel has already had its papers). */
export function nextPanelDate(today: string, weekday = defaultPanelWeekday): string {
  const ahead = (weekday - weekdayOf(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

/** The last panel day before `today`. */
export function lastPanelDate(today: string, weekday = defaultPanelWeekday): string {
  const back = (weekdayOf(today) - weekday + 7) % 7 || 7;
  return addDays(today, -back);
}

/**
 * The last day a referral for this panel may be sent to the administrator: "no later than three
 * working days before" (I.9), counted by the version of panel.referral-deadline in force on the
 * panel day, so an authority's change of timescale applies. Null when the rule is switched off.
 */
export function submissionDeadline(panelDate: string, timeline: RuleTimeline | undefined, calendar: WorkingCalendar): string | null {
  const version = timeline ? versionOn(timeline, panelDate) : null;
  if (!version || !version.enabled || version.rule.kind !== 'before-event') return null;
  return dueBefore(panelDate, version.rule.ahead, calendar).date;
}

/**
 * The one lookup of a referral's deadline, for the referrals and the panel's pages alike: from the
 * rule timelines (the catalogue with the authority's overrides) and the working calendar, the last
 * day a referral for a panel date may be sent (I.9), or the panel day itself when the rule is off.
 */
export function referralDeadlineOf(timelines: readonly RuleTimeline[], calendar: WorkingCalendar): (panelDate: string) => string {
  const timeline = timelines.find((t) => t.id === 'panel.referral-deadline');
  return (panelDate: string) => submissionDeadline(panelDate, timeline, calendar) ?? panelDate;
}

/** A panel meeting as far as a referral's date needs it. */
export interface ScheduledMeeting {
  date: string;
  cancelled: unknown;
}

export interface PanelDays {
  today: string;
  weekday: number;
  calendar: WorkingCalendar;
  /** The panel's meetings from today on (cancelled ones too): the administrator's schedule (1.5). */
  meetings: readonly ScheduledMeeting[];
}

/** "Thursday 28 May 2026" (GOV.UK style, no comma, whatever the ICU data). */
const dayText = (date: string) => `${weekdayNames[weekdayOf(date)]} ${new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })}`;

/** The scheduled, not cancelled meetings after today, soonest first. */
const coming = (days: PanelDays) => days.meetings.filter((m) => !m.cancelled && m.date > days.today).map((m) => m.date).sort();

/**
 * Why a referral may not go to the panel on `date`, or null if it may. "The panel will meet weekly
 * on a Thursday ... Dates of all panel meetings will be sent in advance" (1.5): in a week the
 * administrator has scheduled, the date must be that week's meeting, not cancelled (1.6);
 * beyond the schedule (or with none), a panel weekday that is a working day. Never a bank holiday.
 */
export function panelDateProblem(date: string, days: PanelDays): string | null {
  const name = weekdayNames[days.weekday]!;
  if (date <= days.today) return 'The panel date must be in the future';
  const next = coming(days);
  const suggest = (after: string) => {
    const d = next.find((m) => m > after);
    return d ? `: the next is on ${dayText(d)}` : '';
  };
  if (!days.calendar.isWorkingDay(date) && isPanelDay(date, days.weekday)) return `${dayText(date)} is a bank holiday: the panel does not meet. Choose another panel date${suggest(date)}`;
  const scheduled = days.meetings.filter((m) => m.date === date);
  if (scheduled.some((m) => !m.cancelled)) return null;
  if (scheduled.length > 0) return `The panel meeting on ${dayText(date)} was cancelled (1.6): choose another panel date${suggest(date)}`;
  // A week the administrator has scheduled, with its meeting on another day: that meeting is the panel date.
  const sameWeek = next.find((d) => d >= addDays(date, -6) && d <= addDays(date, 6));
  if (sameWeek) return `There is no panel meeting on ${dayText(date)}: that week the panel meets on ${dayText(sameWeek)}`;
  if (!isPanelDay(date, days.weekday)) return `The panel meets on ${name}s (1.5): choose a ${name}`;
  if (!days.calendar.isWorkingDay(date)) return `${dayText(date)} is not a working day: the panel does not meet. Choose another ${name}`;
  return null;
}

/** The first panel date after `after` a referral may go to (the schedule first, else the next working panel weekday). */
export function nextOpenPanelDate(after: string, days: PanelDays): string {
  // Week by week: that week's scheduled meeting if it has one, else its panel weekday if the panel could meet then.
  let date = nextPanelDate(after, days.weekday);
  for (let i = 0; i < 60; i++) {
    const inWeek = coming(days).find((d) => d > after && d >= addDays(date, -6) && d <= addDays(date, 6));
    if (inWeek) return inWeek;
    if (panelDateProblem(date, days) === null) return date;
    date = nextPanelDate(date, days.weekday);
  }
  return date;
}

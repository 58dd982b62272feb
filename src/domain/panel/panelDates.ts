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

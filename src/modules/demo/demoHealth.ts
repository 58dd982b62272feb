import { addDays } from '../../domain/calendar/localDate';
import { convictionAsked } from '../../domain/inCare/healthOutcomes';
import { collectionPeriod, collectionYearOf } from '../../domain/returns/collectionYear';
import type { ScriptedEvent } from './demoEvents';

type Sdq = { score: number; summary: string } | { reason: string; summary: string };

/**
 * The year's SDQ and health and wellbeing of the children looked after for over a year (issue 10:
 * what the SSDA903 OC2 table needs), in the year to the coming 31 March. Riley Jones has an SDQ
 * but no health and wellbeing record yet, so the data quality page has something to show.
 */
const byChild: Record<string, { wellbeing?: Record<string, unknown>; sdq?: Sdq; daysAgo: number }> = {
  'Campbell/Kayden': {
    daysAgo: 12,
    wellbeing: { immunisationsUpToDate: true, substanceMisuse: 'none', convicted: false, summary: 'Checked with the looked after children nurse at the review health assessment.' },
    sdq: { score: 14, summary: 'Completed with Janet Harding' },
  },
  'Green/Isla': { daysAgo: 20, wellbeing: { immunisationsUpToDate: true, substanceMisuse: 'none', summary: 'Two-year development check done by the health visitor.' } },
  'Walker/Mason': {
    daysAgo: 9,
    wellbeing: {
      immunisationsUpToDate: true,
      substanceMisuse: 'identified',
      intervention: 'received',
      convicted: true,
      summary: 'Cannabis: weekly sessions with the young people’s substance misuse service since November. A youth caution for criminal damage at Oakfield House.',
    },
    sdq: { reason: 'child_refused', summary: 'Mason would not let staff complete it with him; offered again at his review.' },
  },
  'Jones/Tia': { daysAgo: 15, wellbeing: { immunisationsUpToDate: true, substanceMisuse: 'none', convicted: false }, sdq: { score: 11, summary: 'Completed with Sandra Cole' } },
  'Jones/Riley': { daysAgo: 15, sdq: { score: 8, summary: 'Completed with Sandra Cole' } },
  'Mwangi/Amani': {
    daysAgo: 25,
    wellbeing: { immunisationsUpToDate: false, substanceMisuse: 'identified', intervention: 'offered_refused', convicted: false, summary: 'Alcohol: referred to the young people’s service; Amani did not want to go. Catch-up immunisations booked with the GP.' },
    sdq: { reason: 'age', summary: 'Amani is 17.' },
  },
};

export function healthYear(surname: string, given: string, dateOfBirth: string | null, today: string): ScriptedEvent[] {
  const planned = byChild[`${surname}/${given}`];
  const sinceYearStart = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${collectionPeriod(collectionYearOf(today)).start}T00:00:00Z`)) / 86_400_000);
  // On 1 April the year has not begun: nothing yet.
  if (!planned || sinceYearStart < 1) return [];
  const daysAgo = Math.min(planned.daysAgo, sinceYearStart);
  const on = addDays(today, -daysAgo);
  const events: ScriptedEvent[] = [];
  if (planned.sdq) events.push({ type: 'score' in planned.sdq ? 'cic.sdq_completed' : 'cic.sdq_not_completed', daysAgo, hour: 11, data: { ...planned.sdq } });
  if (planned.wellbeing) {
    const { convicted, ...rest } = planned.wellbeing;
    events.push({ type: 'cic.health_outcomes_recorded', daysAgo, hour: 14, data: { ...rest, ...(convicted !== undefined && convictionAsked(dateOfBirth, on) ? { convicted } : {}) } });
  }
  return events;
}

import { addDays, addMonths, londonDate } from '../calendar/localDate';
import type { WorkingCalendar } from '../calendar/workingDays';

/**
 * The automatic chronology (issue 4; practice-standards.txt, Section 5: Recording Standards, the
 * recording timescales table: "Chronologies must be recorded every 3 months, even when no
 * significant incident has taken place within that time"). Built from the child's own events, so no
 * one retypes them; a worker adds significant events of their own. Pure: no I/O.
 */

export interface ChronologySource {
  id: string;
  type: string;
  occurredAt: Date;
  recordedAt: Date;
  recordedByName: string | null;
  data: Record<string, unknown>;
  /** For "recorded in error": the event it takes off the record. */
  refersTo?: string | null;
}

export interface ChronologyEntry {
  /** When it happened; for "no significant incident", the start of the quiet period. */
  at: Date;
  on: string;
  kind: 'event' | 'added' | 'none';
  title: string;
  detail: string;
  eventId: string | null;
  recordedByName: string | null;
  /** Working days after it happened that it was recorded, when that was later than the 2 allowed. */
  recordedLate: number | null;
  /** For "no significant incident": the last day of the quiet period. */
  until?: string;
}

/**
 * Events that belong in a chronology by their nature: the front door, decisions, plans starting
 * and ending, care, placements, missing episodes, allegations, closure. Anything else is there
 * when a worker records it as a significant event (by hand, or by marking a case note significant).
 */
export const significantTypes: ReadonlySet<string> = new Set([
  'contact.received',
  'threshold.decided',
  'strategy.discussion_held',
  's47.completed',
  'cp.conference_held',
  'cp.plan_ended',
  'cin.plan_started',
  'cin.plan_ended',
  'assessment.completed',
  'cic.started',
  'cic.legal_status_changed',
  'cic.placement_started',
  'cic.placement_ended',
  'cic.missing_started',
  'cic.ended',
  'care_leaver.pa_allocated',
  'early_help.received',
  'early_help.closed',
  'closure.completed',
  'step_down.agreed',
  'lado.allegation_received',
  'court.final_evidence_filed',
]);

/** "Records should be updated within two working days" (Section 5: Recording Standards). */
export const recordingWorkingDays = 2;

/** How many working days late an entry was recorded, or null when it was recorded in time. */
export function recordedLate(occurredAt: Date, recordedAt: Date, calendar: WorkingCalendar): number | null {
  const happened = londonDate(occurredAt);
  const recorded = londonDate(recordedAt);
  if (recorded <= calendar.addWorkingDays(happened, recordingWorkingDays)) return null;
  return calendar.workingDaysBetween(happened, recorded);
}

const detailOf = (data: Record<string, unknown>): string => {
  for (const key of ['detail', 'summary', 'facts', 'concerns', 'reason']) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return '';
};

/**
 * The chronology from the first event to `today`, oldest first. Every quiet stretch of 3 months
 * (counted from the first event, then from the end of each stretch) with no significant entry gets
 * one "No significant incident" entry, as the standard asks.
 */
export function chronology(events: readonly ChronologySource[], titleOf: (type: string) => string, calendar: WorkingCalendar, today: string): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  // An entry recorded in error leaves the record (DESIGN.md), and so the chronology.
  const inError = new Set(events.filter((e) => e.type === 'entry.recorded_in_error' && e.refersTo).map((e) => e.refersTo));
  for (const e of events) {
    if (inError.has(e.id)) continue;
    // A case note marked significant is in the chronology through the significant event recorded with it.
    const added = e.type === 'case.significant_event_occurred';
    if (!added && !significantTypes.has(e.type)) continue;
    entries.push({
      at: e.occurredAt,
      on: londonDate(e.occurredAt),
      kind: added ? 'added' : 'event',
      title: titleOf(e.type),
      detail: detailOf(e.data),
      eventId: e.id,
      recordedByName: e.recordedByName,
      // History brought from another system says when it was recorded there (`data.recordedAt`).
      recordedLate: recordedLate(e.occurredAt, typeof e.data.recordedAt === 'string' ? new Date(e.data.recordedAt) : e.recordedAt, calendar),
    });
  }
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = events.reduce<string | null>((min, e) => {
    const on = londonDate(e.occurredAt);
    return min === null || on < min ? on : min;
  }, null);
  if (first === null) return entries;

  const quiet: ChronologyEntry[] = [];
  for (let start = first; ; ) {
    const end = addMonths(start, 3);
    if (end > today) break;
    if (!entries.some((e) => e.on >= start && e.on < end)) {
      quiet.push({ at: new Date(`${start}T12:00:00Z`), on: start, until: addDays(end, -1), kind: 'none', title: 'No significant incident', detail: '', eventId: null, recordedByName: null, recordedLate: null });
    }
    start = end;
  }
  return [...entries, ...quiet].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.at.getTime() - b.at.getTime()));
}

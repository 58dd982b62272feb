import { isIsoDate, londonInstant } from '../../calendar/localDate';

/**
 * An authority's previous statutory returns, read as history in Hearth's own words (issue 10:
 * "previous years' episodes become history in Hearth, so the first return produced by Hearth has
 * the prior-year context the rules need"). The returns give dates, not times: each line is a date
 * and its place in the day, and `timed` turns them into instants at the end.
 */

/** A row of an imported file that cannot be imported, and what to put right. */
export interface ReturnProblem {
  /** The file's name: "episodes.csv", "CIN_Census_2024.xml". */
  file: string;
  /** The row as a person finds it: a CSV file's line number (its header is row 1); a census's Child, counted from 1. */
  row: number;
  reason: string;
}

/**
 * Where an event happens in its day, since the returns carry only dates: what opens first (coming
 * into care, a move), then what happens during it (a review, a missing episode), then what closes
 * it (leaving care). Within a phase, lines keep the order they were made in.
 */
export type DayPhase = 'opens' | 'during' | 'closes';
const phaseRank: Record<DayPhase, number> = { opens: 0, during: 1, closes: 2 };

/** One event to import, before it has a time of day. */
export interface ImportLine {
  /** The child's id in the return (SSDA903 CHILD, CIN census LAchildID): Hearth's external id. */
  child: string;
  type: string;
  /** The local date in London, YYYY-MM-DD. */
  date: string;
  phase: DayPhase;
  data: Record<string, unknown>;
  file: string;
  row: number;
}

/** Lines and problems, as each importer gives them back. */
export interface ImportMapping {
  lines: ImportLine[];
  problems: ReturnProblem[];
}

/** The tag every imported event carries in `data.imported`: "ssda903-2025", "cin-census-2024". */
export const importTag = (kind: 'ssda903' | 'cin-census', year: number) => `${kind}-${year}`;

/** A line as the event import takes it: an instant with an offset, and where it came from. */
export interface TimedLine {
  child: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
  file: string;
  row: number;
}

/**
 * The hour imported events are put at. A date alone has no time; midday keeps each event on its
 * own London date in any season (and away from the hours the clocks change).
 */
const importHour = '12:00';

/**
 * The lines as instants: a child's events on the same date a minute apart, in phase order and then
 * the order they were made in, so the record reads in the order things happened and two events
 * never share an instant (a placement ending and the next starting stay in that order).
 */
export function timed(lines: readonly ImportLine[]): TimedLine[] {
  const indexed = lines.map((line, index) => ({ line, index }));
  indexed.sort((a, b) => a.line.child.localeCompare(b.line.child) || a.line.date.localeCompare(b.line.date) || phaseRank[a.line.phase] - phaseRank[b.line.phase] || a.index - b.index);
  const out: TimedLine[] = [];
  let minute = 0;
  let day = '';
  for (const { line } of indexed) {
    const key = `${line.child}\u0000${line.date}`;
    minute = key === day ? minute + 1 : 0;
    day = key;
    const noon = londonInstant(line.date, importHour) as Date;
    out.push({ child: line.child, type: line.type, at: new Date(noon.getTime() + minute * 60_000).toISOString(), data: line.data, file: line.file, row: line.row });
  }
  return out;
}

/** A date from a return that can stand as an event's date: real, and not after today. */
export function dateProblem(label: string, date: string | null | undefined, today: string): string | null {
  if (date === null || date === undefined || date === '') return `${label} is missing`;
  if (!isIsoDate(date)) return `${label} ${date} is not a real date`;
  if (date > today) return `${label} ${date} is after today (${today}): import what has happened`;
  return null;
}

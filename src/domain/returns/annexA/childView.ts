import { addMonths, ageOn, londonDate } from '../../calendar/localDate';
import { chronological, type WorkflowEvent } from '../../records/events';
import type { ReturnSubject } from '../subject';
import type { AnnexAContext, AnnexARange } from './annexATypes';
import { ethnicityOf, genderOf, yesNo } from './annexAWords';

/** An event with its London date, the day the lists count it on (DESIGN.md, Time and working days). */
export type DatedEvent = WorkflowEvent & { on: string };

/**
 * A child's record as the lists read it: as it stood at the end of the range (or today, for a range
 * that ends later), so a list for last year does not show what happened since.
 */
export interface ChildView {
  subject: ReturnSubject;
  /** The events up to and including `asAt`, in the order they happened. */
  events: readonly DatedEvent[];
  range: AnnexARange;
  /** The day the record is read as at: the end of the range, or today if that is earlier. */
  asAt: string;
  context: AnnexAContext;
  /** What each fold made of the events, worked out once a child (several lists read the same periods of care). */
  folds: Map<(view: ChildView) => unknown, unknown>;
}

/** A fold of the child's events, worked out once for all the lists. */
export function once<T>(view: ChildView, fold: (view: ChildView) => T): T {
  if (!view.folds.has(fold)) view.folds.set(fold, fold(view));
  return view.folds.get(fold) as T;
}

export function childView(subject: ReturnSubject, range: AnnexARange, context: AnnexAContext): ChildView {
  const asAt = range.to < context.today ? range.to : context.today;
  const events = chronological(subject.events)
    .map((e) => ({ ...e, on: londonDate(e.occurredAt) }))
    .filter((e) => e.on <= asAt);
  return { subject, events, range, asAt, context, folds: new Map() };
}

/** The template's date format: DD/MM/YYYY. */
export const ddmmyyyy = (date: string | null | undefined): string => (date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : '');

export const inRange = (date: string | null | undefined, range: AnnexARange): boolean => typeof date === 'string' && date >= range.from && date <= range.to;

/** Was something that began on `start` and ended on `end` (null: still open) going on at any time in the range? */
export const overlapsRange = (start: string, end: string | null, range: AnnexARange): boolean => start <= range.to && (end === null || end >= range.from);

/** "In the last 12 months" up to a day: after the same day a year before, up to and including the day. */
export const withinTwelveMonthsOf = (date: string, upTo: string): boolean => date > addMonths(upTo, -12) && date <= upTo;

/** The latest event of these types on or before a day, optionally from a day on. */
export function latest(view: ChildView, types: readonly string[], from: string | null = null, upTo: string = view.asAt): DatedEvent | null {
  for (let i = view.events.length - 1; i >= 0; i--) {
    const e = view.events[i]!;
    if (e.on > upTo) continue;
    if (from !== null && e.on < from) return null;
    if (types.includes(e.type)) return e;
  }
  return null;
}

/** The columns every list of children starts with (Annex A lists 1-10). */
export const childHeadings = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)'];

/**
 * The child's unique ID is the one the DfE returns use (LAchildID / CHILD), so inspectors can match
 * the lists to the returns. The age is in whole years on the day the record is read as at; an
 * unborn child has none.
 */
export function childCells(view: ChildView): string[] {
  const { details, childId } = view.subject;
  const dob = details.dateOfBirth;
  return [childId, genderOf(details.gender), ethnicityOf(details.ethnicity), ddmmyyyy(dob), dob && dob <= view.asAt ? String(ageOn(dob, view.asAt)) : ''];
}

export const disabilityHeading = 'Does the Child have a Disability';

/**
 * Hearth records the child's disabilities as a list of CIN census codes; an empty list is recorded
 * as no disability (it cannot say "not known", which the template's Unknown would need).
 */
export const disabilityCell = (view: ChildView): string => yesNo(view.subject.details.disabilities.length > 0);

export const allocationHeadings = ['Allocated Team', 'Allocated Worker'];

/**
 * The child's team and worker as at the day read (`child.allocated`, src/domain/people/personEvents.ts),
 * with their names as they are now where the context knows them. A team without a named worker
 * yet says so.
 */
export function allocationCells(view: ChildView): string[] {
  const allocated = latest(view, ['child.allocated']);
  if (!allocated) return ['', ''];
  const d = allocated.data;
  const teamId = typeof d.teamId === 'string' ? d.teamId : null;
  const workerId = typeof d.workerId === 'string' ? d.workerId : null;
  const team = (teamId && view.context.teamName(teamId)) || (typeof d.teamName === 'string' ? d.teamName : '');
  const worker = workerId ? (view.context.workerName(workerId) ?? (typeof d.workerName === 'string' ? d.workerName : '')) : 'No named worker';
  return [team, worker];
}

/** One Annex A list: Ofsted's number, title and headings, and the rows a child gives it. */
export interface ListDefinition {
  number: number;
  title: string;
  headings: string[];
  rows: (view: ChildView) => string[][];
}

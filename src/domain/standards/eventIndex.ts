import { londonDate } from '../calendar/localDate';
import type { EventMatch } from './rule';

/** What the index needs of an event (StandardsEvent has it). */
interface IndexedEvent {
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** `includes`' equality, for one value (NaN equals NaN). */
const sameValueZero = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

export function matches(event: Pick<IndexedEvent, 'type' | 'data'>, match: EventMatch): boolean {
  if (event.type !== match.type) return false;
  const where = match.where;
  if (where) {
    for (const key in where) {
      const wanted = where[key];
      const actual = event.data[key];
      if (Array.isArray(wanted) ? !wanted.includes(actual as never) : !sameValueZero(wanted, actual)) return false;
    }
  }
  return true;
}

export function matchesAny(event: Pick<IndexedEvent, 'type' | 'data'>, list: readonly EventMatch[] | undefined): boolean {
  if (!list) return false;
  for (const match of list) if (matches(event, match)) return true;
  return false;
}

const none: readonly number[] = [];
/** The distinct types a list of matches names (the catalogue's lists are kept, so worked out once each). */
const typesOfList = new WeakMap<readonly EventMatch[], readonly string[]>();
function typesOf(list: readonly EventMatch[]): readonly string[] {
  let types = typesOfList.get(list);
  if (!types) {
    types = [...new Set(list.map((m) => m.type))];
    typesOfList.set(list, types);
  }
  return types;
}

/** The first position in an ascending list holding a value of at least `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A child's events in time order, found by type. The engine keeps asking "the first event
 * like this after that one" and "the last one before it"; looking only at events of the
 * right types answers in the same order as reading the whole record would, much faster.
 */
export class EventIndex<E extends IndexedEvent> {
  private readonly byType = new Map<string, number[]>();
  private readonly ofList = new Map<readonly EventMatch[], readonly number[]>();
  private readonly dates: string[] = [];

  constructor(readonly events: readonly E[]) {
    events.forEach((event, index) => {
      const list = this.byType.get(event.type);
      if (list) list.push(index);
      else this.byType.set(event.type, [index]);
    });
  }

  /** The London date of an event, worked out once. */
  londonDate(index: number): string {
    return (this.dates[index] ??= londonDate((this.events[index] as E).occurredAt));
  }

  /** Positions of the events of the types these matches name, ascending (their `where` not yet checked). */
  candidates(list: readonly EventMatch[]): readonly number[] {
    const types = typesOf(list);
    if (types.length === 1) return this.byType.get(types[0] as string) ?? none;
    let found = this.ofList.get(list);
    if (!found) {
      found = types.flatMap((type) => this.byType.get(type) ?? none).sort((a, b) => a - b);
      this.ofList.set(list, found);
    }
    return found;
  }

  /**
   * The first event after `after` and before `before` that matches the list, or -1; with a
   * `key`, only one whose data has `value` there (when there is a value to compare).
   */
  first(list: readonly EventMatch[] | undefined, after: number, before: number, key?: string, value?: unknown): number {
    if (!list) return -1;
    const candidates = this.candidates(list);
    for (let k = lowerBound(candidates, after + 1); k < candidates.length; k++) {
      const index = candidates[k] as number;
      if (index >= before) break;
      const event = this.events[index] as E;
      if (matchesAny(event, list) && (key === undefined || value === undefined || event.data[key] === value)) return index;
    }
    return -1;
  }

  /** The last event at or before `from` and after `above` that matches the list, or -1. */
  last(list: readonly EventMatch[] | undefined, from: number, above: number): number {
    if (!list) return -1;
    const candidates = this.candidates(list);
    for (let k = lowerBound(candidates, from + 1) - 1; k >= 0; k--) {
      const index = candidates[k] as number;
      if (index <= above) break;
      if (matchesAny(this.events[index] as E, list)) return index;
    }
    return -1;
  }
}

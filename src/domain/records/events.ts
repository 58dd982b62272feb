/**
 * A recorded event: one dated fact on a person's record. `occurredAt` is when it happened
 * (a visit on Tuesday), `recordedAt` when it was written down (on Thursday): the practice
 * standards time both (e.g. visits recorded within 48 hours).
 */
export interface RecordedEvent<D = Record<string, unknown>> {
  id: string;
  seq: number;
  personId: string;
  type: string;
  occurredAt: Date;
  recordedAt: Date;
  recordedBy: string | null;
  recordedByName: string | null;
  data: D;
  /** Why: required for corrections and "recorded in error". */
  reason: string | null;
  /** The event this one corrects, ends or marks as recorded in error. */
  refersTo: string | null;
}

export interface NewEvent<D = Record<string, unknown>> {
  id: string;
  personId: string;
  type: string;
  occurredAt: Date;
  data: D;
  reason?: string | null;
  refersTo?: string | null;
}

/** An event as a workflow's fold reads it (a strategy discussion, a conference, a plan): what, when, by whom, with its data. */
export interface WorkflowEvent {
  id: string;
  type: string;
  occurredAt: Date;
  recordedBy?: string | null;
  recordedByName: string | null;
  data: Record<string, unknown>;
}

/**
 * A record's events in the order they happened. A stream is kept in the order events were
 * recorded, and an event can be recorded after later ones (a visit written up the next day, an
 * import of a child's history): anything that reads a workflow's progress from the events reads
 * them in this order. Stable, so events at the same instant keep the order they were recorded in.
 */
export function chronological<E extends { occurredAt: Date }>(stream: readonly E[]): E[] {
  return [...stream].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** Items grouped by a key, each group in the order given: events by the person or stream they belong to. */
export function groupedBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

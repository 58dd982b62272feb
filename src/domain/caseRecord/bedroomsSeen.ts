import { chronological } from '../records/events';
import { matches } from '../standards/eventIndex';
import type { EventMatch } from '../standards/rule';

/** An event as this needs it. */
export interface VisitEvent {
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export interface BedroomCheck {
  /** Visits in a row, the latest first, at which the child's bedroom was not seen. */
  visitsWithout: number;
  /** The last visit of the plan at which it was seen, if any. */
  lastSeenAt: Date | null;
  /** 'overdue': three visits without; 'next-visit': two, so the next visit must see it. */
  state: 'ok' | 'next-visit' | 'overdue';
}

/**
 * "At a minimum the children's bedrooms will be seen once in every three visits"
 * (practice-standards.txt, Section 2: Child Protection Plans and Reviews, Visits 6), for a child
 * on a child protection plan: counted over the visits of the current plan, from the latest back.
 * A count of visits, not a time, so it is checked here rather than as a timed standard. Null when
 * the child is not on a plan.
 */
export function bedroomCheck(stream: readonly VisitEvent[], plan: { starts: readonly EventMatch[]; ends: readonly EventMatch[] }): BedroomCheck | null {
  let visits: VisitEvent[] | null = null;
  for (const event of chronological(stream)) {
    if (plan.starts.some((m) => matches(event, m))) visits = [];
    else if (plan.ends.some((m) => matches(event, m))) visits = null;
    else if (visits && event.type === 'cp.visit') visits.push(event);
  }
  if (!visits) return null;
  const ordered = [...visits].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
  const lastSeen = ordered.findIndex((v) => v.data.bedroomSeen === true);
  const visitsWithout = lastSeen === -1 ? ordered.length : lastSeen;
  return {
    visitsWithout,
    lastSeenAt: lastSeen === -1 ? null : (ordered[lastSeen] as VisitEvent).occurredAt,
    state: visitsWithout >= 3 ? 'overdue' : visitsWithout === 2 ? 'next-visit' : 'ok',
  };
}

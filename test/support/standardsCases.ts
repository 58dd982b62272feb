import { evaluate, type ChildFacts, type StandardsEvent } from '../../src/domain/standards/evaluate';
import { stateAt, type Obligation } from '../../src/domain/standards/obligation';
import { englandAndWalesCalendar } from '../../src/platform/calendar';
import { catalogueTimelines, episodes } from '../../src/standards/index';

let seq = 0;

/** An event for a rule test: a type, an instant written with its offset, and data. */
export function ev(type: string, at: string, data: Record<string, unknown> = {}, extra: Partial<StandardsEvent> = {}): StandardsEvent {
  seq += 1;
  return { id: `e${seq}`, seq, type, occurredAt: new Date(at), recordedAt: new Date(at), data, reason: null, ...extra };
}

/** The obligations of one rule for these events, with the real catalogue, episodes and calendar. */
export function obligationsOf(ruleId: string, events: StandardsEvent[], facts: Partial<ChildFacts> = {}): Obligation[] {
  const timeline = catalogueTimelines().find((t) => t.id === ruleId);
  if (!timeline) throw new Error(`No rule ${ruleId} in the catalogue`);
  // Tests see the rule switched on, whatever the authority's default.
  const on = { ...timeline, versions: timeline.versions.map((v) => ({ ...v, enabled: true })) };
  return evaluate({
    personId: 'child',
    events,
    rules: [on],
    episodes,
    calendar: englandAndWalesCalendar(),
    facts: { dateOfBirth: null, teamSpecialism: null, ...facts },
  });
}

/** "Due by" as a test states it: a London date, or an instant for rules counted in hours. */
export function dueOf(obligation: Obligation): string {
  return obligation.dueDate ?? obligation.deadline.toISOString();
}

export { stateAt };

import { matches } from './evaluate';
import type { Episode, EventMatch } from './rule';

/** What an event type needs to have happened first (its definition in the catalogue). */
export interface OrderRequirement {
  type: string;
  title: string;
  during?: string;
  after?: readonly EventMatch[];
}

export interface OrderedEvent {
  key: string;
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

/**
 * Events that could not have happened when they say they did: a review before the child came
 * into care, a core group with no child protection plan, a completion before its start. The
 * record's existing events and the new ones are taken together, in time order; only the new
 * ones (those with a key in `incoming`) are judged.
 */
export function outOfOrder(
  existing: readonly OrderedEvent[],
  incoming: readonly OrderedEvent[],
  requirements: ReadonlyMap<string, OrderRequirement>,
  episodes: ReadonlyMap<string, Episode>,
): Map<string, string> {
  const judged = new Set(incoming.map((e) => e.key));
  const all = [...existing, ...incoming].sort((a, b) => a.at.getTime() - b.at.getTime());
  const open = new Map<string, boolean>();
  const seen: OrderedEvent[] = [];
  const problems = new Map<string, string>();

  for (const event of all) {
    const requirement = requirements.get(event.type);
    let problem: string | null = null;
    if (requirement?.during && !open.get(requirement.during)) {
      const episode = episodes.get(requirement.during);
      problem = `${requirement.title} at ${event.at.toISOString()} is not during ${episode?.title.toLowerCase() ?? requirement.during}: record its start first, or check the date`;
    } else if (requirement?.after && !requirement.after.some((m) => seen.some((e) => matches(e, m)))) {
      problem = `${requirement.title} at ${event.at.toISOString()} comes before any ${requirement.after.map((m) => requirements.get(m.type)?.title.toLowerCase() ?? m.type).join(' or ')}: check the date`;
    }
    if (problem && judged.has(event.key)) {
      problems.set(event.key, problem);
      continue; // a refused event does not open or close anything
    }
    for (const [id, episode] of episodes) {
      if (episode.starts.some((m) => matches(event, m))) open.set(id, true);
      else if (episode.ends.some((m) => matches(event, m))) open.set(id, false);
    }
    seen.push(event);
  }
  return problems;
}

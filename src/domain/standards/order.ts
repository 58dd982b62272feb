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
 * Why an event could not have happened when it says: it is not during the episode it belongs to
 * (its start is missing or later), or nothing it must come after came first.
 */
export type OrderProblem =
  | { kind: 'not-during'; requirement: OrderRequirement; at: Date; episodeId: string; episode: Episode | undefined }
  | { kind: 'before'; requirement: OrderRequirement; at: Date; after: readonly EventMatch[] };

/**
 * Events that could not have happened when they say they did: a review before the child came
 * into care, a core group with no child protection plan, a completion before its start. The
 * record's existing events and the new ones are taken together, in time order; only the new
 * ones (those with a key in `incoming`) are judged.
 */
export function orderProblems(
  existing: readonly OrderedEvent[],
  incoming: readonly OrderedEvent[],
  requirements: ReadonlyMap<string, OrderRequirement>,
  episodes: ReadonlyMap<string, Episode>,
): Map<string, OrderProblem> {
  const judged = new Set(incoming.map((e) => e.key));
  const all = [...existing, ...incoming].sort((a, b) => a.at.getTime() - b.at.getTime());
  const open = new Map<string, boolean>();
  const seen: OrderedEvent[] = [];
  const problems = new Map<string, OrderProblem>();

  for (const event of all) {
    const requirement = requirements.get(event.type);
    let problem: OrderProblem | null = null;
    if (requirement?.during && !open.get(requirement.during)) {
      problem = { kind: 'not-during', requirement, at: event.at, episodeId: requirement.during, episode: episodes.get(requirement.during) };
    } else if (requirement?.after && !requirement.after.some((m) => seen.some((e) => matches(e, m)))) {
      problem = { kind: 'before', requirement, at: event.at, after: requirement.after };
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

/** The same check, each problem in words for an import's report (instants as ISO-8601, as imported). */
export function outOfOrder(
  existing: readonly OrderedEvent[],
  incoming: readonly OrderedEvent[],
  requirements: ReadonlyMap<string, OrderRequirement>,
  episodes: ReadonlyMap<string, Episode>,
): Map<string, string> {
  const worded = new Map<string, string>();
  for (const [key, problem] of orderProblems(existing, incoming, requirements, episodes)) {
    const { requirement, at } = problem;
    worded.set(
      key,
      problem.kind === 'not-during'
        ? `${requirement.title} at ${at.toISOString()} is not during ${problem.episode?.title.toLowerCase() ?? problem.episodeId}: record its start first, or check the date`
        : `${requirement.title} at ${at.toISOString()} comes before any ${problem.after.map((m) => requirements.get(m.type)?.title.toLowerCase() ?? m.type).join(' or ')}: check the date`,
    );
  }
  return worded;
}

import type { RuleTimeline } from './evaluate';
import type { Episode, EventMatch } from './rule';

/**
 * Which rules a new event can change, and which events those rules read. What `evaluate` makes
 * of a rule depends only on the child's facts and on events of the types the rule names in any
 * of its versions: what starts it, satisfies it, cancels it, counts its clock from, and what
 * opens and closes its episode. The relative order of those events is the same whether the
 * others are there or not, so evaluating a rule on those events alone gives the same obligations
 * as evaluating it on the whole record. A visit touches a handful of the catalogue's rules, and
 * recomputing only those is what lets one new event be recorded quickly (issue 3's aim: one
 * event under 10 ms) on a child with years of history.
 */
export function typesRead(timeline: RuleTimeline, episodes: ReadonlyMap<string, Episode>): Set<string> {
  const types = new Set<string>();
  const add = (list: readonly EventMatch[] | undefined) => list?.forEach((m) => types.add(m.type));
  for (const { rule } of timeline.versions) {
    add(rule.starts);
    add(rule.satisfiedBy);
    add(rule.cancelledBy);
    add(rule.countFrom);
    const episode = rule.episode === undefined ? undefined : episodes.get(rule.episode);
    if (rule.episode !== undefined && !episode) throw new Error(`Rule ${timeline.id} lives in an unknown episode ${rule.episode}`);
    add(episode?.starts);
    add(episode?.ends);
  }
  return types;
}

export interface TouchIndex {
  /** The rules an event of this type can change (none for a type no rule reads). */
  rulesTouchedBy(type: string): readonly RuleTimeline[];
  /** Every event type any of the rules reads: the rest of a record (case notes, documents) need not be read to work out its obligations. */
  typesReadByAny: readonly string[];
}

/**
 * The index for a set of timelines, kept per set: the catalogue's whole set is kept while the
 * overrides stay the same; a subset (the rules one event touches) is a few rules' worth to work out again.
 */
const indexes = new WeakMap<readonly RuleTimeline[], TouchIndex>();
export function touchIndex(timelines: readonly RuleTimeline[], episodes: readonly Episode[]): TouchIndex {
  const known = indexes.get(timelines);
  if (known) return known;
  const episodeById = new Map(episodes.map((e) => [e.id, e]));
  const byType = new Map<string, RuleTimeline[]>();
  for (const timeline of timelines) {
    const types = typesRead(timeline, episodeById);
    for (const type of types) {
      const list = byType.get(type);
      if (list) list.push(timeline);
      else byType.set(type, [timeline]);
    }
  }
  const index: TouchIndex = {
    rulesTouchedBy: (type) => byType.get(type) ?? [],
    typesReadByAny: [...byType.keys()],
  };
  indexes.set(timelines, index);
  return index;
}

import type { RuleTimeline } from '../domain/standards/evaluate';
import type { Episode, Rule } from '../domain/standards/rule';
import type { CatalogueFile, EventTypeDefinition, NotModelled } from './catalogueTypes';
import { coreEventTypes } from './coreEventTypes';
import { episodes as commonEpisodes } from './episodes';
import { placementStabilityGuidance } from './placementStabilityGuidance';
import { section1 } from './practice-standards/section1EarlyHelpAndDisabilities';
import { section2 } from './practice-standards/section2ReferralAndAssessment';
import { section3 } from './practice-standards/section3CorporateParenting';
import { section4Conferences } from './practice-standards/section4ChildProtectionConferences';
import { section4Reviews } from './practice-standards/section4ReviewsAndAllegations';
import { section5 } from './practice-standards/section5Recording';
import { resourceAndCarePanelPolicy } from './resourceAndCarePanelPolicy';
import { resourceServicePolicy } from './resourceServicePolicy';
import { specialistServiceStatement } from './specialistServiceStatement';

/**
 * The practice standards catalogue: every rule, the episodes they live in and the event types
 * they read, gathered from one file per source policy (or per section of the long one).
 */
export const catalogueFiles: readonly CatalogueFile[] = [
  section1,
  section2,
  section3,
  section4Conferences,
  section4Reviews,
  section5,
  specialistServiceStatement,
  resourceServicePolicy,
  resourceAndCarePanelPolicy,
  placementStabilityGuidance,
];

export const catalogueRules: readonly Rule[] = catalogueFiles.flatMap((f) => f.rules);

/** Every event type, each declared once: by the core list or by the one catalogue file that owns it (the catalogue test checks). */
export const eventTypes: readonly EventTypeDefinition[] = [...coreEventTypes, ...catalogueFiles.flatMap((f) => f.eventTypes)];

/** The episodes rules live within: the common ones, and any a catalogue file adds. */
export const episodes: readonly Episode[] = [...commonEpisodes, ...catalogueFiles.flatMap((f) => f.episodes ?? [])];

/** Each event type by its type ("cin.visit"): the one lookup for the import, the Record work form and the history. */
export const eventTypesByType: ReadonlyMap<string, EventTypeDefinition> = new Map(eventTypes.map((d) => [d.type, d]));

/** Each episode by its id ("in-care"). */
export const episodesById: ReadonlyMap<string, Episode> = new Map(episodes.map((e) => [e.id, e]));

export function eventTypeOf(type: string): EventTypeDefinition | undefined {
  return eventTypesByType.get(type);
}

/**
 * Event types a worker records as practice work (a visit, a review, a decision): all but the
 * one that adds the child, which is how a record begins, not work done on it.
 */
export function isPracticeWork(type: string): boolean {
  return type !== 'child.registered' && eventTypesByType.has(type) && !eventTypesByType.get(type)?.recordedOn;
}

/** Definite timescales the engine does not follow yet, with why. */
export const notModelled: readonly NotModelled[] = catalogueFiles.flatMap((f) => f.notModelled ?? []);

/** The date the catalogue's own versions of the rules take effect from. */
export const catalogueEffectiveFrom = '1900-01-01';

export function ruleById(id: string): Rule | undefined {
  return catalogueRules.find((r) => r.id === id);
}

/** Each rule as the catalogue has it (version 1), before an authority's overrides. */
export function catalogueTimelines(): RuleTimeline[] {
  return catalogueRules.map((rule) => ({
    id: rule.id,
    versions: [{ rule, version: 1, effectiveFrom: catalogueEffectiveFrom, enabled: rule.enabled ?? true }],
  }));
}

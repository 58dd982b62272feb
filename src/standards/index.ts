import type { RuleTimeline } from '../domain/standards/evaluate';
import type { Rule } from '../domain/standards/rule';
import type { CatalogueFile, EventTypeDefinition } from './catalogueTypes';
import { coreEventTypes } from './coreEventTypes';
import { episodes } from './episodes';
import { section2 } from './practice-standards/section2ReferralAndAssessment';
import { section3 } from './practice-standards/section3CorporateParenting';
import { section4Conferences } from './practice-standards/section4ChildProtectionConferences';
import { section4Reviews } from './practice-standards/section4ReviewsAndAllegations';

/**
 * The practice standards catalogue: every rule, the episodes they live in and the event types
 * they read, gathered from one file per source policy (or per section of the long one).
 */
export const catalogueFiles: readonly CatalogueFile[] = [section2, section3, section4Conferences, section4Reviews];

export const catalogueRules: readonly Rule[] = catalogueFiles.flatMap((f) => f.rules);

export const eventTypes: readonly EventTypeDefinition[] = (() => {
  const byType = new Map<string, EventTypeDefinition>();
  for (const definition of [...coreEventTypes, ...catalogueFiles.flatMap((f) => f.eventTypes)]) {
    if (!byType.has(definition.type)) byType.set(definition.type, definition);
  }
  return [...byType.values()];
})();

export { episodes };

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

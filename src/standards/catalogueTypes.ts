import type { z } from 'zod';
import type { EventMatch, Rule } from '../domain/standards/rule';

/**
 * An event type Hearth accepts on a child's record (issue 3: "Event types Hearth accepts").
 * `during` names the episode it must fall within, and `after` what must have happened first,
 * so that an event out of order ("a review before the child came into care") is refused.
 */
export interface EventTypeDefinition {
  type: string;
  title: string;
  during?: string;
  after?: readonly EventMatch[];
  /** What its data must hold; other keys are kept as given. */
  data?: z.ZodType;
}

/** One file of the catalogue: the rules of one policy (or one section of it) and the events they use. */
export interface CatalogueFile {
  rules: readonly Rule[];
  eventTypes: readonly EventTypeDefinition[];
}

/** Rules are written as plain objects; this keeps their types checked where they are written. */
export function rules<const T extends readonly Rule[]>(list: T): T {
  return list;
}

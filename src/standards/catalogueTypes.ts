import type { Permission } from '../domain/access/permissions';
import type { z } from 'zod';
import type { Citation, Episode, EventMatch, Rule } from '../domain/standards/rule';

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
  /**
   * Recorded only through its own workflow's pages, never on Record work: the front door's contact
   * and threshold decision, an assessment's sign-off by a manager who is not its author (issue 4).
   */
  /**
   * Who may record it on Record work, when more than recording on the case is needed (a
   * conference's decision is its chair's alone: practice-standards.txt, Section 4).
   */
  permission?: Permission;
  recordedOn?: 'front-door' | 'hub-review' | 'assessment' | 'case-record' | 'closure' | 'strategy' | 'section-47' | 'conference' | 'core-groups' | 'cin-plan' | 'safety-plan' | 'in-care' | 'cic-reviews' | 'missing' | 'care-leaver' | 'permanence' | 'health-education' | 'placements' | 'placement-requests' | 'care-packages' | 'family-time' | 'panel-referral' | 'panel' | 'fostering' | 'foster-carer' | 'lado' | 'adoption' | 'workforce' | 'occupational-therapy' | 'assist' | 'transitions' | 'hospital-duty' | 'youth-justice';
}

/**
 * A definite timescale the engine does not follow yet, kept with its citation and the reason, so
 * that the catalogue says what it leaves out (for example one about a provider or a member of
 * staff rather than a child, which a later module will track).
 */
export interface NotModelled {
  citation: Citation;
  quote: string;
  reason: string;
}

/** One file of the catalogue: the rules of one policy (or one section of it) and the events they use. */
export interface CatalogueFile {
  rules: readonly Rule[];
  eventTypes: readonly EventTypeDefinition[];
  episodes?: readonly Episode[];
  notModelled?: readonly NotModelled[];
}

/** Rules are written as plain objects; this keeps their types checked where they are written. */
export function rules<const T extends readonly Rule[]>(list: T): T {
  return list;
}

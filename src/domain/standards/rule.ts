import type { Role } from '../access/roles';

/**
 * The practice standards as data (issue 3). A rule says, for one timescale of one policy
 * paragraph: what starts the clock, how the due time is counted, what satisfies it, what ends
 * it, which children it applies to and who is responsible. The catalogue of rules is in
 * src/standards/; this file is its shape, and evaluate.ts is the engine that applies it.
 */

export const policyDocuments = {
  'practice-standards': "Children's Services Practice Standards (practice-standards.txt)",
  'specialist-service-statement': "Children and Young People's Specialist Service: a Service Statement (specialist-service-statement.txt)",
  'resource-service-policy': 'Resource Service Policy and Procedures (resource-service-policy.txt)',
  'resource-and-care-panel-policy': 'Resource and Care Panel Policy (resource-and-care-panel-policy.txt)',
  'placement-stability-guidance': 'Placement Stability Guidance (placement-stability-guidance.txt)',
} as const;

export type PolicyDocument = keyof typeof policyDocuments;

export interface Citation {
  document: PolicyDocument;
  /** The section or chapter, as the document heads it: "Section 4: Child Protection Conferences". */
  section: string;
  /** The paragraph or standard number: "14". */
  paragraph: string;
}

/** A value an event's data must have; several values mean any of them. */
export type MatchValue = string | number | boolean | readonly (string | number | boolean)[];

/** Events of a type, optionally only those whose data has these values. */
export interface EventMatch {
  type: string;
  where?: Readonly<Record<string, MatchValue>>;
}

export type Unit = 'hours' | 'working-days' | 'days' | 'weeks' | 'months';

export interface Interval {
  amount: number;
  unit: Unit;
}

/**
 * A stretch of a child's involvement a rule lives within: a child protection plan, a period in
 * care. Its end cancels the rule's open obligations; "the first review" counts within it.
 */
export interface Episode {
  id: string;
  title: string;
  starts: readonly EventMatch[];
  ends: readonly EventMatch[];
}

/** Which children a rule applies to, from facts about the child. */
export interface Cohort {
  /** Only children allocated to a team of one of these specialisms ("disabled-children"). */
  teamSpecialisms?: readonly string[];
  /** Not children allocated to a team of one of these specialisms (another rule covers them). */
  exceptTeamSpecialisms?: readonly string[];
}

interface RuleBase {
  /** Stable: obligations, overrides and reports refer to it. kebab-case, area first: "cp.icpc". */
  id: string;
  title: string;
  citation: Citation;
  /** The policy's own words for this timescale. */
  quote: string;
  /** How Hearth reads the rule where the text could be read more than one way. */
  notes?: string;
  responsible: Role;
  /** Events that open an obligation (each one, or only the nth within its episode). */
  starts: readonly EventMatch[];
  occurrence?: number;
  /** Only the nth and later within its episode: "before the next review" leaves the first out. */
  fromOccurrence?: number;
  satisfiedBy: readonly EventMatch[];
  /**
   * Met by recording the start event itself, at its recording time ("the contact will be added
   * to the record within one hour"): `data.recordedAt` if the event carries it, else when it
   * was recorded in Hearth.
   */
  satisfiedByRecording?: boolean;
  /** A data key that ties the start to what satisfies it (one MASH enquiry's completion, not another's). */
  correlate?: string;
  /**
   * Count the time from the latest of these events at or before the start, not from the start
   * itself ("the assessment within 45 working days of the contact", opened by the decision).
   */
  countFrom?: readonly EventMatch[];
  /** The episode the rule lives in: its end cancels open obligations. */
  episode?: string;
  /** Other events that cancel an open obligation. */
  cancelledBy?: readonly EventMatch[];
  cohort?: Cohort;
  /**
   * False for a rule another document sets differently, kept but off until the authority
   * chooses it (issue 3: "both rules exist and the authority's configuration says which is
   * active"). `alternativeTo` names the rule it differs from.
   */
  enabled?: boolean;
  alternativeTo?: string;
}

/** Due a fixed interval after each start event. */
export interface AfterRule extends RuleBase {
  kind: 'after';
  within: Interval;
  /**
   * Counted from a date the start event records (`data[field]`, YYYY-MM-DD), not from the event:
   * "return to panel (date)" on the panel's decision sheet. A start without that date opens nothing.
   */
  fromDateIn?: string;
}

/**
 * Due again from the date it was last done, or from the start for the first time, until the
 * episode ends (DESIGN.md: "Recurring standards").
 */
export interface RecurringRule extends RuleBase {
  kind: 'recurring';
  every: Interval;
  /** A different interval for the first time ("the first core group within 10 working days"). */
  first?: Interval;
  /** How many times it falls due, when not until the episode ends ("once a week for four weeks": 4). */
  times?: number;
}

/** Due before a birthday: `age`, less `ahead` ("1 month before their 18th birthday"). */
export interface BeforeBirthdayRule extends RuleBase {
  kind: 'before-birthday';
  age: number;
  /** How long before the birthday; "before the birthday" is 1 day before it. */
  ahead: Interval;
}

/**
 * Due a time before another event, known once that event is recorded ("reports shared 5
 * working days before the conference"): the start events are that later event, and what
 * satisfies it must happen between the previous one (or the episode's start) and it.
 */
export interface BeforeEventRule extends RuleBase {
  kind: 'before-event';
  ahead: Interval;
  /**
   * Due `ahead` before a date the start event records (`data[field]`, YYYY-MM-DD: "a month before
   * the release date"), not before the start event itself: known once the date is set, so it can
   * be done after the start, and anything in the rule's episode (or, without one, at any time)
   * before it closes satisfies it. A start without that date opens nothing. Give the rule
   * `cancelledBy` the events that set the date again, so a changed date replaces the old one.
   */
  beforeDateIn?: string;
  /**
   * With `beforeDateIn`: only for a child who turns this age during the rule's episode, by that
   * date: younger when the episode started (the start event without one) and this age or older on
   * the date ("young people who have turned 18 whilst in custody"). Needs the date of birth.
   */
  turnsAgeBy?: number;
}

export type Rule = AfterRule | RecurringRule | BeforeBirthdayRule | BeforeEventRule;

/**
 * A rule as an authority has it from a date: the catalogue's own (version 1) or an override of
 * its timescale, or switching it on or off (issue 3: "Versions").
 */
export interface RuleVersion {
  rule: Rule;
  version: number;
  effectiveFrom: string;
  enabled: boolean;
}

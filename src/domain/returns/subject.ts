import type { PersonDetails } from '../people/personDetails';
import type { WorkflowEvent } from '../records/events';
import type { CollectionPeriod } from './collectionYear';
import type { WorkingCalendar } from '../calendar/workingDays';

/**
 * A child as the statutory returns read them: their details and their whole record. The returns
 * are projections of these events (issue 10), never a second copy of the data.
 */
export interface ReturnSubject {
  personId: string;
  /** LAchildID (CIN census) and CHILD (SSDA903): the id the authority's earlier returns used (the external id of a migrated child), else Hearth's own number. */
  childId: string;
  details: PersonDetails;
  /** Home addresses, oldest first, each with the date it began (SSDA903 HOME_POST). */
  addresses: readonly { postcode: string; from: string }[];
  /** The child's whole record in the order things happened, without entries recorded in error. */
  events: readonly WorkflowEvent[];
  /** The dates of birth of the young person's own children, from the family relationships recorded (SSDA903 MOTHER, MC_DOB). */
  ownChildren?: readonly { dateOfBirth: string | null }[];
}

/** What the SSDA903 return needs of the provider a child is placed with (src/modules/providers/). */
export interface ProviderFacts {
  id: string;
  /** Hearth's provider kind (src/domain/placements/providers.ts providerTypes). */
  kind: string;
  /** The Ofsted unique reference number (SSDA903 URN), if registered. */
  urn: string | null;
  postcode: string | null;
}

export interface ReturnContext {
  period: CollectionPeriod;
  /** The authority's three-digit DfE code (CIN census LEA; the UPN's characters 2-4). */
  laCode: string;
  providers: ReadonlyMap<string, ProviderFacts>;
  /** England and Wales working days, for rules that count them (cin-census/rules.csv 8670Q, 8675Q). */
  calendar: WorkingCalendar;
}

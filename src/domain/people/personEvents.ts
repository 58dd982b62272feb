import type { PersonKind } from './codes';
import type { FieldChange, PersonDetails } from './personDetails';

/**
 * The event types of a person's record kept by the people module. Later modules add their own
 * (contact.received, cp.conference_held, …); the legal status events are read here too, so the
 * front sheet can show a child's legal status history.
 */
export const personEvent = {
  childRegistered: 'child.registered',
  adultRegistered: 'adult.registered',
  professionalRegistered: 'professional.registered',
  detailsCorrected: 'person.details_corrected',
  addressRecorded: 'person.address_recorded',
  warningRecorded: 'person.warning_recorded',
  warningEnded: 'person.warning_ended',
  relationshipRecorded: 'relationship.recorded',
  relationshipEnded: 'relationship.ended',
  allocated: 'child.allocated',
  restricted: 'child.restricted',
  restrictionLifted: 'child.restriction_lifted',
  accessGranted: 'child.access_granted',
  accessRevoked: 'child.access_revoked',
  recordedInError: 'entry.recorded_in_error',
  cicStarted: 'cic.started',
  legalStatusChanged: 'cic.legal_status_changed',
  cicEnded: 'cic.ended',
} as const;

export const registrationEventOf: Record<PersonKind, string> = {
  child: personEvent.childRegistered,
  adult: personEvent.adultRegistered,
  professional: personEvent.professionalRegistered,
};

export const registrationEvents: readonly string[] = Object.values(registrationEventOf);

export type RegistrationData = PersonDetails & { hearthId: number; kind: PersonKind; externalId?: string | null };
export interface CorrectionData {
  changes: FieldChange[];
}
export interface AddressData {
  line1: string;
  line2: string | null;
  town: string;
  postcode: string;
  startDate: string;
}
export interface WarningData {
  category: string;
  detail: string;
  startDate: string;
}
export interface WarningEndedData {
  endDate: string;
}
export interface RelationshipData {
  relatedPersonId: string;
  type: string;
  parentalResponsibility: boolean;
  professionalRole: string | null;
  startDate: string;
}
export interface RelationshipEndedData {
  endDate: string;
}
export interface AllocationData {
  workerId: string | null;
  workerName: string | null;
  teamId: string;
  teamName: string;
}
export interface AccessData {
  userId: string;
  userName: string;
}
export interface LegalStatusData {
  legalStatus: string;
}

/** Entries that may be hidden as "recorded in error", and the name a person would give them. */
export const entriesThatMayBeInError: Record<string, string> = {
  [personEvent.addressRecorded]: 'address',
  [personEvent.warningRecorded]: 'warning',
  [personEvent.relationshipRecorded]: 'relationship',
  [personEvent.cicStarted]: 'legal status',
  [personEvent.legalStatusChanged]: 'legal status',
  // The case record's own entries (issue 4): a note, or a significant event added to the chronology.
  'case_note.recorded': 'case note',
  'case.significant_event_occurred': 'significant event',
};

/**
 * Events that change what the practice standards know of a person beyond their events: the date
 * of birth (birthdays' deadlines) and the allocated team (cohorts by the team's specialism).
 */
export const factsChangingEvents: readonly string[] = [...registrationEvents, personEvent.detailsCorrected, personEvent.allocated];

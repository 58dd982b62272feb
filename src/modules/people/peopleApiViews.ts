import { londonDate } from '../../domain/calendar/localDate';
import type { RecordedEvent } from '../../domain/records/events';
import { mentionedPeople } from './describeEvent';
import type { PersonRecord } from './peopleRepository';
import type { viewRecord } from './viewRecord';

type FrontSheet = Awaited<ReturnType<ReturnType<typeof viewRecord>['frontSheet']>>;

/** How a child appears in the API's lists. */
export function childSummaryView(record: PersonRecord) {
  return {
    id: record.id,
    hearthId: record.hearthId,
    externalId: record.externalId,
    givenNames: record.details.givenNames,
    familyName: record.details.familyName,
    preferredName: record.details.preferredName,
    dateOfBirth: record.details.dateOfBirth,
    expectedDateOfBirth: record.details.expectedDateOfBirth,
    gender: record.details.gender,
    restricted: record.restricted,
    allocatedWorkerId: record.allocatedWorkerId,
    allocatedTeamId: record.allocatedTeamId,
  };
}

/**
 * An event as the API gives it. A mention of a person the caller may not see (a relationship to
 * a restricted child) is withheld: the id is replaced and `restrictedPersonWithheld` says so.
 */
export function eventView(event: RecordedEvent, visible: ReadonlySet<string> = new Set()) {
  const hidden = mentionedPeople(event).filter((id) => !visible.has(id));
  const data = hidden.length > 0 ? { ...event.data, relatedPersonId: null, restrictedPersonWithheld: true } : event.data;
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    recordedBy: event.recordedByName,
    data,
    reason: event.reason,
    refersTo: event.refersTo,
  };
}

/** A child's whole record as the API gives it. */
export function childDetailView(sheet: FrontSheet) {
  const dated = (e: { id: string; startDate: string; endDate: string | null }) => ({ id: e.id, startDate: e.startDate, endDate: e.endDate });
  return {
    ...childSummaryView(sheet.record),
    details: sheet.record.details,
    age: sheet.age,
    allocation: {
      worker: sheet.allocatedWorker,
      team: sheet.allocatedTeam ? { id: sheet.allocatedTeam.id, name: sheet.allocatedTeam.name } : null,
      since: sheet.record.allocatedAt ? londonDate(sheet.record.allocatedAt) : null,
    },
    legalStatuses: sheet.legalStatuses.map((s) => ({ ...dated(s), status: s.status })),
    addresses: sheet.addresses.map((a) => ({ ...dated(a), line1: a.line1, line2: a.line2, town: a.town, postcode: a.postcode })),
    warnings: sheet.warnings.map((w) => ({ ...dated(w), category: w.category, detail: w.detail })),
    relationships: sheet.relationships.map((r) => ({
      id: r.id,
      label: r.label,
      person: r.person.visible ? { id: r.person.id, hearthId: r.person.hearthId, name: r.person.name, kind: r.person.kind } : { restricted: true as const },
      parentalResponsibility: r.parentalResponsibility,
      startDate: r.startDate,
      endDate: r.endDate,
    })),
  };
}

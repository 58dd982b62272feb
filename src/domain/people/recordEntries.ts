import { londonDate } from '../calendar/localDate';
import type { RecordedEvent } from '../records/events';
import {
  personEvent,
  type AddressData,
  type LegalStatusData,
  type RelationshipData,
  type WarningData,
} from './personEvents';

/**
 * The dated entries of a record (addresses, warnings, relationships, legal statuses), derived
 * from its events. Each entry's id is the event that recorded it; an entry marked "recorded in
 * error" keeps its place in the history but is left out here, and the entries around it close
 * up as though it had never been recorded.
 */
export interface Entry {
  id: string;
  personId: string;
  startDate: string;
  endDate: string | null;
}

function hiddenIds(events: readonly RecordedEvent[]): Set<string> {
  return new Set(
    events.filter((e) => e.type === personEvent.recordedInError && e.refersTo).map((e) => e.refersTo as string),
  );
}

/** The end dates given by "ended" events (warning ended, relationship ended), by the entry they end. */
function endDates(events: readonly RecordedEvent[], endedType: string): Map<string, string> {
  const ends = new Map<string, string>();
  for (const e of events) {
    if (e.type === endedType && e.refersTo) ends.set(e.refersTo, (e.data as unknown as { endDate: string }).endDate);
  }
  return ends;
}

/** A later entry ends the one before it: the chain of addresses, or of legal statuses. */
function chain<T extends Entry>(entries: T[]): T[] {
  const ordered = [...entries].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  return ordered.map((entry, i) => ({ ...entry, endDate: ordered[i + 1]?.startDate ?? entry.endDate }));
}

export type AddressEntry = Entry & Omit<AddressData, 'startDate'>;

export function addressHistory(events: readonly RecordedEvent[]): AddressEntry[] {
  const hidden = hiddenIds(events);
  const entries = events
    .filter((e) => e.type === personEvent.addressRecorded && !hidden.has(e.id))
    .map((e) => {
      const d = e.data as unknown as AddressData;
      return {
        id: e.id,
        personId: e.personId,
        startDate: d.startDate,
        endDate: null,
        line1: d.line1,
        line2: d.line2,
        town: d.town,
        postcode: d.postcode,
      };
    });
  return chain(entries);
}

export type WarningEntry = Entry & Omit<WarningData, 'startDate'>;

export function warningList(events: readonly RecordedEvent[]): WarningEntry[] {
  const hidden = hiddenIds(events);
  const ends = endDates(events, personEvent.warningEnded);
  return events
    .filter((e) => e.type === personEvent.warningRecorded && !hidden.has(e.id))
    .map((e) => {
      const d = e.data as unknown as WarningData;
      return { id: e.id, personId: e.personId, startDate: d.startDate, endDate: ends.get(e.id) ?? null, category: d.category, detail: d.detail };
    });
}

export type RelationshipEntry = Entry & Omit<RelationshipData, 'startDate'>;

export function relationshipList(events: readonly RecordedEvent[]): RelationshipEntry[] {
  const hidden = hiddenIds(events);
  const ends = endDates(events, personEvent.relationshipEnded);
  return events
    .filter((e) => e.type === personEvent.relationshipRecorded && !hidden.has(e.id))
    .map((e) => {
      const d = e.data as unknown as RelationshipData;
      return {
        id: e.id,
        personId: e.personId,
        startDate: d.startDate,
        endDate: ends.get(e.id) ?? null,
        relatedPersonId: d.relatedPersonId,
        type: d.type,
        parentalResponsibility: d.parentalResponsibility,
        professionalRole: d.professionalRole,
      };
    });
}

export type LegalStatusEntry = Entry & { status: string };

/**
 * A child's legal statuses while in care: each starts with `cic.started` or
 * `cic.legal_status_changed`, is ended by the next, and the last is ended by `cic.ended`.
 * The dates are the London dates of the events (DESIGN.md, Time and working days).
 */
export function legalStatusHistory(events: readonly RecordedEvent[]): LegalStatusEntry[] {
  const hidden = hiddenIds(events);
  const result: LegalStatusEntry[] = [];
  const ordered = [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq);
  let open: LegalStatusEntry | null = null;
  for (const e of ordered) {
    if (hidden.has(e.id)) continue;
    const date = londonDate(e.occurredAt);
    if (e.type === personEvent.cicStarted || e.type === personEvent.legalStatusChanged) {
      if (open) open.endDate = date;
      open = { id: e.id, personId: e.personId, startDate: date, endDate: null, status: (e.data as unknown as LegalStatusData).legalStatus };
      result.push(open);
    } else if (e.type === personEvent.cicEnded && open) {
      open.endDate = date;
      open = null;
    }
  }
  return result;
}

export function isCurrent(entry: Entry, today: string): boolean {
  return entry.startDate <= today && (entry.endDate === null || entry.endDate > today);
}

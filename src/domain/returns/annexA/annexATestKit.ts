import { emptyDetails, type PersonDetails } from '../../people/personDetails';
import { chronological, type WorkflowEvent } from '../../records/events';
import type { ReturnSubject } from '../subject';
import type { AnnexAContext, AnnexAList, AnnexARange } from './annexATypes';

/** Test data for the Annex A tests: the 2025-26 year, and children built from their events. */
export const range: AnnexARange = { from: '2025-04-01', to: '2026-03-31' };
export const dayBefore = '2025-03-31';
export const lastDay = '2026-03-31';

export const context: AnnexAContext = {
  today: '2026-05-01',
  workerName: (id) => ({ w1: 'Sam Okafor', pa1: 'Priya Shah' })[id] ?? null,
  teamName: (id) => ({ t1: 'Assessment Team North' })[id] ?? null,
  providers: new Map([['p1', { kind: 'childrens_home', urn: 'SC123456', postcode: 'WM5 7QR' }]]),
};

let seq = 0;
/** An event on a London date (noon, so the date is the same in UTC and London) or at an ISO instant. */
export function ev(type: string, when: string, data: Record<string, unknown> = {}): WorkflowEvent {
  seq += 1;
  return { id: `event-${seq}`, type, occurredAt: new Date(when.length === 10 ? `${when}T12:00:00Z` : when), recordedByName: null, data };
}

export function child(childId: string, events: WorkflowEvent[], details: Partial<PersonDetails> = {}): ReturnSubject {
  return {
    personId: `person-${childId}`,
    childId,
    details: { ...emptyDetails, givenNames: 'Test', familyName: childId, dateOfBirth: '2015-06-01', gender: 'F', ethnicity: 'WBRI', ...details },
    addresses: [],
    events: chronological(events),
  };
}

/** A row's cells by heading, so a test reads like the spreadsheet. */
export function rowsOf(list: AnnexAList): Record<string, string>[] {
  return list.rows.map((row) => Object.fromEntries(list.headings.map((h, i) => [h, row[i] ?? ''])));
}

import { londonDate } from '../calendar/localDate';

/**
 * A member of staff's workforce profile (issue 12; specialist-service-statement.txt 5.2-5.4): what
 * kind of practitioner they are, their hours, any caseload limits their manager has set, and the
 * ends of their induction and of their assessed and supported year in employment (ASYE). It is a
 * `workforce.profile_recorded` event on their own staff record: each change is a new version (with
 * the reason it replaces the last), never an edit, and the latest by when it took effect wins.
 */
export const workforceEvent = {
  profileRecorded: 'workforce.profile_recorded',
} as const;

export const practitionerKinds = [
  { value: 'qualified_social_worker', text: 'Qualified social worker' },
  { value: 'newly_qualified_social_worker', text: 'Newly qualified social worker (assessed and supported year)' },
  { value: 'family_support_practitioner', text: 'Family support practitioner' },
  { value: 'personal_adviser', text: 'Personal adviser' },
  { value: 'early_help_worker', text: 'Early help worker' },
  { value: 'occupational_therapist', text: 'Occupational therapist' },
  { value: 'youth_justice_officer', text: 'Youth justice officer' },
  { value: 'manager', text: 'Manager' },
  { value: 'other', text: 'Other' },
] as const;

export type Practitioner = (typeof practitionerKinds)[number]['value'];

const practitionerValues: readonly string[] = practitionerKinds.map((p) => p.value);

export function isPractitioner(value: unknown): value is Practitioner {
  return typeof value === 'string' && practitionerValues.includes(value);
}

/** The data of a `workforce.profile_recorded` event (the shape the issue 12 contract fixes). */
export interface WorkforceProfileData {
  practitioner: Practitioner;
  /** Full-time equivalent, 0.1 to 1. */
  fte: number;
  /** Null: the service's default for the kind of practitioner (5.2). */
  caseloadMinimum: number | null;
  caseloadMaximum: number | null;
  /** Last day of the induction period: weekly supervision until then (5.4). */
  inductionEndsOn: string | null;
  /** Last day of the assessed and supported year in employment: a protected caseload (5.2) and fortnightly supervision (5.4). */
  asyeEndsOn: string | null;
  lineManagerId: string | null;
}

/** A profile as in force, with the event that recorded it. */
export interface WorkforceProfile extends WorkforceProfileData {
  eventId: string | null;
  /** When it took effect. */
  from: Date;
  reason: string | null;
  recordedByName: string | null;
}

/** A staff event as this reads it (platform/events/staffEventStore StaffEvent fits). */
export interface ProfileEventLike {
  id?: string;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
  reason?: string | null;
  recordedByName?: string | null;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dateOrNull = (v: unknown): string | null => (typeof v === 'string' && isoDate.test(v) ? v : null);
const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The profile an event records, read defensively (an imported or older event may lack a field). */
export function profileOf(event: ProfileEventLike): WorkforceProfile {
  const d = event.data;
  const fte = numberOrNull(d.fte);
  return {
    practitioner: isPractitioner(d.practitioner) ? d.practitioner : 'other',
    fte: fte !== null && fte > 0 && fte <= 1 ? fte : 1,
    caseloadMinimum: numberOrNull(d.caseloadMinimum),
    caseloadMaximum: numberOrNull(d.caseloadMaximum),
    inductionEndsOn: dateOrNull(d.inductionEndsOn),
    asyeEndsOn: dateOrNull(d.asyeEndsOn),
    lineManagerId: typeof d.lineManagerId === 'string' && d.lineManagerId !== '' ? d.lineManagerId : null,
    eventId: event.id ?? null,
    from: event.occurredAt,
    reason: event.reason ?? null,
    recordedByName: event.recordedByName ?? null,
  };
}

/** A date as a London calendar date (YYYY-MM-DD); an instant is taken on its London day. */
function dayOf(date: string | Date): string {
  return typeof date === 'string' ? date : londonDate(date);
}

/**
 * Every profile recorded, oldest first by when it took effect (the order written breaks a tie, so
 * a second version the same day replaces the first): the worker's profile history.
 */
export function profileHistory(events: readonly ProfileEventLike[]): WorkforceProfile[] {
  return events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => event.type === workforceEvent.profileRecorded)
    .sort((a, b) => a.event.occurredAt.getTime() - b.event.occurredAt.getTime() || a.index - b.index)
    .map(({ event }) => profileOf(event));
}

/**
 * The profile in force on a day (a London date, or an instant taken on its London day): the latest
 * recorded to take effect on or before it. Null when none had been recorded by then. `events` are
 * the member of staff's events in the order written; other types are ignored.
 */
export function profileOn(events: readonly ProfileEventLike[], date: string | Date): WorkforceProfile | null {
  const day = dayOf(date);
  return profileHistory(events).filter((p) => londonDate(p.from) <= day).at(-1) ?? null;
}

export type SupervisionFrequency = 'weekly' | 'fortnightly' | 'monthly';

/**
 * How often a member of staff is supervised on a day (specialist-service-statement.txt 5.4: "All
 * CYPSS staff will receive supervision at least monthly. Specific arrangements will be made for
 * induction periods and assessed and supported years in employment to include more frequent
 * supervision (weekly or fortnightly)"): weekly during induction, fortnightly through the rest of
 * the assessed and supported year, monthly otherwise. Each period runs to its last day inclusive.
 * In the assessed year by the same test as the protected caseload (`inAsyeOn`): a newly qualified
 * social worker whose year has no end date recorded is still in it.
 */
export function supervisionFrequencyOn(profile: (Pick<WorkforceProfileData, 'inductionEndsOn' | 'asyeEndsOn'> & { practitioner?: Practitioner }) | null, date: string | Date): SupervisionFrequency {
  if (!profile) return 'monthly';
  const day = dayOf(date);
  if (profile.inductionEndsOn && day <= profile.inductionEndsOn) return 'weekly';
  if (profile.asyeEndsOn && day <= profile.asyeEndsOn) return 'fortnightly';
  if (profile.practitioner && inAsyeOn({ practitioner: profile.practitioner, asyeEndsOn: profile.asyeEndsOn }, day)) return 'fortnightly';
  return 'monthly';
}

/** In their assessed and supported year on this day: newly qualified, and the year not yet ended (5.2). */
export function inAsyeOn(profile: Pick<WorkforceProfileData, 'practitioner' | 'asyeEndsOn'> | null, date: string | Date): boolean {
  if (!profile || profile.practitioner !== 'newly_qualified_social_worker') return false;
  return profile.asyeEndsOn === null || dayOf(date) <= profile.asyeEndsOn;
}

import { londonDate } from '../calendar/localDate';
import type { WorkflowEvent } from '../records/events';

/**
 * The Disabled Children's Team's hospital duty service (specialist-service-statement.txt 7.3.2
 * bullet 2, 7.3.3 bullets 2-6): referrals from the hospital, on the child's record, each event
 * carrying its `referralId` so that one child's admissions over the years are told apart. Pure.
 *
 * The service statement names the Royal United Hospital; the demonstration authority's hospital
 * is the fictional Wealdmoor General Hospital.
 */
export const hospitalName = 'Wealdmoor General Hospital';

export const hospitalEvent = {
  received: 'cwd.hospital_referral_received',
  wardVisited: 'cwd.ward_visited',
  passedOn: 'cwd.hospital_referral_passed_on',
  handoverAccepted: 'cwd.hospital_handover_accepted',
  takenOn: 'cwd.hospital_referral_taken_on',
} as const;
export const hospitalEventTypes: readonly string[] = Object.values(hospitalEvent);

/** The standards of a hospital referral, in the order the work goes (specialist-service-statement.txt 7.3.3 bullets 4-5). */
export const hospitalRules = ['cwd.hospital-ward-visit', 'cwd.hospital-referral-passed-on', 'cwd.hospital-handover'] as const;

/**
 * Where the child lives: this authority, or another the hospital serves (Somerset and Wiltshire,
 * 7.3.2 bullet 2 and 7.3.3 bullet 4), or another named authority (a child visiting the area).
 */
export const homeAuthorities = [
  { value: 'this_authority', text: 'This authority' },
  { value: 'somerset', text: 'Somerset' },
  { value: 'wiltshire', text: 'Wiltshire' },
  { value: 'other', text: 'Another local authority (name it)' },
] as const;
export type HomeAuthority = (typeof homeAuthorities)[number]['value'];
export const homeAuthorityValues = homeAuthorities.map((a) => a.value) as unknown as readonly [HomeAuthority, ...HomeAuthority[]];

/** Where a referral of this authority's child goes next: the front door, or the Disabled Children's Team itself (7.3.2 bullet 1). */
export const takenOnRoutes = [
  { value: 'front_door', text: 'The front door (MASH): a contact to be recorded there' },
  { value: 'disabled_childrens_team', text: "The Disabled Children's Team: a new referral to the team" },
] as const;
export const takenOnValues = takenOnRoutes.map((r) => r.value) as unknown as readonly [string, ...string[]];

export interface Step {
  at: Date;
  by: string | null;
  note: string | null;
}

export interface HospitalReferral {
  referralId: string;
  personId: string;
  /** The event that started the referral's clocks. */
  eventId: string;
  receivedAt: Date;
  receivedBy: string | null;
  /** The front door's contact, when the referral came in there. */
  contactId: string | null;
  hospital: string;
  ward: string;
  admitted: boolean;
  homeAuthority: HomeAuthority;
  /** The authority's name, as a person reads it ("Somerset", or the one typed). */
  authorityName: string;
  outOfArea: boolean;
  reason: string;
  referrer: string | null;
  wardVisit: Step | null;
  passedOn: (Step & { contact: string }) | null;
  handover: (Step & { acceptedBy: string }) | null;
  takenOn: (Step & { route: string }) | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const step = (e: WorkflowEvent): Step => ({ at: e.occurredAt, by: e.recordedByName, note: text(e.data.note) });

/** The name of a home authority, or the one typed for another. */
export function authorityNameOf(homeAuthority: string, typed: string | null, thisAuthority = 'This authority'): string {
  if (homeAuthority === 'other') return typed ?? 'Another authority';
  if (homeAuthority === 'this_authority') return thisAuthority;
  return homeAuthorities.find((a) => a.value === homeAuthority)?.text ?? homeAuthority;
}

/** A child's hospital referrals, oldest first, each with its steps. */
export function referralsOf(personId: string, stream: readonly WorkflowEvent[]): HospitalReferral[] {
  const events = [...stream].filter((e) => hospitalEventTypes.includes(e.type)).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const byId = new Map<string, HospitalReferral>();
  for (const e of events) {
    // The front door's hospital contacts (src/modules/frontDoor/) carry the contact's id and the home authority as typed.
    // A referral carrying neither (recorded before referral ids, or imported) is known by its own event's id, so its
    // ward visit and passing on can still be recorded: they carry that id, and the catalogue's `correlate: 'referralId'`
    // matches any step when the referral itself has no referralId. A step with no id cannot be told apart and is left out.
    const referralId = text(e.data.referralId) ?? text(e.data.contactId) ?? (e.type === hospitalEvent.received ? e.id : null);
    if (!referralId) continue;
    if (e.type === hospitalEvent.received) {
      const known = (homeAuthorityValues as readonly string[]).includes(String(e.data.homeAuthority));
      const homeAuthority: HomeAuthority = known ? (e.data.homeAuthority as HomeAuthority) : e.data.outOfArea === true ? 'other' : 'this_authority';
      const typedName = text(e.data.homeAuthorityName) ?? (known ? null : text(e.data.homeAuthority));
      byId.set(referralId, {
        referralId, personId, eventId: e.id, receivedAt: e.occurredAt, receivedBy: e.recordedByName, contactId: text(e.data.contactId),
        hospital: text(e.data.hospital) ?? hospitalName, ward: text(e.data.ward) ?? '', admitted: e.data.admitted === true,
        homeAuthority, authorityName: authorityNameOf(homeAuthority, typedName), outOfArea: e.data.outOfArea === true,
        reason: text(e.data.reason) ?? '', referrer: text(e.data.referrer),
        wardVisit: null, passedOn: null, handover: null, takenOn: null,
      });
      continue;
    }
    const r = byId.get(referralId);
    if (!r) continue;
    if (e.type === hospitalEvent.wardVisited) r.wardVisit ??= step(e);
    if (e.type === hospitalEvent.passedOn) r.passedOn ??= { ...step(e), contact: text(e.data.contact) ?? '' };
    if (e.type === hospitalEvent.handoverAccepted) r.handover ??= { ...step(e), acceptedBy: text(e.data.acceptedBy) ?? '' };
    if (e.type === hospitalEvent.takenOn) r.takenOn ??= { ...step(e), route: text(e.data.route) ?? 'front_door' };
  }
  return [...byId.values()];
}

export type NextStep = 'ward_visit' | 'pass_on' | 'handover' | 'take_on' | 'done';
export const nextStepLabels: Record<NextStep, string> = {
  ward_visit: 'Visit the ward today',
  pass_on: 'Pass the referral on to the home authority now',
  handover: 'Confirm the home authority has taken case responsibility',
  take_on: 'Hand the referral to the front door or the team',
  done: 'Nothing outstanding',
};

/** The next thing the duty social worker owes on a referral: the ward visit first, then the referral on or in. */
export function nextStepOf(r: HospitalReferral): NextStep {
  if (r.admitted && !r.wardVisit) return 'ward_visit';
  if (r.outOfArea) return !r.passedOn ? 'pass_on' : !r.handover ? 'handover' : 'done';
  return r.takenOn ? 'done' : 'take_on';
}

/** The deadlines as 7.3.3 sets them (the catalogue's rules count the same): the ward visit the same London day, the hand-over 24 hours after the referral. */
export function wardVisitDueOn(r: Pick<HospitalReferral, 'receivedAt'>): string {
  return londonDate(r.receivedAt);
}
export function handoverDueBy(r: Pick<HospitalReferral, 'receivedAt'>): Date {
  return new Date(r.receivedAt.getTime() + 24 * 3_600_000);
}

/** Why a step on the referral cannot be recorded, or null when it can. */
export const hospitalRefusals = {
  wardVisit(r: HospitalReferral): string | null {
    if (!r.admitted) return 'The child was not admitted: a ward visit is for a child admitted to hospital (7.3.3)';
    return r.wardVisit ? 'The ward visit is already recorded' : null;
  },
  passOn(r: HospitalReferral): string | null {
    if (!r.outOfArea) return "The child lives in this authority: hand the referral to the front door or the team instead";
    return r.passedOn ? `The referral was already passed on to ${r.authorityName}` : null;
  },
  handover(r: HospitalReferral): string | null {
    if (!r.outOfArea) return 'The child lives in this authority: there is no hand-over to another authority';
    if (!r.passedOn) return `Record that the referral was passed on to ${r.authorityName} first`;
    return r.handover ? `${r.authorityName} has already taken case responsibility` : null;
  },
  takeOn(r: HospitalReferral): string | null {
    if (r.outOfArea) return `The child lives in ${r.authorityName}: pass the referral on to them instead`;
    return r.takenOn ? 'The referral has already been handed on' : null;
  },
};

import { isFrequency, type Frequency } from './frequency';

/**
 * A member of staff's supervision, read from their own record (staff_events): contracts, sessions
 * with their signatures and amendments, observations and audits (specialist-service-statement.txt
 * 5.4). Pure: the events in, the picture out; nothing here reads a clock or a database.
 */
export const supervisionEvent = {
  contractAgreed: 'supervision.contract_agreed',
  sessionRecorded: 'supervision.session_recorded',
  signed: 'supervision.signed',
  amended: 'supervision.amended',
  observed: 'supervision.observed',
  audited: 'supervision.audited',
} as const;

export const supervisionEventTypes: readonly string[] = Object.values(supervisionEvent);

/** An event on a member of staff's record, as this module needs it (platform/events/staffEventStore's StaffEvent fits). */
export interface StaffFact {
  id: string;
  userId: string;
  type: string;
  occurredAt: Date;
  recordedAt: Date;
  recordedBy: string | null;
  recordedByName: string | null;
  data: Record<string, unknown>;
  reason: string | null;
  refersTo: string | null;
}

/** The two parties to supervision, each of whom signs as themselves (5.4: "signed off by both parties"). */
export type Party = 'supervisee' | 'supervisor';

export interface Signature {
  id: string;
  by: string;
  byName: string;
  at: Date;
}

export type Signatures = Partial<Record<Party, Signature>>;

export interface Contract {
  id: string;
  supervisorId: string;
  supervisorName: string;
  frequency: Frequency;
  /** What the workforce profile asked for when it was agreed. */
  requiredFrequency: Frequency;
  covers: string;
  agreedOn: string;
  recordedAt: Date;
  recordedByName: string;
  /** Why it replaced the contract before it. */
  reason: string | null;
  replaces: string | null;
  signatures: Signatures;
}

/** The parts of a session record an amendment may change (the rest is corrected by a note, `other`). */
export const amendableParts = ['reflections', 'wellbeing', 'other'] as const;
export type AmendablePart = (typeof amendableParts)[number];

export const amendablePartLabels: Record<AmendablePart, string> = {
  reflections: 'Reflection and learning',
  wellbeing: 'Wellbeing and workload',
  other: 'Another part of the record (a case discussed, an action): a correction note',
};

export interface Amendment {
  id: string;
  part: AmendablePart;
  text: string;
  reason: string;
  at: Date;
  by: string;
  byName: string;
  signatures: Signatures;
}

export interface SessionAction {
  action: string;
  owner: Party;
  dueOn: string;
}

export interface CaseDiscussed {
  personId: string;
  actionsBy: string;
}

export interface Session {
  id: string;
  heldAt: Date;
  heldOn: string;
  contractId: string;
  supervisorId: string;
  supervisorName: string;
  cases: CaseDiscussed[];
  reflections: string;
  wellbeing: string;
  actions: SessionAction[];
  recordedAt: Date;
  signatures: Signatures;
  amendments: Amendment[];
  /** The record as it reads now: each amendment applied in turn. */
  current: { reflections: string; wellbeing: string; corrections: { text: string; at: Date; byName: string }[] };
  /** The session and every amendment signed by both parties. */
  signedByBoth: boolean;
}

export interface Observation {
  id: string;
  sessionId: string;
  observerId: string;
  observerName: string;
  feedback: string;
  learning: string | null;
  at: Date;
}

export const qualityRatings = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type QualityRating = (typeof qualityRatings)[number];
export const qualityLabels: Record<QualityRating, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
};

export interface SupervisionAudit {
  id: string;
  from: string;
  to: string;
  held: number;
  due: number;
  onTime: number;
  late: number;
  missed: number;
  onTimePercent: number | null;
  quality: QualityRating;
  comments: string;
  auditorId: string;
  auditorName: string;
  at: Date;
}

export interface SupervisionFile {
  userId: string;
  /** Every contract, oldest first; the last agreed is the one in force. */
  contracts: Contract[];
  contract: Contract | null;
  /** Oldest first. */
  sessions: Session[];
  observations: Observation[];
  audits: SupervisionAudit[];
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

function signaturesOf(events: readonly StaffFact[], itemId: string): Signatures {
  const found: Signatures = {};
  for (const e of events) {
    if (e.type !== supervisionEvent.signed || e.refersTo !== itemId) continue;
    const party = e.data.party === 'supervisor' ? 'supervisor' : e.data.party === 'supervisee' ? 'supervisee' : null;
    if (party && !found[party]) found[party] = { id: e.id, by: e.recordedBy ?? '', byName: e.recordedByName ?? '', at: e.recordedAt };
  }
  return found;
}

export const bothSigned = (s: Signatures) => Boolean(s.supervisee && s.supervisor);

/** A member of staff's supervision from their record's events (any order; the store gives them as written). */
export function supervisionFileOf(userId: string, events: readonly StaffFact[]): SupervisionFile {
  const mine = events.filter((e) => e.userId === userId);
  const contracts: Contract[] = mine
    .filter((e) => e.type === supervisionEvent.contractAgreed)
    .map((e) => ({
      id: e.id,
      supervisorId: text(e.data.supervisorId),
      supervisorName: text(e.data.supervisorName),
      frequency: isFrequency(e.data.frequency) ? e.data.frequency : 'monthly',
      requiredFrequency: isFrequency(e.data.requiredFrequency) ? e.data.requiredFrequency : 'monthly',
      covers: text(e.data.covers),
      agreedOn: text(e.data.agreedOn),
      recordedAt: e.recordedAt,
      recordedByName: e.recordedByName ?? '',
      reason: e.reason,
      replaces: e.refersTo,
      signatures: signaturesOf(mine, e.id),
    }))
    // Agreed date order; two agreed the same day stay in the order they were written.
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.agreedOn === b.c.agreedOn ? a.i - b.i : a.c.agreedOn < b.c.agreedOn ? -1 : 1))
    .map(({ c }) => c);

  const sessions: Session[] = mine
    .filter((e) => e.type === supervisionEvent.sessionRecorded)
    .map((e) => {
      const amendments: Amendment[] = mine
        .filter((a) => a.type === supervisionEvent.amended && a.refersTo === e.id)
        .map((a) => ({
          id: a.id,
          part: (amendableParts as readonly string[]).includes(text(a.data.part)) ? (a.data.part as AmendablePart) : 'other',
          text: text(a.data.text),
          reason: a.reason ?? '',
          at: a.recordedAt,
          by: a.recordedBy ?? '',
          byName: a.recordedByName ?? '',
          signatures: signaturesOf(mine, a.id),
        }));
      const current = { reflections: text(e.data.reflections), wellbeing: text(e.data.wellbeing), corrections: [] as Session['current']['corrections'] };
      for (const a of amendments) {
        if (a.part === 'other') current.corrections.push({ text: a.text, at: a.at, byName: a.byName });
        else current[a.part] = a.text;
      }
      const signatures = signaturesOf(mine, e.id);
      return {
        id: e.id,
        heldAt: e.occurredAt,
        heldOn: text(e.data.heldOn),
        contractId: text(e.data.contractId),
        supervisorId: text(e.data.supervisorId),
        supervisorName: text(e.data.supervisorName),
        cases: Array.isArray(e.data.cases) ? (e.data.cases as CaseDiscussed[]) : [],
        reflections: text(e.data.reflections),
        wellbeing: text(e.data.wellbeing),
        actions: Array.isArray(e.data.actions) ? (e.data.actions as SessionAction[]) : [],
        recordedAt: e.recordedAt,
        signatures,
        amendments,
        current,
        signedByBoth: bothSigned(signatures) && amendments.every((a) => bothSigned(a.signatures)),
      };
    })
    .sort((a, b) => a.heldAt.getTime() - b.heldAt.getTime());

  const observations: Observation[] = mine
    .filter((e) => e.type === supervisionEvent.observed)
    .map((e) => ({ id: e.id, sessionId: e.refersTo ?? '', observerId: e.recordedBy ?? '', observerName: e.recordedByName ?? '', feedback: text(e.data.feedback), learning: text(e.data.learning) || null, at: e.occurredAt }));

  const audits: SupervisionAudit[] = mine
    .filter((e) => e.type === supervisionEvent.audited)
    .map((e) => {
      const n = (k: string) => (typeof e.data[k] === 'number' ? (e.data[k] as number) : 0);
      return {
        id: e.id,
        from: text(e.data.from),
        to: text(e.data.to),
        held: n('held'),
        due: n('due'),
        onTime: n('onTime'),
        late: n('late'),
        missed: n('missed'),
        onTimePercent: typeof e.data.onTimePercent === 'number' ? e.data.onTimePercent : null,
        quality: (qualityRatings as readonly string[]).includes(text(e.data.quality)) ? (e.data.quality as QualityRating) : 'requires_improvement',
        comments: text(e.data.comments),
        auditorId: e.recordedBy ?? '',
        auditorName: e.recordedByName ?? '',
        at: e.occurredAt,
      };
    });

  return { userId, contracts, contract: contracts.at(-1) ?? null, sessions, observations, audits };
}

/** The contract in force on a London date: the last agreed on or before it. */
export function contractOn(file: SupervisionFile, date: string): Contract | null {
  return file.contracts.filter((c) => c.agreedOn <= date).at(-1) ?? null;
}

/** Where the supervision clock starts: the first contract ever agreed (a new supervisor does not restart it). */
export function supervisionStart(file: SupervisionFile): string | null {
  return file.contracts[0]?.agreedOn ?? null;
}

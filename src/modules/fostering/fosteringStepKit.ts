import { z } from 'zod';
import { holdsCase, rolesAllow } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { enquiryInterests, enquirySources, fosteringEvent, recruitmentOf, type RecruitmentState } from '../../domain/fostering/recruitment';
import { fullName } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Executor } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import { choiceValues, labelOf, optionalText } from '../../platform/validation';
import type { PeopleService } from '../people/peopleService';
import type { PersonRecord } from '../people/peopleRepository';
import { refuse } from './fosteringForms';

export type NewEvent = { type: string; occurredAt: Date; data: Record<string, unknown> };
/** A step's events, decided in the record's transaction `tx` (given for a check that reads inside it: an allocation's caseload check). */
export type Decide = (s: RecruitmentState, now: Date, record: PersonRecord, stream: readonly RecordedEvent[], tx: Executor) => NewEvent[] | Promise<NewEvent[]>;
/** A connected person's or applicant's children, from the relationships on their record. */
export type RelatedChildren = (context: RequestContext, personId: string) => Promise<{ id: string; name: string; dateOfBirth: string | null }[]>;

/** Audit actions of the recruitment's changes. */
export const fosteringAudit = {
  recorded: 'fostering.recorded',
  panel: 'fostering.panel_recorded',
  decision: 'fostering.decision_recorded',
} as const;

export const yes = z.literal('yes');
export const yesNoChoice = (message: string) => z.enum(['yes', 'no'], { error: message });
export const inProgress = new Set(['application', 'assessment', 'awaiting_panel', 'awaiting_decision', 'qualifying_determination']);

/**
 * How each step of a recruitment is written: the record locked, its stream read into the
 * recruitment's state, the step's events decided (or refused, saying what to record first), and
 * written with the audit row in the record's transaction.
 */
export function stepKit(people: PeopleService) {
  const step = (context: RequestContext, personId: string, permission: Permission, action: string, decide: Decide) =>
    people.recordOn(context, [personId], permission, action, async (records, streams, now, tx) => {
      const record = records[0] as PersonRecord;
      // Refused inside the record's transaction, so audited as denied (recordChange.ts).
      const refusal = stepRefusal(context, permission, record);
      if (refusal) throw new ForbiddenError(refusal);
      const stream = streams.get(personId) ?? [];
      return (await decide(recruitmentOf(stream, fullName(record.details)), now, record, stream, tx)).map((e) => ({ personId, ...e }));
    });
  return {
    step,
    /** The allocation of a record to a named worker, checked against their caseload limit (issue 12). */
    allocationTo: people.allocationTo,
    work: (context: RequestContext, personId: string, decide: Decide) => step(context, personId, 'work:record', fosteringAudit.recorded, decide),
    needsApplication(s: RecruitmentState, field: string) {
      if (!s.application || !inProgress.has(s.stage)) refuse(field, 'There is no application in progress: record the completed application first');
      return s.application!;
    },
  };
}
export type StepKit = ReturnType<typeof stepKit>;

/**
 * Who records a step of a recruitment, beyond the step's own permission on the record: the
 * Fostering Panel's recommendation and the agency decision maker's decisions are those roles'
 * own (Family Placement 11-16: seeing the record is enough); every other step is the Family
 * Placement Team's work (specialist-service-statement.txt 7.4.3), so it needs fostering:read and
 * holding the household's case: not someone who records across teams (a conference chair, the
 * LADO, a reviewing officer) because they chair other work.
 */
export function stepRefusal(context: RequestContext, permission: Permission, record: PersonRecord): string | null {
  if (permission === 'fostering_panel:record' || permission === 'adm:decide') return null;
  if (!rolesAllow(context.actor, 'fostering:read')) return 'You do not have permission to record the Family Placement Team’s work';
  if (!holdsCase(context.actor, record)) return 'Only the Family Placement Team holding this household’s record records its fostering application';
  return null;
}

export const enquirySchema = z.object({
  source: z.enum(choiceValues(enquirySources), { error: 'Select how the enquiry came in' }),
  interest: z.enum(choiceValues(enquiryInterests), { error: 'Select what they are interested in' }),
  enquirySummary: optionalText(3000, 'Notes of the enquiry'),
});

export function enquiryEvent(d: z.infer<typeof enquirySchema>, at: Date): NewEvent {
  return { type: fosteringEvent.enquiryReceived, occurredAt: at, data: { source: d.source, interest: d.interest, summary: `Enquiry about ${labelOf(enquiryInterests, d.interest).toLowerCase()}, by ${labelOf(enquirySources, d.source).toLowerCase()}.${d.enquirySummary ? ` ${d.enquirySummary}` : ''}` } };
}

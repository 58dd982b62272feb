import { canSee } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { entriesThatMayBeInError, personEvent } from '../../domain/people/personEvents';
import type { Problem } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Executor } from '../../platform/db/database';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { peopleRepository } from './peopleRepository';
import { addressSchema, endSchema, inErrorSchema, relationshipSchema, warningSchema, type AddressInput, type EndInput, type RelationshipInput, type WarningInput } from './peopleSchemas';
import { checked } from '../../platform/validation';
import { alsoChanging, type RecordChange } from './recordChange';

function notInFuture(date: string, today: string, field: string, label: string): Problem[] {
  return date > today ? [{ field, message: `${label} must be today or in the past` }] : [];
}

function refuseIf(problems: Problem[]) {
  if (problems.length > 0) throw new ValidationError(problems);
}

/** Relationships that cannot carry parental responsibility (Children Act 1989 s3; foster carers do not hold it). */
const neverParentalResponsibility = ['sibling', 'half-sibling', 'foster-carer', 'family-friend', 'professional', 'partner-of-parent'];

async function entryOn(tx: Executor, personId: string, entryId: string, type: string, what: string) {
  const event = await eventStore.find(tx, entryId);
  if (!event || event.personId !== personId || event.type !== type) throw new NotFoundError(what);
  return event;
}

/** Entries that are ended by a later event: what records them, what ends them, and what to call them. */
const endable = {
  warning: { recorded: personEvent.warningRecorded, ended: personEvent.warningEnded, what: 'warning', action: 'child.warning_ended' },
  relationship: { recorded: personEvent.relationshipRecorded, ended: personEvent.relationshipEnded, what: 'relationship', action: 'child.relationship_ended' },
} as const;

/** Dated entries on a record: addresses, warnings, relationships, and hiding one recorded in error. */
export function entryChanges(change: RecordChange) {
  /** Ends a warning or a relationship: once, not before it started, not in the future. */
  function endEntry(context: RequestContext, personId: string, entryId: string, unchecked: EndInput, kind: (typeof endable)[keyof typeof endable]) {
    const input = checked(endSchema, unchecked);
    return change(context, personId, 'child:correct', kind.action, async (_record, tx, now) => {
      const entry = await entryOn(tx, personId, entryId, kind.recorded, `The ${kind.what}`);
      if (kind === endable.relationship) await alsoChanging(tx, context, kind.action, personId, String(entry.data.relatedPersonId));
      const ended = await eventStore.ofTypes(tx, personId, [kind.ended]);
      const problems = notInFuture(input.endDate, londonDate(now), 'endDate', 'End date');
      if (ended.some((e) => e.refersTo === entryId)) problems.push({ field: 'endDate', message: `This ${kind.what} has already ended` });
      if (input.endDate < String(entry.data.startDate)) problems.push({ field: 'endDate', message: `End date must be on or after the date the ${kind.what} started` });
      refuseIf(problems);
      return [{ type: kind.ended, occurredAt: now, data: { endDate: input.endDate }, reason: input.reason, refersTo: entryId }];
    });
  }

  return {
    recordAddress(context: RequestContext, personId: string, unchecked: AddressInput) {
      const input = checked(addressSchema, unchecked);
      return change(context, personId, 'child:correct', 'child.address_recorded', (record, _tx, now) => {
        const today = londonDate(now);
        const problems = notInFuture(input.startDate, today, 'startDate', 'Date they started living here');
        if (record.details.dateOfBirth && input.startDate < record.details.dateOfBirth) {
          problems.push({ field: 'startDate', message: 'Date they started living here must be on or after their date of birth' });
        }
        refuseIf(problems);
        return [{ type: personEvent.addressRecorded, occurredAt: now, data: { ...input } }];
      });
    },

    recordWarning(context: RequestContext, personId: string, unchecked: WarningInput) {
      const input = checked(warningSchema, unchecked);
      return change(context, personId, 'child:correct', 'child.warning_recorded', (_record, _tx, now) => {
        refuseIf(notInFuture(input.startDate, londonDate(now), 'startDate', 'Date the warning applies from'));
        return [{ type: personEvent.warningRecorded, occurredAt: now, data: { ...input } }];
      });
    },

    endWarning(context: RequestContext, personId: string, warningId: string, unchecked: EndInput) {
      return endEntry(context, personId, warningId, unchecked, endable.warning);
    },

    recordRelationship(context: RequestContext, personId: string, unchecked: RelationshipInput) {
      const input = checked(relationshipSchema, unchecked);
      return change(context, personId, 'child:correct', 'child.relationship_recorded', async (_record, tx, now) => {
        const problems = notInFuture(input.startDate, londonDate(now), 'startDate', 'Date the relationship started');
        if (input.relatedPersonId === personId) problems.push({ field: 'relatedPersonId', message: 'A person cannot be related to themselves: choose someone else' });
        const related = await peopleRepository.find(tx, input.relatedPersonId);
        if (!related || !canSee(context.actor, related) || input.relatedPersonId === personId) {
          if (input.relatedPersonId !== personId) problems.push({ field: 'relatedPersonId', message: 'The related person was not found: search for them again' });
        } else {
          await alsoChanging(tx, context, 'child.relationship_recorded', personId, related.id);
          if ((related.kind === 'professional') !== (input.type === 'professional')) {
            problems.push({ field: 'type', message: related.kind === 'professional' ? 'A professional is related as "Professional"' : 'Only a professional can be related as "Professional"' });
          }
          if (input.type === 'professional' && !input.professionalRole) {
            problems.push({ field: 'professionalRole', message: "Select the professional's role" });
          }
        }
        if (input.parentalResponsibility && neverParentalResponsibility.includes(input.type)) {
          problems.push({ field: 'parentalResponsibility', message: 'This relationship does not carry parental responsibility: untick it' });
        }
        const { relationships } = await peopleRepository.entries(tx, personId);
        if (relationships.some((r) => r.personId === personId && r.relatedPersonId === input.relatedPersonId && r.type === input.type && r.endDate === null)) {
          problems.push({ field: 'relatedPersonId', message: 'This relationship is already recorded' });
        }
        refuseIf(problems);
        return [{ type: personEvent.relationshipRecorded, occurredAt: now, data: { ...input } }];
      });
    },

    endRelationship(context: RequestContext, personId: string, relationshipId: string, unchecked: EndInput) {
      return endEntry(context, personId, relationshipId, unchecked, endable.relationship);
    },

    /** Hides an entry from the record, with the reason; the history keeps both. */
    markInError(context: RequestContext, personId: string, unchecked: { eventId: string; reason: string }) {
      const input = checked(inErrorSchema, unchecked);
      return change(context, personId, 'child:correct', 'child.entry_recorded_in_error', async (_record, tx, now) => {
        const target = await eventStore.find(tx, input.eventId);
        if (!target || target.personId !== personId) throw new NotFoundError('The entry');
        if (!(target.type in entriesThatMayBeInError)) {
          throw new ValidationError([{ field: 'eventId', message: 'This entry cannot be marked as recorded in error: record a correction instead' }]);
        }
        if (target.type === personEvent.relationshipRecorded) {
          await alsoChanging(tx, context, 'child.entry_recorded_in_error', personId, String(target.data.relatedPersonId));
        }
        const already = await eventStore.ofTypes(tx, personId, [personEvent.recordedInError]);
        if (already.some((e) => e.refersTo === input.eventId)) {
          throw new ValidationError([{ field: 'eventId', message: 'This entry is already marked as recorded in error' }]);
        }
        return [{ type: personEvent.recordedInError, occurredAt: now, data: { entry: entriesThatMayBeInError[target.type] }, reason: input.reason, refersTo: input.eventId }];
      });
    },
  };
}

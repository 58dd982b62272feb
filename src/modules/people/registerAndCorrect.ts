import { randomUUID } from 'node:crypto';
import { rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { personKinds, labelOf, type PersonKind } from '../../domain/people/codes';
import { personEvent, registrationEventOf, type RegistrationData } from '../../domain/people/personEvents';
import {
  applyChanges,
  changesBetween,
  detailFields,
  detailProblems,
  emptyDetails,
  fieldLabels,
  fieldsForKind,
  type PersonDetails,
  type Problem,
} from '../../domain/people/personDetails';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { project } from './peopleProjector';
import { peopleRepository, type PersonRecord } from './peopleRepository';
import { correctionSchema, registrationSchema, type CorrectionInput, type RegistrationInput } from './peopleSchemas';
import { checked } from '../../platform/validation';
import type { RecordChange } from './recordChange';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

/** Details that do not apply to this kind of person are refused, not silently dropped. */
function inapplicable(kind: PersonKind, values: Partial<PersonDetails>): Problem[] {
  const allowed = fieldsForKind[kind];
  const kindLabel = labelOf(personKinds, kind).toLowerCase();
  return detailFields
    .filter((field) => !allowed.includes(field) && field in values && !isEmpty(values[field]))
    .map((field) => ({ field, message: `${fieldLabels[field]} is not recorded for a ${kindLabel}: leave it empty` }));
}

export type RegistrationResult = { outcome: 'registered'; record: PersonRecord } | { outcome: 'possible-duplicates'; duplicates: PersonRecord[] };

export function registerAndCorrect(db: Db, clock: Clock, change: RecordChange) {
  return {
    /**
     * Adds a person. If someone with the same name and date of birth is already recorded, the
     * user is shown them first and must confirm this is a different person.
     */
    async register(context: RequestContext, unchecked: RegistrationInput): Promise<RegistrationResult> {
      if (!rolesAllow(context.actor, 'child:create')) throw new ForbiddenError('You do not have permission to add people');
      const input = checked(registrationSchema, unchecked);
      const now = clock.now();
      const today = londonDate(now);
      const details: PersonDetails = { ...emptyDetails };
      for (const field of detailFields) (details as unknown as Record<string, unknown>)[field] = input[field] ?? emptyDetails[field];
      const problems = [...inapplicable(input.kind, details), ...detailProblems(input.kind, details, today)];
      if (input.address && input.address.startDate > today) {
        problems.push({ field: 'address.startDate', message: 'Date they started living here must be today or in the past' });
      }
      if (input.externalId && (await peopleRepository.externalIdTaken(db, input.externalId))) {
        problems.push({ field: 'externalId', message: `External ID ${input.externalId} is already used by another record` });
      }
      if (problems.length > 0) throw new ValidationError(problems);

      if (!input.confirmNotDuplicate) {
        const duplicates = await peopleRepository.likelyDuplicates(db, context.actor, details);
        if (duplicates.length > 0) return { outcome: 'possible-duplicates', duplicates };
      }

      const personId = randomUUID();
      await db.transaction(async (tx) => {
        const hearthId = await peopleRepository.nextHearthId(tx);
        const registration: RegistrationData = { ...details, hearthId, kind: input.kind, externalId: input.externalId ?? null };
        const newEvents = [
          { id: randomUUID(), personId, type: registrationEventOf[input.kind], occurredAt: now, data: registration as unknown as Record<string, unknown> },
          ...(input.address ? [{ id: randomUUID(), personId, type: personEvent.addressRecorded, occurredAt: now, data: { ...input.address } }] : []),
        ];
        const recorded = await eventStore.append(tx, newEvents, context.actor, now);
        for (const event of recorded) await project(tx, event);
        await audit.record(tx, context, {
          action: 'child.registered',
          personId,
          details: { kind: input.kind, hearthId, confirmedNotDuplicate: Boolean(input.confirmNotDuplicate) },
        });
      });
      const record = await peopleRepository.find(db, personId);
      if (!record) throw new Error('The new record was not found after saving it');
      return { outcome: 'registered', record };
    },

    /** Corrects details; each changed field keeps its old value in the history, with the reason. */
    async correct(context: RequestContext, personId: string, unchecked: CorrectionInput) {
      const input = checked(correctionSchema, unchecked);
      return change(context, personId, 'child:correct', 'child.corrected', (record, _tx, now) => {
        const proposed = input.changes as Partial<PersonDetails>;
        const refused = inapplicable(record.kind, proposed);
        if (refused.length > 0) throw new ValidationError(refused);
        const changes = changesBetween(record.details, proposed);
        if (changes.length === 0) {
          throw new ValidationError([{ field: 'changes', message: 'Nothing was changed: change at least one detail, or cancel' }]);
        }
        const next = applyChanges(record.details, changes);
        const problems = detailProblems(record.kind, next, londonDate(now), new Set(changes.map((c) => c.field)));
        if (problems.length > 0) throw new ValidationError(problems);
        return [{ type: personEvent.detailsCorrected, occurredAt: now, data: { changes }, reason: input.reason }];
      }, (events) => ({ fields: (events[0]?.data as { changes?: { field: string }[] })?.changes?.map((c) => c.field) ?? [] }));
    },
  };
}


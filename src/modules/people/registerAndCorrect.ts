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
  type DetailField,
  type PersonDetails,
  type Problem,
} from '../../domain/people/personDetails';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { eventStore } from '../../platform/events/eventStore';
import { mergeProblems, problemsOf } from '../../platform/validation';
import { project } from './peopleProjector';
import { peopleRepository, type PersonRecord } from './peopleRepository';
import { correctionSchema, detailShape, registrationSchema, type CorrectionInput, type RegistrationInput } from './peopleSchemas';
import type { RecordChange } from './recordChange';
import type { RecordHooks } from './recordHooks';

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

/**
 * The details that are valid on their own, from input that failed somewhere: so that the rules
 * of the work (check digits, dates) are checked in the same pass, and every problem is reported
 * at once rather than one round at a time.
 */
function validParts(values: Record<string, unknown>): { details: Partial<PersonDetails>; valid: Set<DetailField> } {
  const details: Record<string, unknown> = {};
  const valid = new Set<DetailField>();
  for (const field of detailFields) {
    if (!(field in values)) continue;
    const parsed = detailShape[field].safeParse(values[field]);
    if (parsed.success) {
      details[field] = parsed.data;
      valid.add(field);
    }
  }
  return { details: details as Partial<PersonDetails>, valid };
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export type RegistrationResult = { outcome: 'registered'; record: PersonRecord } | { outcome: 'possible-duplicates'; duplicates: PersonRecord[] };

export function registerAndCorrect(db: Db, clock: Clock, change: RecordChange, hooks: RecordHooks) {
  /** Every problem with a registration, from the form, the schema and the rules, in one list. */
  async function registrationProblems(input: Record<string, unknown>, formProblems: Problem[], today: string) {
    const parsed = registrationSchema.safeParse(input);
    const kind = (['child', 'adult', 'professional'] as const).find((k) => k === input.kind);
    const { details, valid } = parsed.success ? { details: parsed.data as Partial<PersonDetails>, valid: new Set(detailFields) } : validParts(input);
    const full: PersonDetails = { ...emptyDetails, ...details };
    const rules = kind ? [...inapplicable(kind, details), ...detailProblems(kind, full, today, valid)] : [];
    const address = asObject(input.address);
    if (typeof address.startDate === 'string' && address.startDate > today) {
      rules.push({ field: 'address.startDate', message: 'Date they started living here must be today or in the past' });
    }
    if (typeof input.externalId === 'string' && input.externalId && (await peopleRepository.externalIdTaken(db, input.externalId))) {
      rules.push({ field: 'externalId', message: `External ID ${input.externalId} is already used by another record` });
    }
    return { parsed, problems: mergeProblems(formProblems, parsed.success ? [] : problemsOf(parsed.error), rules) };
  }

  return {
    /**
     * Adds a person. If someone with the same name and date of birth is already recorded, the
     * user is shown them first and must confirm this is a different person. `formProblems` are
     * what a form found before this (a date's boxes), reported with everything else.
     */
    async register(context: RequestContext, unchecked: RegistrationInput | Record<string, unknown>, formProblems: Problem[] = []): Promise<RegistrationResult> {
      if (!rolesAllow(context.actor, 'child:create')) throw new ForbiddenError('You do not have permission to add people');
      const now = clock.now();
      const { parsed, problems } = await registrationProblems(asObject(unchecked), formProblems, londonDate(now));
      if (problems.length > 0 || !parsed.success) throw new ValidationError(problems);
      const input = parsed.data;
      const details: PersonDetails = { ...emptyDetails };
      for (const field of detailFields) (details as unknown as Record<string, unknown>)[field] = input[field] ?? emptyDetails[field];

      if (!input.confirmNotDuplicate) {
        const duplicates = await peopleRepository.likelyDuplicates(db, context.actor, details);
        if (duplicates.length > 0) {
          // Showing them is a read of their records, like a search.
          await audit.record(db, context, { action: 'child.searched', details: { for: 'likely duplicates', shown: duplicates.map((d) => d.id) } });
          return { outcome: 'possible-duplicates', duplicates };
        }
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
        await hooks.afterRecorded(tx, [personId], recorded);
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

    /**
     * Corrects details; each changed field keeps its old value in the history, with the reason.
     * Problems name the field as `changes.<field>`, as the API's body does.
     */
    async correct(context: RequestContext, personId: string, unchecked: CorrectionInput | Record<string, unknown>, formProblems: Problem[] = []) {
      const parsed = correctionSchema.safeParse(unchecked);
      const input = asObject(unchecked);
      const proposed = parsed.success ? parsed.data.changes : validParts(asObject(input.changes)).details;
      const early = mergeProblems(formProblems, parsed.success ? [] : problemsOf(parsed.error));
      return change(context, personId, 'child:correct', 'child.corrected', (record, _tx, now) => {
        const prefixed = (problems: Problem[]) => problems.map((p) => ({ ...p, field: `changes.${p.field}` }));
        const changes = changesBetween(record.details, proposed as Partial<PersonDetails>);
        const next = applyChanges(record.details, changes);
        const rules = prefixed([
          ...inapplicable(record.kind, proposed as Partial<PersonDetails>),
          ...detailProblems(record.kind, next, londonDate(now), new Set(changes.map((c) => c.field))),
        ]);
        if (early.length === 0 && rules.length === 0 && changes.length === 0) {
          rules.push({ field: 'changes', message: 'Nothing was changed: change at least one detail, or cancel' });
        }
        const problems = mergeProblems(early, rules);
        if (problems.length > 0 || !parsed.success) throw new ValidationError(problems);
        return [{ type: personEvent.detailsCorrected, occurredAt: now, data: { changes }, reason: parsed.data.reason }];
      }, (events) => ({ fields: (events[0]?.data as { changes?: { field: string }[] })?.changes?.map((c) => c.field) ?? [] }));
    },
  };
}

import type { z } from 'zod';
import { inCustody, youthJusticeOf, type YouthJustice } from '../../domain/youthJustice/youthJusticeCase';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import { checkedAt, notBefore, whenOf, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import type { PersonRecord } from '../people/peopleRepository';

export const youthJusticeAudit = 'youth_justice.recorded';

export type Step = { type: string; occurredAt: Date; data: Record<string, unknown> };
export const problem = (field: string, message: string) => new ValidationError([{ field, message }]);
/** Each form's date boxes and time are named after it (`referralOn`, `referralTime`), so that one page can hold them all. */
export const whenFor = (body: Record<string, unknown>, key: string): When => whenOf(body, { date: `${key}On`, time: `${key}Time` });
const dateField = (key: string) => `${key}On`;
/** The latest of these instants: what a step cannot be dated before. */
export const latest = (...list: (Date | null | undefined)[]) => list.filter((d): d is Date => d instanceof Date).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;

/** Several forms on the page have notes: their boxes are named after the form (`plan-summary`), and so are their problems. */
function notesNamed<T>(key: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.problems.map((p) => (p.field === 'summary' ? { ...p, field: `${key}-summary` } : p)));
    throw error;
  }
}

export const started = (y: YouthJustice) => ({ at: y.current?.startedAt ?? null, what: 'the referral' });
export const custodySince = (y: YouthJustice) => ({ at: inCustody(y)?.since ?? null, what: 'the sentence' });

/**
 * How every step of the Youth Offending Service's work is recorded (issue 12), with
 * youth_justice:record: read from the record under its lock, refused on `field` with what to record
 * first until what it needs is there, and (a dated step) never dated before what it follows.
 */
export function youthJusticeStep(people: PeopleService) {
  function step(context: RequestContext, personId: string, field: string, refusal: (y: YouthJustice, record: PersonRecord) => string | null, decide: (y: YouthJustice, now: Date, record: PersonRecord) => Step[]) {
    return people.recordOn(context, [personId], 'youth_justice:record', youthJusticeAudit, (records, streams, now) => {
      const record = records[0] as PersonRecord;
      if (record.kind !== 'child') throw problem(field, "Youth justice work is recorded on a child's record");
      const y = youthJusticeOf(streams.get(personId) ?? []);
      const refused = refusal(y, record);
      if (refused) throw problem(field, refused);
      return decide(y, now, record).map((e) => ({ ...e, personId }));
    });
  }

  /** A dated step of the open case: its form checked, then not dated before what it follows. */
  function caseStep<S extends z.ZodType>(
    context: RequestContext,
    personId: string,
    key: string,
    field: string,
    schema: S,
    body: Record<string, unknown>,
    refusal: (y: YouthJustice, record: PersonRecord) => string | null,
    earliest: (y: YouthJustice) => { at: Date | null; what: string },
    event: (data: z.infer<S>, y: YouthJustice, at: Date, record: PersonRecord) => Omit<Step, 'occurredAt'>[],
  ) {
    return step(context, personId, field, refusal, (y, now, record) => {
      const { data, at } = notesNamed(key, () => checkedAt(schema, body, whenFor(body, key), now));
      const first = earliest(y);
      if (first.at) notBefore(at, first.at, dateField(key), `This cannot be before ${first.what}, `);
      return event(data, y, at, record).map((e) => ({ ...e, occurredAt: at }));
    });
  }

  return { step, caseStep };
}

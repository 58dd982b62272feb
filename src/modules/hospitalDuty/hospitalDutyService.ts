import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can, rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import {
  homeAuthorities,
  hospitalEvent,
  hospitalName,
  hospitalRefusals,
  hospitalRules,
  nextStepLabels,
  nextStepOf,
  referralsOf,
  takenOnRoutes,
  type HospitalReferral,
} from '../../domain/hospitalDuty/hospitalReferral';
import { fullName, type Problem } from '../../domain/people/personDetails';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { mergeProblems, problemsOf, readDateInput } from '../../platform/validation';
import { checkedAt, notBefore, whenOf, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import type { NewEventFor } from '../people/recordChange';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { handoverSchema, newChildSchema, passOnSchema, referralSchema, takeOnSchema, wardVisitSchema } from './hospitalDutySchemas';

export const hospitalDutyAudit = 'hospital_duty.recorded';
const uuid = z.uuid();
const problem = (field: string, message: string) => new ValidationError([{ field, message }]);

/** Every problem of a form at once: the schemas, the date boxes, and when it happened. */
function parseAll<T extends z.ZodType>(schema: T, body: Record<string, unknown>, when: When, now: Date, more: Problem[]): { data: z.infer<T>; at: Date } {
  try {
    const result = checkedAt(schema, body, when, now);
    if (more.length > 0) throw new ValidationError(more);
    return result;
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(mergeProblems(more, error.problems));
    throw error;
  }
}

/**
 * The hospital duty service of the Disabled Children's Team (specialist-service-statement.txt 7.3.2
 * bullet 2, 7.3.3 bullets 2-6): a referral from the hospital recorded on the child's record (found,
 * or registered through the people service), then the ward visit the same day, and for a child of
 * another authority the referral on and the hand-over within 24 hours, or for this authority's child
 * the hand to the front door or the team. Recorded with hospital_duty:record, on any child the
 * duty social worker may see; each read and change audited.
 */
export function hospitalDutyService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService) {
  async function mustRecord(context: RequestContext, action: string) {
    if (rolesAllow(context.actor, 'hospital_duty:record')) return;
    await audit.record(db, context, { action, outcome: 'denied', details: { needs: 'hospital_duty:record' } });
    throw new ForbiddenError('You do not have permission to record the hospital duty service’s work');
  }

  /** A step on one referral, read and checked under the record's lock. */
  async function step(context: RequestContext, personId: string, referralId: string, field: string, decide: (r: HospitalReferral, now: Date) => { type: string; at: Date; data: Record<string, unknown> }) {
    await mustRecord(context, hospitalDutyAudit);
    return people.recordOn(context, [personId], 'hospital_duty:record', hospitalDutyAudit, (_records, streams, now): NewEventFor[] => {
      const r = referralsOf(personId, streams.get(personId) ?? []).find((x) => x.referralId === referralId);
      if (!r) throw new NotFoundError('The hospital referral');
      const { type, at, data } = decide(r, now);
      notBefore(at, r.receivedAt, `${field}On`, 'This cannot be before the referral was received, ');
      return [{ personId, type, occurredAt: at, data: { referralId: r.referralId, ...(r.contactId ? { contactId: r.contactId } : {}), ...data } }];
    });
  }
  /** A child's hospital referrals, newest first, with their clocks (a read of the record, audited). */
  async function ofChild(context: RequestContext, personId: string) {
    await mustRecord(context, 'child.viewed');
    const record = await people.record(context, personId);
    const referrals = referralsOf(personId, await people.ofTypes(personId, [...Object.values(hospitalEvent)]));
    return { record, name: fullName(record.details), referrals: (await referralClocks(context, personId, referrals)).reverse(), nextStepLabels };
  }
  const refuse = (field: string, refusal: string | null) => {
    if (refusal) throw problem(field, refusal);
  };

  async function referralClocks(context: RequestContext, personId: string, referrals: HospitalReferral[]) {
    const rows = await standards.forPerson(personId, context.actor);
    return referrals.map((r) => ({ ...r, next: nextStepOf(r), clocks: clocksOf(rows.filter((o) => o.obligation.startEventId === r.eventId), hospitalRules) }));
  }

  return {
    /** The form's choices, and the child the referral is for when one was chosen (a read of their record). */
    async newForm(context: RequestContext, query: Record<string, unknown>) {
      await mustRecord(context, 'child.searched');
      const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
      const personId = typeof query.personId === 'string' && uuid.safeParse(query.personId).success ? query.personId : null;
      const child = personId ? await people.record(context, personId) : null;
      if (child && child.kind !== 'child') throw new NotFoundError('The child');
      const found = q ? (await people.search(context, { q, dateOfBirth: null, kind: 'child', page: 1, pageSize: 10 })).records : [];
      return {
        q,
        searched: Boolean(q),
        found: found.map((r) => ({ id: r.id, name: fullName(r.details), hearthId: r.hearthId, dateOfBirth: r.details.dateOfBirth })),
        child: child ? { id: child.id, name: fullName(child.details), hearthId: child.hearthId, dateOfBirth: child.details.dateOfBirth } : null,
        hospitalName,
        homeAuthorities,
        mayRegister: rolesAllow(context.actor, 'child:create'),
      };
    },

    /**
     * A referral from the hospital: for a child found on Hearth (`personId`), or a child registered
     * with it. Everything is checked before anyone is registered, so a refused form adds no one.
     */
    async record(context: RequestContext, body: Record<string, unknown>): Promise<{ outcome: 'recorded'; personId: string; referralId: string; name: string } | { outcome: 'possible-duplicates'; duplicates: { id: string; name: string; hearthId: number; dateOfBirth: string | null }[] }> {
      await mustRecord(context, hospitalDutyAudit);
      const now = clock.now();
      // A child chosen from the search comes as one id; anything else there (a repeated field's list) is not a child
      // found on Hearth, and must not fall through to registering a new one.
      if (body.personId !== undefined && body.personId !== null && typeof body.personId !== 'string') throw new NotFoundError('The child');
      const chosen = typeof body.personId === 'string' && body.personId !== '' ? body.personId : null;
      if (chosen && !uuid.safeParse(chosen).success) throw new NotFoundError('The child');
      const when = whenOf(body, { date: 'receivedOn', time: 'receivedTime' });
      const more: Problem[] = [];
      let born: string | null = null;
      if (!chosen) {
        if (!rolesAllow(context.actor, 'child:create')) throw new ForbiddenError('You do not have permission to add people: find the child on Hearth instead');
        const dob = readDateInput(body, 'dateOfBirth', "The child's date of birth", true);
        if (dob.problem) more.push(dob.problem);
        born = dob.value;
        const child = newChildSchema.safeParse(body);
        if (!child.success) more.push(...problemsOf(child.error));
      }
      const { data, at } = parseAll(referralSchema, body, when, now, more);
      if (born && born > londonDate(at)) throw problem('dateOfBirth-day', 'The date of birth must be on or before the date of the referral');

      let personId = chosen;
      let name = '';
      if (chosen) {
        const existing = await people.find(chosen);
        if (!existing || existing.kind !== 'child') throw new NotFoundError('The child');
        name = fullName(existing.details);
      } else {
        const child = newChildSchema.parse(body);
        const registered = await people.register(context, { kind: 'child', givenNames: child.givenNames, familyName: child.familyName, dateOfBirth: born, gender: child.gender, ...(body.confirmNotDuplicate === 'yes' ? { confirmNotDuplicate: true } : {}) });
        if (registered.outcome === 'possible-duplicates') {
          return { outcome: 'possible-duplicates', duplicates: registered.duplicates.map((r) => ({ id: r.id, name: fullName(r.details), hearthId: r.hearthId, dateOfBirth: r.details.dateOfBirth })) };
        }
        personId = registered.record.id;
        name = fullName(registered.record.details);
      }
      const referralId = randomUUID();
      const outOfArea = data.homeAuthority !== 'this_authority';
      const authority = homeAuthorities.find((a) => a.value === data.homeAuthority)?.text ?? data.homeAuthority;
      await people.recordOn(context, [personId as string], 'hospital_duty:record', hospitalDutyAudit, () => [
        {
          personId: personId as string,
          type: hospitalEvent.received,
          occurredAt: at,
          data: {
            referralId, hospital: hospitalName, ward: data.ward, admitted: data.admitted === 'yes', homeAuthority: data.homeAuthority,
            homeAuthorityName: data.homeAuthority === 'other' ? data.homeAuthorityName : null, outOfArea, reason: data.reason, referrer: data.referrer,
            summary: `${hospitalName}, ${data.ward}${data.admitted === 'yes' ? ' (admitted)' : ''}${outOfArea ? `: a child of ${data.homeAuthority === 'other' ? data.homeAuthorityName : authority}` : ''}`,
          },
        },
      ]);
      return { outcome: 'recorded', personId: personId as string, referralId, name };
    },

    ofChild,

    /** One referral's page: what happened, its clocks and the next steps' forms. */
    async referral(context: RequestContext, personId: string, referralId: string) {
      const child = await ofChild(context, personId);
      const r = child.referrals.find((x) => x.referralId === referralId);
      if (!r) throw new NotFoundError('The hospital referral');
      const write = can(context.actor, 'hospital_duty:record', child.record);
      return {
        ...child,
        referral: r,
        takenOnRoutes,
        takenOnLabels: Object.fromEntries(takenOnRoutes.map((x) => [x.value, x.text])),
        may: {
          wardVisit: write && hospitalRefusals.wardVisit(r) === null,
          passOn: write && hospitalRefusals.passOn(r) === null,
          handover: write && hospitalRefusals.handover(r) === null,
          takeOn: write && hospitalRefusals.takeOn(r) === null,
        },
      };
    },

    /** The duty social worker visited the ward (7.3.3 bullet 5: the same day). */
    wardVisit: (c: RequestContext, personId: string, referralId: string, body: Record<string, unknown>, when: When) =>
      step(c, personId, referralId, 'visit', (r, now) => {
        refuse('note', hospitalRefusals.wardVisit(r));
        const { data, at } = checkedAt(wardVisitSchema, body, when, now);
        return { type: hospitalEvent.wardVisited, at, data: { note: data.note, summary: `Ward visited (${r.ward})` } };
      }),

    /** Referred on to the child's home authority, to a named contact (7.3.3 bullet 4: immediately). */
    passOn: (c: RequestContext, personId: string, referralId: string, body: Record<string, unknown>, when: When) =>
      step(c, personId, referralId, 'passed', (r, now) => {
        refuse('contact', hospitalRefusals.passOn(r));
        const { data, at } = checkedAt(passOnSchema, body, when, now);
        return { type: hospitalEvent.passedOn, at, data: { homeAuthority: r.authorityName, contact: data.contact, note: data.note, summary: `Passed on to ${r.authorityName}: ${data.contact}` } };
      }),

    /** The home authority has taken case responsibility (7.3.3 bullet 4: within 24 hours). */
    handover: (c: RequestContext, personId: string, referralId: string, body: Record<string, unknown>, when: When) =>
      step(c, personId, referralId, 'handover', (r, now) => {
        refuse('acceptedBy', hospitalRefusals.handover(r));
        const { data, at } = checkedAt(handoverSchema, body, when, now);
        notBefore(at, r.passedOn!.at, 'handoverOn', 'The hand-over cannot be before the referral was passed on, ');
        return { type: hospitalEvent.handoverAccepted, at, data: { acceptedBy: data.acceptedBy, note: data.note, summary: `${r.authorityName} took case responsibility (${data.acceptedBy})` } };
      }),

    /** This authority's child: the referral handed to the front door or to the team. */
    takeOn: (c: RequestContext, personId: string, referralId: string, body: Record<string, unknown>, when: When) =>
      step(c, personId, referralId, 'taken', (r, now) => {
        refuse('route', hospitalRefusals.takeOn(r));
        const { data, at } = checkedAt(takeOnSchema, body, when, now);
        return { type: hospitalEvent.takenOn, at, data: { route: data.route, note: data.note, summary: data.route === 'front_door' ? 'Hospital referral handed to the front door' : "Hospital referral taken on by the Disabled Children's Team" } };
      }),
  };
}

export type HospitalDutyService = ReturnType<typeof hospitalDutyService>;

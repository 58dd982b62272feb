import { randomUUID } from 'node:crypto';
import { can } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { amending, signing, type SignableKind } from '../../domain/supervision/signatures';
import { contractOn, supervisionEvent } from '../../domain/supervision/supervisionFile';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Db } from '../../platform/db/database';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { staffEventStore } from '../../platform/events/staffEventStore';
import { checked } from '../../platform/validation';
import { formatDate } from '../../platform/views/filters';
import type { PeopleService } from '../people/peopleService';
import { readSessionForm } from './sessionForm';
import type { SupervisionAccess } from './supervisionAccess';
import { amendmentSchema } from './supervisionSchemas';
import { throwIfAny, type SupervisionWrite } from './supervisionWrites';

const caseDiscussed = 'supervision.case_discussed';
const workerSigned = 'supervision.worker_signed';

/**
 * Supervision sessions (specialist-service-statement.txt 5.4): recorded by the supervising manager,
 * with the cases discussed (each written on the child's record as case supervision, so the
 * practice standards' case supervision clocks are met), reflection and learning, wellbeing and
 * workload, and actions; signed by both parties; changed only by an amendment with a reason.
 */
export function sessionSteps(db: Db, people: PeopleService, access: SupervisionAccess, write: SupervisionWrite) {
  /** The session (or the session an amendment is on) and whose record it is on. */
  async function sessionOf(id: string, kind: 'session' | 'amendment' = 'session') {
    const event = await staffEventStore.find(db, id);
    const type = kind === 'session' ? supervisionEvent.sessionRecorded : supervisionEvent.amended;
    if (!event || event.type !== type) throw new NotFoundError(kind === 'session' ? 'The supervision session' : 'The amendment');
    const sessionId = kind === 'session' ? event.id : (event.refersTo as string);
    return { userId: event.userId, sessionId };
  }

  return {
    sessionOf,

    /** A session recorded by the supervisor of the contract in force on the day it was held. */
    async recordSession(context: RequestContext, userId: string, input: Record<string, unknown>): Promise<string> {
      const record = await access.load(userId);
      const name = record.member.displayName;
      if (!record.file.contracts.some((c) => c.supervisorId === context.actor.userId)) {
        if (record.file.contracts.length > 0) return access.refuse(context, 'supervision.session_recorded', userId, `Only ${name}’s supervising manager records their supervision sessions (5.4).`);
        return access.refuse(context, 'supervision.session_recorded', userId, `${name} has no supervision contract: their supervisor agrees one first (5.4: all staff will have a contract for supervision).`);
      }
      const { problems, heldAt, texts, cases, actions } = readSessionForm(input, access.now());
      const heldOn = heldAt ? londonDate(heldAt) : null;
      if (heldOn && !contractOn(record.file, heldOn)) {
        problems.push({ field: 'occurredOn-day', message: `No supervision contract was in force on ${formatDate(heldOn)}: the first was agreed on ${formatDate(record.file.contracts[0]?.agreedOn)}` });
      }
      throwIfAny(problems);
      const at = heldAt as Date;
      const day = heldOn as string;
      const { reflections, wellbeing } = texts as NonNullable<typeof texts>;
      const contract = contractOn(record.file, day);
      if (contract && contract.supervisorId !== context.actor.userId) {
        return access.refuse(context, 'supervision.session_recorded', userId, `${contract.supervisorName} was ${name}’s supervisor on ${formatDate(day)}: they record that session.`);
      }

      const sessionId = randomUUID();
      await write(
        context,
        record.member,
        'supervision.session_recorded',
        (current, _now, children) => {
          const inForce = contractOn(current.file, day);
          if (!inForce || inForce.supervisorId !== context.actor.userId) throw new ValidationError([{ field: 'occurredOn-day', message: 'The supervision contract has changed since the form was opened: check who the supervisor was on that date' }]);
          if (current.file.sessions.some((s) => s.heldAt.getTime() === at.getTime())) throw new ValidationError([{ field: 'occurredTime', message: `A session at ${formatDate(day)} at that time is already recorded for ${name}` }]);
          const notHeld = children.filter((c) => c.allocatedWorkerId !== userId);
          throwIfAny(notHeld.map((c) => ({ field: `discussion-${c.id}`, message: `${fullName(c.details)} is not on ${name}’s caseload: case supervision is recorded with the worker who holds the case` })));
          const supervisor = { supervisorId: context.actor.userId, supervisorName: context.actor.displayName };
          return {
            staff: [{ id: sessionId, userId, type: supervisionEvent.sessionRecorded, occurredAt: at, data: { contractId: inForce.id, ...supervisor, heldOn: day, cases: cases.map((c) => ({ personId: c.personId, actionsBy: c.actionsBy })), reflections, wellbeing, actions } }],
            // Case supervision on each child's record, as the case record writes it (supervision.case_discussed), so its standards are met.
            children: cases.map((c) => ({ personId: c.personId, type: caseDiscussed, occurredAt: at, data: { discussion: c.discussion, actions: `${c.actions} (by ${formatDate(c.actionsBy)})`, actionsBy: c.actionsBy, workerId: userId, ...supervisor, sessionId } })),
          };
        },
        { personIds: cases.map((c) => c.personId), permission: 'work:record', action: 'child.supervision_recorded' },
      );
      return sessionId;
    },

    /**
     * A party's signature on a contract, a session or an amendment. The supervisee's signature on a
     * session is also their signature on the case supervision written on each child discussed
     * (supervision.worker_signed), where they may still record on the child's record.
     */
    async sign(context: RequestContext, userId: string, target: { kind: SignableKind; id: string }) {
      const record = await access.load(userId);
      const decision = signing(record.file, context.actor.userId, target);
      if ('kind' in decision) {
        if (decision.kind === 'forbidden') return access.refuse(context, 'supervision.signed', userId, decision.message);
        throw new ValidationError([{ field: decision.field, message: decision.message }]);
      }
      let childIds: string[] = [];
      if (target.kind === 'session' && decision.party === 'supervisee') {
        const session = record.file.sessions.find((s) => s.id === target.id);
        const ids = (session?.cases ?? []).map((c) => c.personId);
        const entries = ids.length > 0 ? await people.ofTypesFor(ids, [caseDiscussed, workerSigned]) : [];
        const unsigned = entries.filter((e) => e.type === caseDiscussed && e.data.sessionId === target.id && !entries.some((s) => s.type === workerSigned && s.data.supervisionId === e.id));
        const records = await people.visibleRecords(context, unsigned.map((e) => e.personId));
        childIds = [...records.values()].filter((r) => can(context.actor, 'work:record', r)).map((r) => r.id);
      }
      const written = await write(
        context,
        record.member,
        'supervision.signed',
        (current, now, children, streams) => {
          const again = signing(current.file, context.actor.userId, target);
          if ('kind' in again) throw new ValidationError([{ field: again.field, message: again.message }]);
          // Read again under the children's locks: an entry the worker signed on the case record meanwhile is not signed twice.
          const toSign = children.flatMap((child) => {
            const stream = streams.get(child.id) ?? [];
            return stream.filter((e) => e.type === caseDiscussed && e.data.sessionId === target.id && !stream.some((s) => s.type === workerSigned && s.data.supervisionId === e.id));
          });
          return {
            staff: [{ userId, type: supervisionEvent.signed, occurredAt: now, refersTo: target.id, data: { party: again.party, item: target.kind } }],
            children: toSign.map((e) => ({ personId: e.personId, type: workerSigned, occurredAt: now, data: { supervisionId: e.id } })),
          };
        },
        childIds.length > 0 ? { personIds: childIds, permission: 'work:record', action: 'child.supervision_signed' } : undefined,
      );
      return { party: decision.party, written };
    },

    /** An amendment by either party, with its reason: the record keeps what it said (never overwritten). */
    async amend(context: RequestContext, sessionId: string, input: Record<string, unknown>) {
      const { userId } = await sessionOf(sessionId);
      const record = await access.load(userId);
      const data = checked(amendmentSchema, input);
      const refusal = amending(record.file, context.actor.userId, sessionId, data);
      if (refusal?.kind === 'forbidden') return access.refuse(context, 'supervision.amended', userId, refusal.message);
      if (refusal) throw new ValidationError([{ field: refusal.field, message: refusal.message }]);
      await write(context, record.member, 'supervision.amended', (current, now) => {
        const again = amending(current.file, context.actor.userId, sessionId, data);
        if (again) throw new ValidationError([{ field: again.field, message: again.message }]);
        return { staff: [{ userId, type: supervisionEvent.amended, occurredAt: now, refersTo: sessionId, reason: data.reason, data: { part: data.part, text: data.text } }] };
      });
      return userId;
    },
  };
}

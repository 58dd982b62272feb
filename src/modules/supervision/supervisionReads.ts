import { can, rolesAllow } from '../../domain/access/can';
import { rolesGrant } from '../../domain/access/permissions';
import { fullName } from '../../domain/people/personDetails';
import { arrangesSupervisionOf, isLineManagerOf, maySupervise } from '../../domain/supervision/access';
import { frequencyOver, nextSession } from '../../domain/supervision/due';
import { amending, awaitingSignatures, signing } from '../../domain/supervision/signatures';
import { supervisionEvent, supervisionFileOf, supervisionStart, type Session } from '../../domain/supervision/supervisionFile';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Db } from '../../platform/db/database';
import { NotFoundError } from '../../platform/errors';
import { staffEventStore } from '../../platform/events/staffEventStore';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { defaultAuditPeriod, whyFrequency } from './oversightSteps';
import type { StaffRecord, SupervisionAccess } from './supervisionAccess';

const caseDiscussed = 'supervision.case_discussed';
const workerSigned = 'supervision.worker_signed';

/** Where a member of staff's supervision stands today: the contract, what is due, what waits for a signature. */
export function standing(record: StaffRecord, today: string) {
  const start = supervisionStart(record.file);
  const held = record.file.sessions.map((s) => s.heldOn);
  return {
    member: record.member,
    contract: record.file.contract,
    next: start ? nextSession(start, held, record.frequencyOn, today) : null,
    lastHeld: record.file.sessions.at(-1) ?? null,
    waiting: awaitingSignatures(record.file),
    lastObservation: record.file.observations.at(-1) ?? null,
    lastAudit: record.file.audits.at(-1) ?? null,
    sixMonths: start ? frequencyOver(start, held, record.frequencyOn, defaultAuditPeriod(today), today) : null,
  };
}

/**
 * The supervision pages' reads (specialist-service-statement.txt 5.4): my supervision, the people
 * I supervise, the line manager's audit list, a member of staff's record and a session. Each read
 * is audited; a child's case discussion is shown only to those who may see the child's record.
 */
export function supervisionReads(db: Db, people: PeopleService, staff: StaffDirectory, access: SupervisionAccess) {
  async function everyContract() {
    const events = await staffEventStore.ofTypesBetween(db, [supervisionEvent.contractAgreed], new Date(0), new Date('2200-01-01T00:00:00Z'));
    const byUser = new Map<string, typeof events>();
    for (const e of events) byUser.set(e.userId, [...(byUser.get(e.userId) ?? []), e]);
    return new Map([...byUser].map(([userId, list]) => [userId, supervisionFileOf(userId, list).contract]));
  }

  return {
    /** /supervision: my own supervision; for supervisors the people they supervise; for line managers the audit list. */
    async home(context: RequestContext) {
      const me = context.actor.userId;
      const today = access.today();
      const mine = await access.load(me);
      const my = standing(mine, today);
      let supervising: ReturnType<typeof standing>[] = [];
      let withoutContract: { id: string; name: string }[] = [];
      let waitingForMe = my.waiting.filter((w) => w.signerId === me).map((w) => ({ ...w, staffId: me, name: mine.member.displayName }));
      if (rolesAllow(context.actor, 'supervision:record')) {
        const contracts = await everyContract();
        const ids = [...contracts].filter(([, c]) => c?.supervisorId === me).map(([id]) => id);
        supervising = (await access.loadMany((await staff.members(ids)).filter((m) => m.active))).map((r) => standing(r, today));
        supervising.sort((a, b) => (a.next?.dueOn ?? '').localeCompare(b.next?.dueOn ?? ''));
        for (const s of supervising) waitingForMe.push(...s.waiting.filter((w) => w.signerId === me).map((w) => ({ ...w, staffId: s.member.id, name: s.member.displayName })));
        const colleagues = context.actor.roles.includes('head-of-service') ? await staff.allMembers() : (await Promise.all(context.actor.teamIds.map((t) => staff.membersOf(t)))).flat();
        const seen = new Set<string>();
        withoutContract = colleagues
          .filter((m) => m.active && !contracts.has(m.id) && rolesGrant(m.roles, 'supervision:read') && !seen.has(m.id) && seen.add(m.id))
          .filter((m) => arrangesSupervisionOf(context.actor, { userId: m.id, roles: m.roles, teamIds: m.teamIds }))
          .map((m) => ({ id: m.id, name: m.displayName }));
      }
      let lineManaged: ReturnType<typeof standing>[] = [];
      if (rolesAllow(context.actor, 'supervision:audit')) {
        const everyone = (await staff.allMembers()).filter((m) => m.active && m.id !== me && rolesGrant(m.roles, 'supervision:read'));
        lineManaged = (await access.loadMany(everyone)).filter((r) => isLineManagerOf(context.actor, r.subject)).map((r) => standing(r, today));
      }
      const sortKey = (on: Date | string) => (typeof on === 'string' ? on : on.toISOString());
      waitingForMe = waitingForMe.sort((a, b) => sortKey(a.on).localeCompare(sortKey(b.on)));
      await audit.record(db, context, { action: 'supervision.list_viewed', details: { supervising: supervising.map((s) => s.member.id), lineManaged: lineManaged.map((s) => s.member.id) } });
      return { today, my: { ...my, required: mine.requiredOn(today), why: whyFrequency(mine, today), sessions: mine.file.sessions.slice(-6).reverse() }, supervising, withoutContract, lineManaged, waitingForMe };
    },

    /** /supervision/staff/:userId: one member of staff's contract, sessions, observations and audits. */
    async staffRecord(context: RequestContext, userId: string) {
      const record = await access.readable(context, userId);
      const today = access.today();
      const me = context.actor.userId;
      const contract = record.file.contract;
      const sessionDates = new Map(record.file.sessions.map((s) => [s.id, s.heldAt]));
      await audit.record(db, context, { action: 'supervision.viewed', details: { staffId: userId } });
      const signContract = contract ? signing(record.file, me, { kind: 'contract', id: contract.id }) : null;
      return {
        ...standing(record, today),
        today,
        required: record.requiredOn(today),
        why: whyFrequency(record, today),
        contracts: [...record.file.contracts].reverse(),
        sessions: [...record.file.sessions].reverse(),
        observations: [...record.file.observations].reverse().map((o) => ({ ...o, heldAt: sessionDates.get(o.sessionId) ?? null })),
        audits: [...record.file.audits].reverse(),
        auditPeriod: defaultAuditPeriod(today),
        may: {
          arrange: arrangesSupervisionOf(context.actor, record.subject),
          recordSession: contract?.supervisorId === me,
          audit: isLineManagerOf(context.actor, record.subject) && contract?.supervisorId !== me,
          signContract: signContract && !('kind' in signContract) ? signContract.party : null,
        },
      };
    },

    /** /supervision/sessions/:id: the session as it reads now, its amendments, signatures, case discussions and observations. */
    async session(context: RequestContext, sessionId: string) {
      const event = await staffEventStore.find(db, sessionId);
      if (!event || event.type !== supervisionEvent.sessionRecorded) throw new NotFoundError('The supervision session');
      const me = context.actor.userId;
      const record = await access.readable(context, event.userId, 'supervision.viewed', (r) => r.file.sessions.some((s) => s.id === sessionId && s.supervisorId === me));
      const session = record.file.sessions.find((s) => s.id === sessionId) as Session;
      const ids = session.cases.map((c) => c.personId);
      const entries = ids.length > 0 ? await people.ofTypesFor(ids, [caseDiscussed, workerSigned]) : [];
      const visible = await people.visibleRecords(context, ids);
      for (const id of visible.keys()) await audit.record(db, context, { action: 'child.viewed', personId: id, details: { for: context.path } });
      const cases = session.cases.map((c) => {
        const child = visible.get(c.personId);
        if (!child) return { personId: c.personId, restricted: true };
        const entry = entries.find((e) => e.type === caseDiscussed && e.personId === c.personId && e.data.sessionId === sessionId);
        return {
          personId: c.personId,
          restricted: false,
          name: fullName(child.details),
          hearthId: child.hearthId,
          discussion: entry ? String(entry.data.discussion ?? '') : '',
          actions: entry ? String(entry.data.actions ?? '') : '',
          actionsBy: c.actionsBy,
          workerSigned: Boolean(entry && entries.some((e) => e.type === workerSigned && e.data.supervisionId === entry.id)),
        };
      });
      await audit.record(db, context, { action: 'supervision.viewed', details: { staffId: record.member.id, sessionId } });
      const signAs = (kind: 'session' | 'amendment', id: string) => {
        const decision = signing(record.file, me, { kind, id });
        return 'kind' in decision ? null : decision.party;
      };
      return {
        member: record.member,
        session,
        cases,
        amendments: session.amendments.map((a) => ({ ...a, signAs: signAs('amendment', a.id) })),
        observations: record.file.observations.filter((o) => o.sessionId === sessionId),
        may: {
          sign: signAs('session', sessionId),
          amend: amending(record.file, me, sessionId, { part: 'other', text: '' }) === null,
          observe: isLineManagerOf(context.actor, record.subject) && session.supervisorId !== me,
        },
      };
    },

    /** The contract form: who may supervise, and what the profile asks for today. */
    async contractForm(context: RequestContext, userId: string) {
      const record = await access.load(userId);
      if (!arrangesSupervisionOf(context.actor, record.subject)) {
        return access.refuse(context, 'supervision.viewed', userId, `A supervision contract for ${record.member.displayName} is agreed by a manager senior to them in their team, or their line manager.`);
      }
      const today = access.today();
      const candidates = isLineManagerOf(context.actor, record.subject)
        ? (await staff.allMembers()).filter((m) => m.active && maySupervise(m) && m.id !== userId).map((m) => ({ id: m.id, name: m.displayName }))
        : [{ id: context.actor.userId, name: context.actor.displayName }];
      await audit.record(db, context, { action: 'supervision.viewed', details: { staffId: userId, for: 'contract' } });
      return { member: record.member, contract: record.file.contract, required: record.requiredOn(today), why: whyFrequency(record, today), candidates, today };
    },

    /** The session form: the supervisee's children the supervisor may record on, and what is due. */
    async sessionForm(context: RequestContext, userId: string) {
      const record = await access.load(userId);
      if (record.file.contract?.supervisorId !== context.actor.userId) {
        return access.refuse(context, 'supervision.viewed', userId, `Only ${record.member.displayName}’s supervising manager records their supervision sessions (5.4).`);
      }
      const caseload = (await people.caseload(context, userId)).filter((r) => can(context.actor, 'work:record', r));
      await audit.record(db, context, { action: 'supervision.viewed', details: { staffId: userId, for: 'session' } });
      return {
        ...standing(record, access.today()),
        caseload: caseload.map((r) => ({ id: r.id, name: fullName(r.details), hearthId: r.hearthId })),
      };
    },
  };
}

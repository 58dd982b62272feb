import { addDays, londonStartOfDay } from '../../domain/calendar/localDate';
import type { Problem } from '../../domain/people/personDetails';
import { arrangesSupervisionOf, isLineManagerOf, maySupervise } from '../../domain/supervision/access';
import { frequencyOver } from '../../domain/supervision/due';
import { atLeastAsFrequent, frequencyLabels } from '../../domain/supervision/frequency';
import { contractOn, supervisionEvent, supervisionStart } from '../../domain/supervision/supervisionFile';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import { checked, readDateInput } from '../../platform/validation';
import { formatDate } from '../../platform/views/filters';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { SupervisionAccess, StaffRecord } from './supervisionAccess';
import { auditSchema, contractSchema, observationSchema } from './supervisionSchemas';
import { problemsFrom, throwIfAny, type SupervisionWrite } from './supervisionWrites';

/** Why the profile asks for more frequent supervision on a date, in words for a form's message. */
export function whyFrequency(record: StaffRecord, date: string): string {
  const required = record.requiredOn(date);
  if (required === 'weekly') return `${record.member.displayName} is in their induction period on ${formatDate(date)}: supervision is weekly`;
  if (required === 'fortnightly') return `${record.member.displayName} is in their assessed and supported year in employment on ${formatDate(date)}: supervision is at least fortnightly`;
  return `${record.member.displayName}'s supervision is at least monthly`;
}

/**
 * The contract for supervision, and line managers' oversight of it (specialist-service-statement.txt
 * 5.4): "All staff will have a contract for supervision"; "Arrangements will be made for
 * observations of supervision sessions by Line Managers, and feedback provided to inform
 * learning"; "Records will be regularly audited by Line Managers with a focus upon frequency and
 * quality of sessions".
 */
export function oversightSteps(access: SupervisionAccess, staff: StaffDirectory, write: SupervisionWrite) {
  return {
    /** A contract agreed between a supervisor and the supervisee, at least as frequent as their profile asks; both then sign it. */
    async agreeContract(context: RequestContext, userId: string, input: Record<string, unknown>) {
      const record = await access.load(userId);
      const name = record.member.displayName;
      if (!arrangesSupervisionOf(context.actor, record.subject)) {
        return access.refuse(context, 'supervision.contract_agreed', userId, `A supervision contract for ${name} is agreed by a manager senior to them in their team, or their line manager.`);
      }
      const problems: Problem[] = [];
      let data = null as ReturnType<typeof contractSchema.parse> | null;
      problems.push(...problemsFrom(() => (data = checked(contractSchema, input))));
      const agreed = readDateInput(input, 'agreedOn', 'Date the contract was agreed', true);
      const today = access.today();
      if (agreed.problem) problems.push(agreed.problem);
      else if ((agreed.value as string) > today) problems.push({ field: 'agreedOn-day', message: 'Date the contract was agreed must be today or in the past' });
      const agreedOn = agreed.problem ? null : agreed.value;
      const current = record.file.contract;
      if (agreedOn && current && agreedOn < current.agreedOn) problems.push({ field: 'agreedOn-day', message: `A new contract cannot be agreed before the one in force, agreed on ${formatDate(current.agreedOn)}` });
      if (data) {
        const chosen = data as NonNullable<typeof data>;
        const supervisor = await staff.member(chosen.supervisorId);
        const lineManager = isLineManagerOf(context.actor, record.subject);
        if (!supervisor || !supervisor.active || !maySupervise(supervisor) || supervisor.id === userId) problems.push({ field: 'supervisorId', message: 'Select a supervising manager from the list' });
        else if (!lineManager && supervisor.id !== context.actor.userId) problems.push({ field: 'supervisorId', message: `Name yourself as supervisor: a line manager of ${name} arranges supervision by another manager` });
        if (agreedOn && !atLeastAsFrequent(chosen.frequency, record.requiredOn(agreedOn))) {
          problems.push({ field: 'frequency', message: `${whyFrequency(record, agreedOn)} (5.4). A contract may agree more frequent supervision, never less than ${frequencyLabels[record.requiredOn(agreedOn)].toLowerCase()}` });
        }
        if (current && !chosen.reason) problems.push({ field: 'reason', message: `Enter why this contract replaces the one agreed on ${formatDate(current.agreedOn)} with ${current.supervisorName}` });
      }
      throwIfAny(problems);
      const chosen = data as unknown as NonNullable<typeof data>;
      const supervisor = await staff.member(chosen.supervisorId);
      const on = agreedOn as string;
      const written = await write(context, record.member, 'supervision.contract_agreed', (fresh) => {
        const latest = fresh.file.contract;
        if (latest?.id !== current?.id) throw new ValidationError([{ field: 'supervisorId', message: 'Another contract was agreed while you were writing this one: check it before agreeing a new one' }]);
        return {
          staff: [{
            userId,
            type: supervisionEvent.contractAgreed,
            occurredAt: on === today ? access.now() : new Date(londonStartOfDay(on).getTime() + 9 * 3_600_000),
            reason: chosen.reason,
            refersTo: current?.id ?? null,
            data: { supervisorId: chosen.supervisorId, supervisorName: supervisor?.displayName ?? '', frequency: chosen.frequency, requiredFrequency: record.requiredOn(on), covers: chosen.covers, agreedOn: on },
          }],
        };
      });
      return written.staff[0]?.id as string;
    },

    /** A line manager's observation of a session, with feedback to inform learning; never by the supervisor who held it. */
    async observe(context: RequestContext, userId: string, sessionId: string, input: Record<string, unknown>) {
      const record = await access.load(userId);
      const session = record.file.sessions.find((s) => s.id === sessionId);
      if (!session) throw new ValidationError([{ field: 'feedback', message: 'That supervision session is not on this record' }]);
      if (!isLineManagerOf(context.actor, record.subject)) return access.refuse(context, 'supervision.observed', userId, `Supervision sessions are observed by a line manager of ${record.member.displayName}.`);
      if (session.supervisorId === context.actor.userId) return access.refuse(context, 'supervision.observed', userId, 'You held this session: it is observed by a line manager who did not.');
      const data = checked(observationSchema, input);
      await write(context, record.member, 'supervision.observed', (_r, now) => ({
        staff: [{ userId, type: supervisionEvent.observed, occurredAt: now, refersTo: sessionId, data: { sessionId, supervisorId: session.supervisorId, supervisorName: session.supervisorName, feedback: data.feedback, learning: data.learning } }],
      }));
    },

    /**
     * A line manager's audit of a supervisee's records for a period: the frequency computed from
     * the sessions held against those owed, the quality judged and commented on. Not by the
     * supervisor who held sessions in the period, nor by the supervisor on any contract in force
     * in it (an audit of one's own records is not an audit).
     */
    async auditRecords(context: RequestContext, userId: string, input: Record<string, unknown>) {
      const record = await access.load(userId);
      const name = record.member.displayName;
      if (!isLineManagerOf(context.actor, record.subject)) return access.refuse(context, 'supervision.audited', userId, `Supervision records are audited by a line manager of ${name}.`);
      const problems: Problem[] = [];
      let data = null as ReturnType<typeof auditSchema.parse> | null;
      problems.push(...problemsFrom(() => (data = checked(auditSchema, input))));
      const from = readDateInput(input, 'periodFrom', 'Start of the period audited', true);
      const to = readDateInput(input, 'periodTo', 'End of the period audited', true);
      const today = access.today();
      if (from.problem) problems.push(from.problem);
      if (to.problem) problems.push(to.problem);
      else if ((to.value as string) > today) problems.push({ field: 'periodTo-day', message: 'End of the period audited must be today or in the past' });
      else if (from.value && (to.value as string) < from.value) problems.push({ field: 'periodTo-day', message: 'End of the period audited must be on or after its start' });
      const start = supervisionStart(record.file);
      if (!start) problems.push({ field: 'periodFrom-day', message: `${name} has no supervision contract: there are no records to audit yet` });
      throwIfAny(problems);
      const period = { from: from.value as string, to: to.value as string };
      const inPeriod = record.file.sessions.filter((s) => s.heldOn >= period.from && s.heldOn <= period.to);
      if (inPeriod.some((s) => s.supervisorId === context.actor.userId)) {
        return access.refuse(context, 'supervision.audited', userId, 'You held sessions in this period: the records are audited by a line manager who did not.');
      }
      // Nor by their supervisor in the period, sessions held or not: the frequency audited is theirs to keep (5.4).
      const inForce = [contractOn(record.file, period.from), ...record.file.contracts.filter((c) => c.agreedOn > period.from && c.agreedOn <= period.to && contractOn(record.file, c.agreedOn) === c)];
      if (inForce.some((c) => c?.supervisorId === context.actor.userId)) {
        return access.refuse(context, 'supervision.audited', userId, `You are ${name}’s supervisor on a contract in force in this period: the records are audited by a line manager who is not their supervisor.`);
      }
      const chosen = data as unknown as NonNullable<typeof data>;
      await write(context, record.member, 'supervision.audited', (current, now) => {
        const finding = frequencyOver(start as string, current.file.sessions.map((s) => s.heldOn), current.frequencyOn, period, today);
        const { turns: _turns, ...figures } = finding;
        return {
          staff: [{ userId, type: supervisionEvent.audited, occurredAt: now, data: { ...figures, sessionIds: inPeriod.map((s) => s.id), quality: chosen.quality, comments: chosen.comments } }],
        };
      });
    },
  };
}

/** The period a line manager's audit offers by default: the last six months to today. */
export const defaultAuditPeriod = (today: string) => ({ from: addDays(today, -182), to: today });

import { rolesAllow } from '../../domain/access/can';
import { managerRoles } from '../../domain/access/roles';
import { addMonths, isIsoDate, londonDate, londonStartOfDay } from '../../domain/calendar/localDate';
import type { Problem } from '../../domain/people/personDetails';
import { profileHistory, workforceEvent, type WorkforceProfileData } from '../../domain/workforce/profile';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { advisoryLock } from '../../platform/db/advisoryLock';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { staffEventStore } from '../../platform/events/staffEventStore';
import { mergeProblems, problemsOf, readDateInput } from '../../platform/validation';
import { formatDate } from '../../platform/views/filters';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { CaseloadReader } from './caseloads';
import { overseesStaff } from '../../domain/workforce/oversight';
import { caseloadLimitsSchema, profileSchema } from './workforceSchemas';

/** A date given as YYYY-MM-DD (the API, the demonstration) or in a form's three boxes. */
function dateField(body: Record<string, unknown>, name: string, label: string, required: boolean): { value: string | null; problem: Problem | null } {
  const given = body[name];
  if (typeof given === 'string' && given.trim() !== '') {
    return isIsoDate(given.trim()) ? { value: given.trim(), problem: null } : { value: null, problem: { field: `${name}-day`, message: `${label} must be a real date` } };
  }
  return readDateInput(body, name, label, required);
}

const sameProfile = (a: WorkforceProfileData, b: WorkforceProfileData) =>
  (['practitioner', 'fte', 'caseloadMinimum', 'caseloadMaximum', 'inductionEndsOn', 'asyeEndsOn', 'lineManagerId'] as const).every((k) => a[k] === b[k]);

/**
 * A worker's workforce profile (specialist-service-statement.txt 5.2-5.4), recorded by a manager who
 * oversees them on the worker's own staff record: each change a new version from a date, with the
 * reason it replaces the last. Nothing is edited; the history stays.
 */
export function staffProfiles(db: Db, clock: Clock, staff: StaffDirectory, reader: CaseloadReader) {
  return {
    async recordProfile(context: RequestContext, userId: string, body: Record<string, unknown>) {
      const { actor } = context;
      const denied = async (message: string) => {
        await audit.record(db, context, { action: 'workforce.profile_recorded', outcome: 'denied', details: { userId } });
        return new ForbiddenError(message);
      };
      if (!rolesAllow(actor, 'workforce:manage')) throw await denied('Workforce profiles are recorded by team managers and above');
      const member = await staff.member(userId);
      if (!member) throw new NotFoundError('The member of staff');
      if (member.id === actor.userId) throw await denied('Your own workforce profile is recorded by your line manager');
      const history = profileHistory((await reader.profiles(db, [userId])).get(userId) ?? []);
      const last = history.at(-1) ?? null;
      if (!overseesStaff(actor, member, last?.lineManagerId ?? null)) throw await denied(`You record the profiles of staff in the teams you manage. Ask ${member.displayName}'s manager.`);

      const now = clock.now();
      const today = londonDate(now);
      const parsed = profileSchema.safeParse(body);
      const induction = dateField(body, 'inductionEndsOn', 'The date their induction ends', false);
      const asye = dateField(body, 'asyeEndsOn', 'The date their assessed and supported year ends', false);
      const effective = dateField(body, 'effectiveOn', 'The date the profile takes effect', false);
      const problems: Problem[] = [induction.problem, asye.problem, effective.problem].filter((p): p is Problem => p !== null);
      const rules: Problem[] = [];
      const data = parsed.success ? parsed.data : null;
      // Checked on what was typed, so that every problem shows at once.
      const practitioner = typeof body.practitioner === 'string' ? body.practitioner : null;
      const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
      if (practitioner === 'newly_qualified_social_worker' && !asye.value && !asye.problem) {
        rules.push({ field: 'asyeEndsOn-day', message: 'Enter the date their assessed and supported year ends: a newly qualified social worker has a protected caseload until then (5.2)' });
      }
      if (practitioner && practitioner !== 'newly_qualified_social_worker' && asye.value) {
        rules.push({ field: 'asyeEndsOn-day', message: 'Only a newly qualified social worker has an assessed and supported year: leave the date empty, or choose newly qualified social worker' });
      }
      if (last && !reason) rules.push({ field: 'reason', message: `Enter why this replaces the profile recorded from ${formatDate(londonDate(last.from))}` });
      if (data?.lineManagerId) {
        const manager = await staff.member(data.lineManagerId);
        if (!manager || !manager.active || !manager.roles.some((r) => managerRoles.includes(r)) || manager.id === member.id) {
          rules.push({ field: 'lineManagerId', message: 'Select their line manager from the list' });
        }
      }
      if (induction.value && asye.value && asye.value < induction.value) rules.push({ field: 'asyeEndsOn-day', message: 'The assessed and supported year must end on or after the induction' });
      const from = effective.value ?? today;
      // Back-dated to correct the record, or set a little ahead for a change of hours agreed; not years either way.
      if (effective.value && effective.value < addMonths(today, -12)) rules.push({ field: 'effectiveOn-day', message: 'The date the profile takes effect must be within the last 12 months: check the year' });
      if (effective.value && effective.value > addMonths(today, 6)) rules.push({ field: 'effectiveOn-day', message: 'The date the profile takes effect must be within the next 6 months' });
      const limits = caseloadLimitsSchema.safeParse(body);
      const all = mergeProblems(problems, parsed.success ? [] : problemsOf(parsed.error), limits.success ? [] : problemsOf(limits.error), rules);
      if (all.length > 0 || !data) throw new ValidationError(all);

      const profile: WorkforceProfileData = {
        practitioner: data.practitioner as WorkforceProfileData['practitioner'],
        fte: data.fte as number,
        caseloadMinimum: data.caseloadMinimum,
        caseloadMaximum: data.caseloadMaximum,
        inductionEndsOn: induction.value,
        asyeEndsOn: asye.value,
        lineManagerId: data.lineManagerId,
      };
      const inForce = history.filter((p) => londonDate(p.from) <= from).at(-1);
      if (inForce && sameProfile(inForce, profile)) throw new ValidationError([{ field: 'practitioner', message: `Nothing has changed from the profile in force on ${formatDate(from)}` }]);
      // Taking effect today: now, so that it follows any version recorded earlier today; on another day: from its start.
      const occurredAt = from === today ? now : londonStartOfDay(from);
      return db.transaction(async (tx) => {
        // The same lock as the supervision writes on this member of staff's record (supervisionWrites.ts).
        await advisoryLock(tx, `staff-record:${userId}`);
        const [event] = await staffEventStore.append(tx, [{ userId, type: workforceEvent.profileRecorded, occurredAt, data: { ...profile }, reason: last ? data.reason : (data.reason ?? null) }], actor, now);
        await audit.record(tx, context, { action: 'workforce.profile_recorded', details: { userId, eventId: event?.id, replaces: last?.eventId ?? null } });
        return event!;
      });
    },
  };
}

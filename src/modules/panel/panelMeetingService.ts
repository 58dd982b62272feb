import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { rolesAllow } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { addDays, londonDate } from '../../domain/calendar/localDate';
import { chairCapacities, chairsMeeting, meetingEventTypes as T, meetingOf, panelRoles, presentationSteps, thursdaysFrom, type Meeting } from '../../domain/panel/meeting';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import { englandAndWalesCalendar } from '../../platform/calendar';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { checked, choiceValues, optionalText, readDateInput, readTime, requiredText } from '../../platform/validation';
import type { StaffDirectory } from '../staff/staffDirectory';
import { panelRepository, type NewMeetingEvent } from './panelRepository';

/** 1.5: "The panel will meet weekly on a Thursday at 2:00pm and will take place at the Bexley Civic Centre." */
export const defaultTime = '14:00';
export const defaultVenue = 'Bexley Civic Centre';

const cancelSchema = z.object({ reason: requiredText('Enter why the meeting is cancelled', 2000, 'Why the meeting is cancelled') });
const chairSchema = z.object({ userId: z.uuid({ error: 'Select who chairs the meeting' }), capacity: z.enum(choiceValues(chairCapacities), { error: 'Select in which capacity they chair (1.7)' }) });
const attendanceSchema = z.object({
  userId: z.union([z.literal(''), z.uuid({ error: 'Select the member from the list' })]).optional(),
  externalName: optionalText(200, 'The name of the member from outside Hearth'),
  panelRole: z.enum(choiceValues(panelRoles), { error: 'Select their role on the panel (1.7)' }),
});
const declarationSchema = z.object({
  memberId: z.string({ error: 'Select the member declaring' }).min(1, 'Select the member declaring'),
  personId: z.uuid({ error: 'Select the child the declaration is about' }),
  involvement: requiredText('Enter the involvement or knowledge of the case declared', 2000, 'The involvement'),
});
const stepSchema = z.object({ itemKey: z.string({ error: 'Select the agenda item' }).min(1, 'Select the agenda item'), step: z.enum(choiceValues(presentationSteps), { error: 'Select the step of the presentation (I.16)' }) });

/** Who may chair in which capacity (1.7 a-c): the Deputy Director, the vice chair (a service manager) or another head of service. */
const capacityRoles: Record<string, string[]> = { chair: ['panel-chair'], vice_chair: ['service-manager', 'panel-chair'], head_of_service: ['head-of-service'] };

/**
 * The panel's meetings (resource-and-care-panel-policy.txt 1.5-1.8, I.16, 1.7 g): scheduled ahead by
 * the administrator, cancelled only with the chair's agreement, the chair for the day, attendance,
 * declarations, each presentation's steps and the chair's sign-off of the finance log. Each change is
 * a new event on the meeting's stream, under its lock, audited in the same transaction.
 */
export function panelMeetingService(db: Db, clock: Clock, staff: StaffDirectory) {
  const repo = panelRepository(db);
  const guard = (context: RequestContext, permission: Permission, message: string) => {
    if (!rolesAllow(context.actor, permission)) throw new ForbiddenError(message);
  };
  const administer = (context: RequestContext) => guard(context, 'panel:administer', 'Only the panel administrator or the chair records this on a meeting');
  const by = (context: RequestContext) => ({ userId: context.actor.userId, name: context.actor.displayName });

  async function meetings(range: { from?: string; to?: string } = {}): Promise<Meeting[]> {
    return [...(await repo.streams(db, range)).values()].map((s) => meetingOf(s)).filter((m): m is Meeting => m !== null).sort((a, b) => a.date.localeCompare(b.date));
  }
  async function meeting(meetingId: string): Promise<Meeting> {
    const found = z.uuid().safeParse(meetingId).success ? meetingOf(await repo.streamOf(db, meetingId)) : null;
    if (!found) throw new NotFoundError('The panel meeting');
    return found;
  }

  /** One change to one meeting: locked, checked against the meeting as it stands, appended and audited together. */
  async function change(context: RequestContext, meetingId: string, what: string, decide: (m: Meeting, now: Date) => Omit<NewMeetingEvent, 'meetingId' | 'meetingDate'>[]) {
    if (!z.uuid().safeParse(meetingId).success) throw new NotFoundError('The panel meeting');
    return db.transaction(async (tx) => {
      await repo.lock(tx, meetingId);
      const m = meetingOf(await repo.streamOf(tx, meetingId));
      if (!m) throw new NotFoundError('The panel meeting');
      const events = decide(m, clock.now()).map((e) => ({ ...e, meetingId, meetingDate: m.date }));
      await repo.append(tx, by(context), events);
      await audit.record(tx, context, { action: 'panel.meeting_recorded', details: { meetingId, meetingDate: m.date, what, types: events.map((e) => e.type) } });
      return meetingOf(await repo.streamOf(tx, meetingId))!;
    });
  }

  /** Schedules the given dates not already taken; returns those scheduled. */
  async function scheduleDates(context: RequestContext, dates: { date: string; time: string; venue: string }[]) {
    return db.transaction(async (tx) => {
      await repo.lockSchedule(tx);
      const taken = new Set([...(await repo.streams(tx, { from: dates[0]?.date ?? '', to: dates.at(-1)?.date ?? '' })).values()].map((s) => meetingOf(s)).filter((m) => m && !m.cancelled).map((m) => m!.date));
      const fresh = dates.filter((d) => !taken.has(d.date));
      const now = clock.now();
      const events = fresh.map((d) => {
        const meetingId = randomUUID();
        return { meetingId, meetingDate: d.date, type: T.scheduled, occurredAt: now, data: { meetingId, ...d } };
      });
      await repo.append(tx, by(context), events);
      await audit.record(tx, context, { action: 'panel.meeting_recorded', details: { what: 'scheduled', dates: fresh.map((d) => d.date) } });
      return events.map((e) => ({ meetingId: e.meetingId, date: e.meetingDate }));
    });
  }

  return {
    meetings,
    meeting,

    /** One meeting on a date (1.5: Thursday 2pm by default; the administrator sends the dates in advance). */
    async schedule(context: RequestContext, body: Record<string, unknown>) {
      administer(context);
      const date = readDateInput(body, 'date', 'The date of the meeting', true);
      const typedTime = String(body.time ?? '').trim();
      const time = typedTime === '' ? defaultTime : readTime(typedTime);
      const typedVenue = String(body.venue ?? '').trim();
      const venue = typedVenue || defaultVenue;
      const problems = [date.problem, time ? null : { field: 'time', message: 'Enter the time of the meeting like 14:00' }, typedVenue.length > 200 ? { field: 'venue', message: 'The venue must be 200 characters or fewer' } : null].filter((p) => p !== null);
      if (date.value && date.value < londonDate(clock.now())) problems.push({ field: 'date-day', message: 'The date of the meeting must be today or in the future' });
      if (date.value && !englandAndWalesCalendar().isWorkingDay(date.value)) problems.push({ field: 'date-day', message: 'The panel meets on a working day: that date is a weekend or a bank holiday' });
      if (problems.length > 0) throw new ValidationError(problems);
      const [made] = await scheduleDates(context, [{ date: date.value!, time: time!, venue }]);
      if (!made) throw new ValidationError([{ field: 'date-day', message: `A meeting is already scheduled on ${date.value}` }]);
      return made;
    },

    /** The coming weekly Thursday meetings (1.5), `weeks` ahead, skipping dates already scheduled and bank holidays. */
    async scheduleAhead(context: RequestContext, weeks = 8) {
      administer(context);
      const calendar = englandAndWalesCalendar();
      const dates = thursdaysFrom(addDays(londonDate(clock.now()), 1), weeks).filter((d) => calendar.isWorkingDay(d));
      return scheduleDates(context, dates.map((date) => ({ date, time: defaultTime, venue: defaultVenue })));
    },

    /** 1.6: "The panel should not be cancelled under any circumstances, without the prior agreement of the Chair of the Panel": recorded by the chair. */
    cancel(context: RequestContext, meetingId: string, body: Record<string, unknown>, hasDecisions: boolean) {
      guard(context, 'panel:chair', 'A panel meeting is cancelled only with the agreement of the chair of the panel (1.6): the chair records it');
      const { reason } = checked(cancelSchema, body);
      return change(context, meetingId, 'cancelled', (m, now) => {
        if (!chairsMeeting(m, context.actor)) throw new ForbiddenError('A panel meeting is cancelled only with the agreement of the chair of the panel (1.6)');
        if (m.cancelled) throw new ValidationError([{ field: 'reason', message: 'The meeting is already cancelled' }]);
        if (hasDecisions) throw new ValidationError([{ field: 'reason', message: 'Decisions have been made at this meeting: it cannot be cancelled' }]);
        return [{ type: T.cancelled, occurredAt: now, data: { reason, agreedBy: context.actor.displayName, agreedByUserId: context.actor.userId } }];
      });
    },

    /** 1.7 a-c: the chair, the vice chair, or another head of service when neither is available. */
    async setChair(context: RequestContext, meetingId: string, body: Record<string, unknown>) {
      administer(context);
      const data = checked(chairSchema, body);
      const member = await staff.member(data.userId);
      if (!member || !member.active) throw new ValidationError([{ field: 'userId', message: 'Select who chairs the meeting from the list' }]);
      if (!member.roles.some((r) => capacityRoles[data.capacity]!.includes(r))) throw new ValidationError([{ field: 'capacity', message: `${member.displayName} cannot chair as ${chairCapacities.find((c) => c.value === data.capacity)!.text.toLowerCase()} (1.7)` }]);
      return change(context, meetingId, 'chair', (m, now) => {
        if (m.cancelled) throw new ValidationError([{ field: 'userId', message: 'The meeting was cancelled' }]);
        return [{ type: T.chairSet, occurredAt: now, data: { userId: member.id, name: member.displayName, capacity: data.capacity } }];
      });
    },

    /** Who attended, in which panel role (1.7): a Hearth user, or a named member from outside (Housing, the Virtual School). */
    async attended(context: RequestContext, meetingId: string, body: Record<string, unknown>) {
      administer(context);
      const data = checked(attendanceSchema, body);
      const member = data.userId ? await staff.member(data.userId) : null;
      if (data.userId && !member) throw new ValidationError([{ field: 'userId', message: 'Select the member from the list' }]);
      if (!member && !data.externalName) throw new ValidationError([{ field: 'userId', message: 'Select the member from the list, or enter the name of a member from outside Hearth' }]);
      const name = member?.displayName ?? data.externalName!;
      const memberId = member ? member.id : `external:${name.toLowerCase().replace(/\s+/g, ' ')}`;
      return change(context, meetingId, 'attendance', (m, now) => {
        if (m.cancelled) throw new ValidationError([{ field: 'userId', message: 'The meeting was cancelled' }]);
        if (m.members.some((x) => x.memberId === memberId)) throw new ValidationError([{ field: 'userId', message: `${name} is already recorded as present` }]);
        return [{ type: T.attended, occurredAt: now, data: { memberId, userId: member?.id ?? null, name, panelRole: data.panelRole } }];
      });
    },

    /** 1.8: "Panel members must declare any involvement or pre-existing knowledge of a case being presented in the meeting." */
    declare(context: RequestContext, meetingId: string, body: Record<string, unknown>, childrenOnAgenda: readonly string[]) {
      administer(context);
      const data = checked(declarationSchema, body);
      if (!childrenOnAgenda.includes(data.personId)) throw new ValidationError([{ field: 'personId', message: 'Select a child whose case is on this meeting’s agenda' }]);
      return change(context, meetingId, 'declaration', (m, now) => {
        const member = m.members.find((x) => x.memberId === data.memberId);
        if (!member) throw new ValidationError([{ field: 'memberId', message: 'Record the member as present first' }]);
        if (m.declarations.some((d) => d.memberId === member.memberId && d.personId === data.personId)) throw new ValidationError([{ field: 'personId', message: `${member.name} has already declared an involvement in this case` }]);
        return [{ type: T.declared, occurredAt: now, data: { memberId: member.memberId, userId: member.userId, name: member.name, personId: data.personId, involvement: data.involvement } }];
      });
    },

    /** I.16 a-e: a step of a presentation done, ticked off the checklist. */
    step(context: RequestContext, meetingId: string, body: Record<string, unknown>, itemKeys: readonly string[]) {
      if (!rolesAllow(context.actor, 'panel:administer') && !rolesAllow(context.actor, 'panel:chair')) throw new ForbiddenError('Only the chair or the panel administrator records the presentation’s steps');
      const data = checked(stepSchema, body);
      if (!itemKeys.includes(data.itemKey)) throw new ValidationError([{ field: 'itemKey', message: 'Select an item on this meeting’s agenda' }]);
      return change(context, meetingId, 'presentation step', (m, now) => {
        if (!rolesAllow(context.actor, 'panel:administer') && !chairsMeeting(m, context.actor)) throw new ForbiddenError('Only the chair of this meeting or the panel administrator records the presentation’s steps');
        if (m.steps.get(data.itemKey)?.has(data.step)) throw new ValidationError([{ field: 'step', message: 'That step is already recorded' }]);
        return [{ type: T.step, occurredAt: now, data: { itemKey: data.itemKey, step: data.step } }];
      });
    },

    /** 1.7 g, I.19 e: the chair signs off the meeting's expenditure, its totals recorded as signed. */
    signOffFinance(context: RequestContext, meetingId: string, totals: { weeklyPence: number; totalPence: number; count: number }) {
      guard(context, 'panel:chair', 'Only the chair signs off the finance log (1.7 g)');
      return change(context, meetingId, 'finance sign-off', (m, now) => {
        if (!chairsMeeting(m, context.actor)) throw new ForbiddenError('Only the chair of the panel, or the chair of this meeting, signs off its finance log (1.7 g)');
        if (m.cancelled) throw new ValidationError([{ field: 'signOff', message: 'The meeting was cancelled' }]);
        if (m.date > londonDate(now)) throw new ValidationError([{ field: 'signOff', message: 'The finance log is signed off once the meeting has been held' }]);
        const s = m.financeSignOff;
        if (s && s.weeklyPence === totals.weeklyPence && s.totalPence === totals.totalPence && s.decisions === totals.count) throw new ValidationError([{ field: 'signOff', message: `${s.by} has already signed off these figures` }]);
        return [{ type: T.financeSignedOff, occurredAt: now, data: { userId: context.actor.userId, name: context.actor.displayName, weeklyPence: totals.weeklyPence, totalPence: totals.totalPence, decisions: totals.count } }];
      });
    },
  };
}

export type PanelMeetingService = ReturnType<typeof panelMeetingService>;

import { z } from 'zod';
import { rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { decisionsAllowed, type AgendaItem } from '../../domain/panel/agenda';
import { decisionLabels, decisionsOf, standing } from '../../domain/panel/decisions';
import { chairRefusal, chairsMeeting, type Meeting } from '../../domain/panel/meeting';
import { englandAndWalesCalendar } from '../../platform/calendar';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { checked, readDateInput, requiredText } from '../../platform/validation';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { decisionInput } from './decisionInput';
import type { PanelMeetingService } from './panelMeetingService';
import type { PanelReads } from './panelReads';

const action = 'child.panel_decision_recorded';
const extendSchema = z.object({ decisionEventId: z.uuid({ error: 'Select the decision whose return is extended' }), reason: requiredText('Enter why the return to panel is extended', 2000, 'Why the return is extended') });

/**
 * The chair's work at the meeting (resource-and-care-panel-policy.txt I.16-I.20, 1.8): a case
 * presented (`panel.considered`), the decision recorded on the child's record at once (I.18), and
 * the chair's extension of a return to panel (1.20 "unless otherwise agreed by the panel chair").
 * The meeting's action log is read back from these decisions by meeting, so it cannot disagree
 * with the children's records. A decision is never changed: a correction is a new decision.
 */
export function panelDecisionService(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory, meetings: PanelMeetingService, reads: PanelReads) {
  async function itemOf(meeting: Meeting, itemKey: unknown): Promise<AgendaItem> {
    const { items } = await reads.agenda(meeting);
    const item = items.find((i) => i.itemKey === itemKey);
    if (!item) throw new ValidationError([{ field: 'itemKey', message: 'Select an item on this meeting’s agenda' }]);
    return item;
  }
  const considered = (meeting: Meeting, item: AgendaItem, now: Date) => ({
    personId: item.personId,
    type: 'panel.considered',
    occurredAt: now,
    data: { meetingId: meeting.meetingId, meetingDate: meeting.date, itemKey: item.itemKey, kind: item.kind, referralId: item.referralId, reason: item.reason || 'review', summary: `Presented at the Resource and Care Panel on ${meeting.date}` },
  });
  const denied = async (context: RequestContext, personId: string, message: string) => {
    await audit.record(db, context, { action, outcome: 'denied', personId, details: { reason: message } });
    return new ForbiddenError(message);
  };
  /** The worker and team for the decision sheet: the referral's, else the case holder's. */
  async function workerAndTeam(item: AgendaItem) {
    if (item.referral?.content.worker) return { worker: item.referral.content.worker, team: item.referral.content.team || null };
    const record = await people.find(item.personId);
    const [worker, team] = await Promise.all([record?.allocatedWorkerId ? staff.member(record.allocatedWorkerId) : null, record?.allocatedTeamId ? staff.team(record.allocatedTeamId) : null]);
    return { worker: worker?.displayName ?? null, team: team?.name ?? null };
  }

  return {
    /** A case presented at the meeting (I.16), on the child's record: by the chair or the administrator. */
    async present(context: RequestContext, meetingId: string, body: Record<string, unknown>) {
      const meeting = await meetings.meeting(meetingId);
      if (!rolesAllow(context.actor, 'panel:administer') && !chairsMeeting(meeting, context.actor)) throw new ForbiddenError('Only the chair of this meeting or the panel administrator records a presentation');
      if (meeting.cancelled) throw new ValidationError([{ field: 'itemKey', message: 'The meeting was cancelled' }]);
      if (meeting.date > londonDate(clock.now())) throw new ValidationError([{ field: 'itemKey', message: `The meeting is on ${meeting.date}: a case is presented on the day` }]);
      const item = await itemOf(meeting, body.itemKey);
      if (item.presented) throw new ValidationError([{ field: 'itemKey', message: 'This case is already recorded as presented at this meeting' }]);
      return people.recordOn(context, [item.personId], 'child:read', action, (_r, _s, now) => [considered(meeting, item, now)]);
    },

    /**
     * The decision (I.18-I.19, Appendix A Part B), by the meeting's chair alone, who has declared
     * no involvement in the case (1.8). It goes on the child's record at once, with the
     * presentation if that was not recorded yet, in one transaction.
     */
    async decide(context: RequestContext, meetingId: string, body: Record<string, unknown>) {
      const meeting = await meetings.meeting(meetingId);
      const item = await itemOf(meeting, body.itemKey);
      if (!rolesAllow(context.actor, 'panel:chair')) throw await denied(context, item.personId, 'Only the chair of the panel records its decisions (I.18)');
      const refusal = chairRefusal(meeting, context.actor.userId, item.personId);
      if (refusal) throw await denied(context, item.personId, refusal);
      // A chair who signed the referral off is involved in the case, declared or not (1.8).
      if (item.referral?.signatures.some((sig) => sig.byId === context.actor.userId)) throw await denied(context, item.personId, 'You signed this referral off, so you are involved in the case (1.8): another head of service must chair this item and record the decision');
      if (meeting.date > londonDate(clock.now())) throw new ValidationError([{ field: 'decision', message: `The meeting is on ${meeting.date}: decisions are recorded at the meeting` }]);
      const input = decisionInput(body, meeting.date);
      const allowed = decisionsAllowed(item);
      if (allowed.length === 0) throw new ValidationError([{ field: 'decision', message: 'The referral was withdrawn: there is nothing to decide' }]);
      if (!allowed.includes(input.decision)) throw new ValidationError([{ field: 'decision', message: 'The referral is not signed off as ready to proceed (I.13): the chair may defer or decline it' }]);
      if (input.deferredTo && !(await meetings.meetings({ from: input.deferredTo, to: input.deferredTo })).some((m) => !m.cancelled)) throw new ValidationError([{ field: 'deferredTo-day', message: `There is no panel meeting scheduled on ${input.deferredTo}: defer to a scheduled meeting` }]);
      const who = await workerAndTeam(item);
      return people.recordOn(context, [item.personId], 'panel:chair', action, (_records, streams, now) => {
        const here = standing(decisionsOf((streams.get(item.personId) ?? []).filter((e) => e.data.meetingId === meeting.meetingId && e.data.itemKey === item.itemKey)));
        const previous = here.at(-1);
        if (input.corrects && previous?.eventId !== input.corrects) throw new ValidationError([{ field: 'corrects', message: 'Only the decision that stands for this case at this meeting can be corrected' }]);
        if (!input.corrects && previous) throw new ValidationError([{ field: 'decision', message: 'The panel’s decision on this case is recorded: a decision is not changed, record a correction with the reason' }]);
        const data = {
          meetingId: meeting.meetingId,
          meetingDate: meeting.date,
          referralId: item.referralId,
          itemKey: item.itemKey,
          kind: item.kind,
          decision: input.decision,
          decisions: input.decisions,
          rationale: input.rationale,
          resource: input.resource,
          budget: input.budget,
          weeklyPence: input.weeklyPence,
          totalPence: input.totalPence,
          ...(input.deferredTo ? { deferredTo: input.deferredTo, deferredReason: input.deferredReason } : {}),
          ...(input.returnDate ? { returnDate: input.returnDate } : {}),
          ...(input.returnFrequency ? { returnFrequency: input.returnFrequency } : {}),
          ...(input.corrects ? { corrects: input.corrects, correctionReason: input.correctionReason, correction: true } : {}),
          chairName: context.actor.displayName,
          worker: who.worker,
          team: who.team,
          summary: `Resource and Care Panel ${meeting.date}: ${decisionLabels[input.decision]}${input.corrects ? ' (correction)' : ''}`,
        };
        return [...(item.presented ? [] : [considered(meeting, item, now)]), { personId: item.personId, type: 'panel.decision_made', occurredAt: now, data }];
      });
    },

    /** 1.20: the chair agrees a later return to panel, with the reason; the catalogue counts the new date. */
    async extend(context: RequestContext, personId: string, body: Record<string, unknown>) {
      if (!z.uuid().safeParse(personId).success) throw new ValidationError([{ field: 'decisionEventId', message: 'Select the decision whose return is extended' }]);
      // "unless otherwise agreed by the panel chair" (1.20): the Chair of the Panel, or a head of service chairing in their place (1.7 c).
      if (!context.actor.roles.some((r) => r === 'panel-chair' || r === 'head-of-service')) throw await denied(context, personId, 'Only the panel chair agrees a later return to panel (1.20)');
      const date = readDateInput(body, 'returnDate', 'The new date to return to panel', true);
      const parsed = extendSchema.safeParse(body);
      const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }))), ...(date.problem ? [date.problem] : [])];
      const today = londonDate(clock.now());
      if (date.value && date.value <= today) problems.push({ field: 'returnDate-day', message: 'The new date to return to panel must be in the future' });
      if (problems.length > 0 || !parsed.success) throw new ValidationError(problems);
      return people.recordOn(context, [personId], 'panel:chair', action, (_records, streams, now) => {
        const decision = standing(decisionsOf(streams.get(personId) ?? [])).find((d) => d.eventId === parsed.data.decisionEventId);
        if (!decision || !decision.returnDate) throw new ValidationError([{ field: 'decisionEventId', message: 'Select a decision on this child’s record that set a return to panel' }]);
        // Only a return still owed, and only to later: the latest date agreed for it, and the case not yet back at panel.
        const stream = streams.get(personId) ?? [];
        const extendedTo = stream.filter((e) => e.type === 'panel.return_extended' && e.data.decisionEventId === decision.eventId).map((e) => String(e.data.returnDate)).sort().at(-1);
        const current = extendedTo ?? decision.returnDate;
        const decidedAt = stream.find((e) => e.id === decision.eventId)?.occurredAt ?? new Date(0);
        if (stream.some((e) => e.type === 'panel.considered' && e.data.reason === 'review' && e.occurredAt > decidedAt)) throw new ValidationError([{ field: 'decisionEventId', message: 'The case has already come back to panel for that review' }]);
        if (date.value! <= current) throw new ValidationError([{ field: 'returnDate-day', message: `The return is due on ${current}: an extension is to a later date` }]);
        if (!englandAndWalesCalendar().isWorkingDay(date.value!)) throw new ValidationError([{ field: 'returnDate-day', message: 'The panel meets on working days: choose a weekday that is not a bank holiday' }]);
        return [{ personId, type: 'panel.return_extended', occurredAt: now, data: { decisionEventId: decision.eventId, returnDate: date.value, reason: parsed.data.reason, summary: `Return to panel extended to ${date.value} by the chair` } }];
      });
    },
  };
}

export type PanelDecisionService = ReturnType<typeof panelDecisionService>;

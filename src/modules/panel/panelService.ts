import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { itemStatusText } from '../../domain/panel/agenda';
import { actionLogLine, budgets, decisionLabels, standing } from '../../domain/panel/decisions';
import { financeLog, meetingTotals } from '../../domain/panel/finance';
import { chairCapacities, hasDeclared, panelRoles, presentationSteps, type Meeting } from '../../domain/panel/meeting';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { StandardsService } from '../standards/standardsService';
import { panelDecisionService } from './panelDecisionService';
import { panelMeetingService } from './panelMeetingService';
import { panelReads } from './panelReads';

/** 1.20: "Failure to bring a presentation back to panel as requested may result in the funding for the resource being ended, unless otherwise agreed by the panel chair." */
export const returnWarning = 'Failure to bring a presentation back to panel as requested may result in the funding for the resource being ended, unless otherwise agreed by the panel chair (1.20).';

/**
 * The Resource and Care Panel (issue 8, meetings half): the schedule, the chair's meeting page,
 * the decisions, the finance log and the decision sheet. Every page of it needs panel:read.
 */
export function panelService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  const meetings = panelMeetingService(db, clock, staff);
  const reads = panelReads(clock, people, standards);
  const decisions = panelDecisionService(db, clock, people, staff, meetings, reads);
  const read = (context: RequestContext) => {
    if (!rolesAllow(context.actor, 'panel:read')) throw new ForbiddenError('The panel’s meetings are for its members (1.7)');
  };
  const viewed = (context: RequestContext, details: Record<string, unknown>) => audit.record(db, context, { action: 'panel.meeting_viewed', details });
  /**
   * Children's names for the panel's pages, without opening their records. The finance officer
   * (1.7 g) has no child:read but keeps the running log of expenditure by child, so the log names
   * the child; a restricted record is still named only "Restricted record".
   */
  const namesOf = async (ids: string[]) => {
    const found = await people.identities([...new Set(ids)]);
    return (id: string) => found[id]?.name ?? 'Unknown';
  };
  async function log() {
    const all = await meetings.meetings();
    const list = await reads.decisions();
    const names = await namesOf(list.map((d) => d.personId));
    return { meetings: all, log: financeLog(list, new Map(all.map((m) => [m.meetingId, m.date])), names) };
  }

  return {
    meetings,
    decisions,
    reads,

    /** The schedule (1.5): coming meetings, past meetings, and returns to panel overdue (1.20), flagged to the chair. */
    async schedule(context: RequestContext) {
      read(context);
      const today = londonDate(clock.now());
      const [all, list] = await Promise.all([meetings.meetings(), reads.decisions()]);
      const returns = (await reads.returns(list)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
      const names = await namesOf(returns.map((r) => r.personId));
      const rows = returns.map((r) => ({ ...r, name: names(r.personId), overdue: r.dueDate < today, rule: r.ruleId === 'panel.deferred-request' ? 'Deferred request' : 'Return to panel' }));
      await viewed(context, { what: 'schedule' });
      return {
        today,
        coming: all.filter((m) => m.date >= today),
        past: all.filter((m) => m.date < today).reverse(),
        returns: rows,
        overdue: rows.filter((r) => r.overdue),
        /** Returns the chair may extend (1.20): those set by a decision with a return date. */
        extendable: rows.filter((r) => r.ruleId !== 'panel.deferred-request' && r.decision !== null),
        returnWarning,
        may: { administer: rolesAllow(context.actor, 'panel:administer'), chair: rolesAllow(context.actor, 'panel:chair') },
      };
    },

    /** The chair's meeting page: agenda with statuses and papers, attendance and declarations, decisions and the action log. */
    async meeting(context: RequestContext, meetingId: string) {
      read(context);
      const meeting = await meetings.meeting(meetingId);
      const agenda = await reads.agenda(meeting);
      const names = await namesOf(agenda.items.map((i) => i.personId));
      const today = londonDate(clock.now());
      const me = context.actor.userId;
      const isChair = rolesAllow(context.actor, 'panel:chair') && meeting.chair?.userId === me;
      const [chairs, staffList] = await Promise.all([Promise.all(['panel-chair', 'service-manager', 'head-of-service'].map((r) => staff.withRole(r as 'panel-chair'))), staff.allMembers()]);
      await viewed(context, { meetingId, meetingDate: meeting.date });
      return {
        meeting,
        held: meeting.date <= today,
        items: agenda.items.map((i) => ({ ...i, name: names(i.personId), statusText: itemStatusText[i.status], declared: meeting.declarations.filter((d) => d.personId === i.personId), mayDecide: isChair && !hasDeclared(meeting, me, i.personId) && !meeting.cancelled && meeting.date <= today })),
        anyOverdue: agenda.items.some((i) => i.status === 'overdue'),
        actionLog: standing(agenda.decisions).map((d) => ({ ...d, name: names(d.personId), line: actionLogLine(d) })),
        corrected: agenda.corrected,
        totals: meetingTotals(financeLog(agenda.decisions, new Map([[meeting.meetingId, meeting.date]]), names), meeting.meetingId),
        chairChoices: [...new Map(chairs.flat().map((c) => [c.id, c])).values()],
        staffChoices: staffList.filter((s) => s.active).map((s) => ({ id: s.id, name: s.displayName })),
        panelRoles,
        chairCapacities,
        presentationSteps,
        budgets,
        decisionLabels,
        may: { administer: rolesAllow(context.actor, 'panel:administer'), chair: rolesAllow(context.actor, 'panel:chair'), isChair },
      };
    },

    async cancel(context: RequestContext, meetingId: string, body: Record<string, unknown>) {
      const meeting = await meetings.meeting(meetingId);
      const { decisions: made } = await reads.agenda(meeting);
      return meetings.cancel(context, meetingId, body, made.length > 0);
    },
    async declare(context: RequestContext, meetingId: string, body: Record<string, unknown>) {
      const { items } = await reads.agenda(await meetings.meeting(meetingId));
      return meetings.declare(context, meetingId, body, items.map((i) => i.personId));
    },
    async step(context: RequestContext, meetingId: string, body: Record<string, unknown>) {
      const { items } = await reads.agenda(await meetings.meeting(meetingId));
      return meetings.step(context, meetingId, body, items.map((i) => i.itemKey));
    },

    /** The finance log (1.7 g): by meeting, child, resource and budget, with the totals and each meeting's sign-off. */
    async finance(context: RequestContext) {
      read(context);
      const { meetings: all, log: l } = await log();
      const byId = new Map<string, Meeting>(all.map((m) => [m.meetingId, m]));
      await viewed(context, { what: 'finance log' });
      return { log: l, signOffs: Object.fromEntries(l.meetings.map((m) => [m.meetingId, byId.get(m.meetingId)?.financeSignOff ?? null])), may: { chair: rolesAllow(context.actor, 'panel:chair') } };
    },

    /** The finance log for the finance system, one row per approved expenditure, amounts in pounds. */
    async financeCsv(context: RequestContext) {
      read(context);
      const { meetings: all, log: l } = await log();
      const signed = new Map(all.map((m) => [m.meetingId, m.financeSignOff]));
      const pounds = (p: number) => (p / 100).toFixed(2);
      const rows = l.rows.map((r) => [r.meetingDate, r.childName, r.resource, r.budgetText, decisionLabels[r.decision] ?? r.decision, pounds(r.weeklyPence), pounds(r.totalPence), signed.get(r.meetingId)?.by ?? '', r.decisionEventId]);
      await audit.record(db, context, { action: 'panel.finance_exported', details: { rows: rows.length } });
      return stringify([['Meeting date', 'Child', 'Resource', 'Budget', 'Decision', 'Weekly cost (£)', 'Total cost (£)', 'Signed off by', 'Decision reference'], ...rows]);
    },

    /** The chair signs off one meeting's expenditure with its totals as they stand (1.7 g, I.19 e). */
    async signOffFinance(context: RequestContext, meetingId: string) {
      const meeting = await meetings.meeting(meetingId);
      const { decisions: made } = await reads.agenda(meeting);
      return meetings.signOffFinance(context, meetingId, meetingTotals(financeLog(made, new Map([[meeting.meetingId, meeting.date]]), () => ''), meeting.meetingId));
    },

    /** One decision as Appendix A Part B shows it. */
    async decisionSheet(context: RequestContext, meetingId: string, decisionEventId: string) {
      read(context);
      const meeting = await meetings.meeting(meetingId);
      if (!z.uuid().safeParse(decisionEventId).success) throw new NotFoundError('The decision');
      const decision = (await reads.decisions()).find((d) => d.eventId === decisionEventId && d.meetingId === meetingId);
      if (!decision) throw new NotFoundError('The decision');
      const names = await namesOf([decision.personId]);
      await viewed(context, { meetingId, decisionEventId, what: 'decision sheet' });
      return { meeting, decision, childName: names(decision.personId), decisionLabels };
    },
  };
}

export type PanelService = ReturnType<typeof panelService>;

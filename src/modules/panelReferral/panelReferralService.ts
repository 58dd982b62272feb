import { randomUUID } from 'node:crypto';
import { can, holdsCase, managesRecord, type Actor } from '../../domain/access/can';
import type { Role } from '../../domain/access/roles';
import { addDays, londonDate } from '../../domain/calendar/localDate';
import { defaultPanelWeekday, lastPanelDate, nextOpenPanelDate, panelDateProblem, referralDeadlineOf, weekdayNames, type PanelDays, type ScheduledMeeting } from '../../domain/panel/panelDates';
import { mustComeToPanel, nextSignature, onlyPanelDateMoved, referralContentOf, referralsOf, returnRuleIds, signLabels, signOrder, signRefusal, type Referral, type SignAs } from '../../domain/panel/referral';
import { fullName } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { installationSettings } from '../../platform/settings';
import type { PeopleService } from '../people/peopleService';
import type { PersonRecord } from '../people/peopleRepository';
import type { StaffDirectory } from '../staff/staffDirectory';
import { timelinesWith, type StandardsService } from '../standards/standardsService';
import { readReferral } from './referralForm';
import { referralPrefill } from './referralPrefill';

const audit = 'child.panel_referral_recorded';
const refuse = (field: string, message: string): never => {
  throw new ValidationError([{ field, message }]);
};
const hasRole = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));

/** Who may sign as what (issue 8 contract; I.13): the case holder, a manager of the team, a service manager over it. */
export function maySignAs(actor: Actor, record: PersonRecord, as: SignAs): boolean {
  if (as === 'worker') return can(actor, 'work:record', record) && holdsCase(actor, record);
  if (as === 'team_manager') return can(actor, 'child:read', record) && managesRecord(actor, record) && hasRole(actor, ['team-manager', 'assistant-team-manager']);
  return can(actor, 'child:read', record) && managesRecord(actor, record) && hasRole(actor, ['service-manager', 'head-of-service']);
}
const mayWrite = (actor: Actor, record: PersonRecord) => can(actor, 'work:record', record) && holdsCase(actor, record);

/**
 * Referrals to the Resource and Care Panel from a child's record (resource-and-care-panel-policy.txt
 * I.9-I.13, Appendix A Part A): written and changed by those who hold the case, signed by the
 * worker, the team manager and the service manager in turn; the service manager's sign-off makes
 * it ready to proceed and sends it to the panel administrator, due three working days before the
 * panel (the catalogue's panel.referral-deadline, as the authority has it).
 */
export function panelReferralService(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory, standards: StandardsService, panelMeetings: { meetings(range?: { from?: string; to?: string }): Promise<readonly ScheduledMeeting[]> }) {
  /** The panel's weekday: the authority's setting `panel.weekday` (0-6) if it has one, else Thursday (1.5). */
  async function panelWeekday(): Promise<number> {
    const set = await installationSettings.get(db, 'panel.weekday');
    return set !== null && /^[0-6]$/.test(set.trim()) ? Number(set) : defaultPanelWeekday;
  }
  /**
   * The panel's rules as the authority has them: its weekday, the deadline for a panel date (the
   * catalogue's panel.referral-deadline), and the panel days a referral may go to, read from the
   * panel's schedule (1.5) BEFORE any transaction (PGlite has one connection).
   */
  async function rules() {
    const weekday = await panelWeekday();
    const deadlineOf = referralDeadlineOf(timelinesWith(await standards.overrides()), standards.calendar);
    const day = today();
    const days: PanelDays = { today: day, weekday, calendar: standards.calendar, meetings: await panelMeetings.meetings({ from: addDays(day, 1) }) };
    return { weekday, weekdayName: weekdayNames[weekday]!, deadlineOf, days, panelDateProblem: (d: string) => panelDateProblem(d, days), nextPanelDate: (after: string) => nextOpenPanelDate(after, days) };
  }
  const today = () => londonDate(clock.now());
  const find = (list: Referral[], referralId: unknown) => list.find((r) => r.referralId === referralId) ?? refuse('referralId', 'There is no such referral on this record');

  /** One step on a referral under the record's lock: the referrals as they stand, the events to write. */
  async function step(context: RequestContext, personId: string, decide: (record: PersonRecord, referrals: Referral[], now: Date) => { type: string; data: Record<string, unknown>; reason?: string }[]) {
    const r = await rules();
    let message = '';
    await people.recordOn(context, [personId], 'child:read', audit, (records, streams, now) => {
      const record = records[0]!;
      const events = decide(record, referralsOf(streams.get(personId) ?? [], { deadlineOf: r.deadlineOf, today: londonDate(now) }), now);
      message = String(events.at(-1)?.data.message ?? '');
      return events.map((e) => ({ personId, type: e.type, occurredAt: now, data: Object.fromEntries(Object.entries(e.data).filter(([k]) => k !== 'message')), ...(e.reason ? { reason: e.reason } : {}) }));
    });
    return message;
  }

  return {
    rules,
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const r = await rules();
      const day = today();
      const open = (await standards.forPerson(personId)).filter((o) => o.obligation.outcome === 'open').map((o) => o.obligation);
      const openReturns = open.filter((o) => (returnRuleIds as readonly string[]).includes(o.ruleId));
      const reasons = mustComeToPanel(stream, { dateOfBirth: record.details.dateOfBirth, lastPanelDate: lastPanelDate(day, r.weekday), openRuleIds: open.map((o) => o.ruleId), openReturns }, day);
      const referrals = referralsOf(stream, { deadlineOf: r.deadlineOf, today: day }).reverse();
      // The next panel whose papers are still open, so a new referral can be on time.
      let panelDate = r.nextPanelDate(day);
      if (r.deadlineOf(panelDate) < day) panelDate = r.nextPanelDate(panelDate);
      const prefill = await referralPrefill(context, people, staff, record, stream, panelDate, reasons[0]?.criterion ?? '', day);
      return { record, name: fullName(record.details), today: day, referrals, reasons, prefill, panelDate, deadline: r.deadlineOf(panelDate), weekdayName: r.weekdayName, may: { write: mayWrite(context.actor, record) } };
    },

    /** One referral, for its page, the print and the PDF: the record's reading audited (people.record). */
    async referral(context: RequestContext, personId: string, referralId: string) {
      const record = await people.record(context, personId);
      const stream: readonly RecordedEvent[] = await people.streamOf(personId);
      const r = await rules();
      const referral = referralsOf(stream, { deadlineOf: r.deadlineOf, today: today() }).find((x) => x.referralId === referralId);
      if (!referral) throw new NotFoundError('The referral');
      const next = nextSignature(referral);
      const open = referral.status !== 'withdrawn' && referral.status !== 'decided';
      return {
        record, name: fullName(record.details), referral, today: today(), weekdayName: r.weekdayName, next,
        may: { write: open && mayWrite(context.actor, record), sign: open && next !== null && referral.status !== 'ready' && maySignAs(context.actor, record, next) },
      };
    },

    /** A new referral, as a draft (panel.referral_made). Returns its id. */
    async make(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const r = await rules();
      const content = readReferral(body, today(), r.panelDateProblem);
      const referralId = randomUUID();
      await step(context, personId, (record) => {
        if (!mayWrite(context.actor, record)) throw new ForbiddenError('A referral to panel is written by the team that holds the case');
        return [{ type: 'panel.referral_made', data: { referralId, ...content, summary: `Referral to the Resource and Care Panel of ${content.panelDate} written` } }];
      });
      return referralId;
    },

    /** A change, as a new event with its reason; signatures given before it are cleared, and it says so. */
    async change(context: RequestContext, personId: string, referralId: string, body: Record<string, unknown>) {
      const r = await rules();
      const content = readReferral(body, today(), r.panelDateProblem);
      const reason = String(body.changeReason ?? '').trim();
      return step(context, personId, (record, referrals) => {
        if (!mayWrite(context.actor, record)) throw new ForbiddenError('A referral to panel is written by the team that holds the case');
        const ref = find(referrals, referralId);
        if (ref.status === 'withdrawn' || ref.status === 'decided') refuse('changeReason', `This referral has been ${ref.status}: it cannot be changed`);
        // Only the panel date moves (the meeting was cancelled or moved): the signatures stand, with the reason.
        const moved = onlyPanelDateMoved(ref.content, referralContentOf({ ...content }));
        if (ref.signatures.length > 0 && !reason) refuse('changeReason', moved ? 'The referral has been signed: say why the panel date is being moved' : 'The referral has been signed: say why it is being changed, as the signatures will be cleared');
        if (reason.length > 2000) refuse('changeReason', 'Why it is being changed must be 2,000 characters or fewer');
        const cleared = moved ? [] : ref.signatures.map((s) => signLabels[s.as].toLowerCase());
        const message = moved && ref.signatures.length > 0
          ? `The panel date has been moved to ${content.panelDate}. The signatures stand${ref.status === 'ready' ? ' and it is still ready for panel' : ''}.`
          : cleared.length ? `The referral has been changed. The signatures of the ${cleared.join(' and ')} have been cleared: it must be signed again${ref.status === 'ready' ? ' and is no longer ready for panel' : ''}.` : 'The referral has been saved as a draft.';
        return [{ type: 'panel.referral_changed', reason: reason || 'Draft updated', data: { referralId, ...content, summary: `Referral to the Resource and Care Panel changed: ${reason || 'draft updated'}`, message } }];
      });
    },

    /** A signature, in order; the service manager's makes it ready and sends it to the administrator in the same transaction (I.9, I.13). */
    async sign(context: RequestContext, personId: string, referralId: string, body: Record<string, unknown>) {
      const as = body.as as SignAs;
      if (!signOrder.includes(as)) refuse('as', 'Choose whose signature this is');
      return step(context, personId, (record, referrals, now) => {
        const ref = find(referrals, referralId);
        // Until the child is allocated anyone may hold the case, and no team manager manages it (I.13).
        if (record.allocatedTeamId === null) refuse('as', 'The child is not allocated to a team: allocate the child first, then the worker, team manager and service manager can sign the referral');
        if (!maySignAs(context.actor, record, as)) {
          throw new ForbiddenError(as === 'worker' ? 'The worker who holds the case signs as the worker' : as === 'team_manager' ? 'A team manager of the team that holds the case signs as the team manager' : 'A service manager over the team that holds the case signs it off as ready to proceed (I.13)');
        }
        const refusal = signRefusal(ref, as, context.actor.userId);
        if (refusal) refuse(refusal.field, refusal.message);
        if (as === 'service_manager' && ref.panelDate < londonDate(now)) refuse('as', 'The panel date has passed: change the referral to a later panel first');
        const signed = { type: 'panel.referral_signed', data: { referralId, as, name: context.actor.displayName, summary: `Referral to panel signed by the ${signLabels[as].toLowerCase()}`, message: `Signed as the ${signLabels[as].toLowerCase()}.` } };
        if (as !== 'service_manager') return [signed];
        const late = londonDate(now) > (ref.deadline ?? ref.panelDate);
        return [signed, {
          type: 'panel.referral_submitted',
          data: {
            referralId, panelDate: ref.panelDate, criterion: ref.criterion, ask: ref.ask, weeklyPence: ref.weeklyPence, totalPence: ref.totalPence, periodWeeks: ref.periodWeeks, period: ref.content.period, mainIssues: ref.content.mainIssues,
            summary: `Referral to the Resource and Care Panel of ${ref.panelDate} ready to proceed${late ? ' (late)' : ''}`,
            message: `Signed off as ready to proceed and sent to the panel administrator for the panel on ${ref.panelDate}.${late ? ` It is late: it was due by ${ref.deadline}, three working days before the panel, and the chair may defer it.` : ''}`,
          },
        }];
      });
    },

    /** Withdrawn, with the reason; it stays on the record. */
    async withdraw(context: RequestContext, personId: string, referralId: string, body: Record<string, unknown>) {
      const reason = String(body.reason ?? '').trim();
      if (!reason) refuse('reason', 'Enter why the referral is withdrawn');
      if (reason.length > 2000) refuse('reason', 'Why it is withdrawn must be 2,000 characters or fewer');
      return step(context, personId, (record, referrals) => {
        if (!mayWrite(context.actor, record) && !managesRecord(context.actor, record)) throw new ForbiddenError('A referral is withdrawn by the team that holds the case');
        const ref = find(referrals, referralId);
        if (ref.status === 'withdrawn' || ref.status === 'decided') refuse('reason', `This referral has already been ${ref.status}`);
        return [{ type: 'panel.referral_withdrawn', reason, data: { referralId, reason, summary: `Referral to panel withdrawn: ${reason}`, message: 'The referral has been withdrawn.' } }];
      });
    },
  };
}

export type PanelReferralService = ReturnType<typeof panelReferralService>;

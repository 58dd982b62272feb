import { addDays, londonDate, londonStartOfDay } from '../../domain/calendar/localDate';
import { agendaOf, type Presentation, type ReturnDue } from '../../domain/panel/agenda';
import { decisionsOf, standing, type PanelDecision } from '../../domain/panel/decisions';
import type { Meeting } from '../../domain/panel/meeting';
import { referralDeadlineOf } from '../../domain/panel/panelDates';
import { referralsOf, type Referral } from '../../domain/panel/referral';
import type { RecordedEvent } from '../../domain/records/events';
import { englandAndWalesCalendar } from '../../platform/calendar';
import type { Clock } from '../../platform/clock';
import type { PeopleService } from '../people/peopleService';
import { timelinesWith, type StandardsService } from '../standards/standardsService';
import { groupedBy } from '../../domain/records/events';

export const referralTypes = ['panel.referral_made', 'panel.referral_changed', 'panel.referral_signed', 'panel.referral_withdrawn', 'panel.referral_submitted', 'panel.decision_made'] as const;
/** The rules that bring a case back to panel (1.20, I.19 c). */
export const returnRules = ['panel.return-to-panel', 'panel.return-to-panel-extended', 'panel.deferred-request'] as const;
const epoch = new Date(0);

const presentationOf = (e: RecordedEvent): Presentation => ({
  personId: e.personId,
  eventId: e.id,
  meetingId: String(e.data.meetingId ?? ''),
  itemKey: String(e.data.itemKey ?? e.data.referralId ?? e.personId),
  kind: e.data.kind === 'return' ? 'return' : 'referral',
  referralId: typeof e.data.referralId === 'string' ? e.data.referralId : null,
  reason: String(e.data.reason ?? ''),
});

/**
 * What the panel's pages read from the children's records and the standards: referrals with their
 * deadline (the version of panel.referral-deadline in force on the panel day, I.9), the decisions and
 * presentations by meeting, and the cases due back. No child's record is opened here, so no view is
 * audited: the pages audit 'panel.meeting_viewed'.
 */
export function panelReads(clock: Clock, people: PeopleService, standards: StandardsService) {
  /** The day a referral is due to the administrator for a panel date: one reading, shared with the referral page. */
  async function deadlineOf() {
    return referralDeadlineOf(timelinesWith(await standards.overrides()), englandAndWalesCalendar());
  }
  async function decisions(): Promise<PanelDecision[]> {
    return decisionsOf(await people.ofTypesSince(['panel.decision_made'], epoch));
  }
  async function presentations(since: string): Promise<Presentation[]> {
    return (await people.ofTypesSince(['panel.considered'], londonStartOfDay(since))).map(presentationOf);
  }
  /** Every referral for a panel date from `from` on, with the child it is about. */
  async function referrals(from: string): Promise<{ personId: string; referral: Referral }[]> {
    const events = await people.ofTypesSince([...referralTypes], londonStartOfDay(addDays(from, -400)));
    const byPerson = groupedBy(events, (e) => e.personId);
    const options = { deadlineOf: await deadlineOf(), today: londonDate(clock.now()) };
    return [...byPerson.entries()].flatMap(([personId, stream]) => referralsOf(stream, options).filter((r) => r.panelDate >= from).map((referral) => ({ personId, referral })));
  }
  /** Cases due back at panel (open obligations), each with the decision that set the date. */
  async function returns(all: readonly PanelDecision[]): Promise<ReturnDue[]> {
    const extensions = new Map((await people.ofTypesSince(['panel.return_extended'], epoch)).map((e) => [e.id, String(e.data.decisionEventId ?? '')]));
    const byId = new Map(all.map((d) => [d.eventId, d]));
    const open = (await Promise.all(returnRules.map((id) => standards.openOfRule(id, 1000)))).flat();
    return open
      .filter((o) => o.obligation.dueDate !== null)
      .map((o) => ({
        personId: o.obligation.personId,
        ruleId: o.obligation.ruleId,
        dueDate: o.obligation.dueDate!,
        startEventId: o.obligation.startEventId,
        decision: byId.get(o.obligation.startEventId) ?? byId.get(extensions.get(o.obligation.startEventId) ?? '') ?? null,
      }));
  }

  return {
    decisions,
    returns,
    referrals,
    deadlineOf,
    /** A meeting's agenda, its standing decisions and presentations (I.16, I.18). */
    async agenda(meeting: Meeting) {
      const all = await decisions();
      const [refs, dues, shown] = await Promise.all([referrals(addDays(meeting.date, -90)), returns(all), presentations(addDays(meeting.date, -1))]);
      const here = standing(all).filter((d) => d.meetingId === meeting.meetingId);
      const today = londonDate(clock.now());
      return { items: agendaOf({ meeting, today, referrals: refs, returns: dues, presentations: shown, decisions: here }), decisions: here, corrected: all.filter((d) => d.meetingId === meeting.meetingId && d.correctedBy !== null), presentations: shown.filter((p) => p.meetingId === meeting.meetingId) };
    },
  };
}

export type PanelReads = ReturnType<typeof panelReads>;

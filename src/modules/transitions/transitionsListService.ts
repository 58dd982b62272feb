import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import {
  ageText,
  assessmentRoutes,
  longDate,
  nightsAwayBases,
  notifyNow,
  onTrackingList,
  stageLabels,
  stageOf,
  trackingMeetingStatus,
  transitionAge,
  transitionOf,
  transitionsEvent,
  transitionsReadTypes,
} from '../../domain/transitions/transitions';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { formList } from '../../platform/http/forms';
import { mergeProblems, problemsOf } from '../../platform/validation';
import { checkedAt, whenOf } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { clocksOf, type Clock as Obligation } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { meetingNote, meetingSchema } from './transitionsSchemas';
import { transitionsRules } from './transitionsService';

export const transitionsListAudit = 'transitions.list_viewed';
export const trackingMeetingAudit = 'transitions.tracking_meeting_recorded';
const disabledChildren = 'disabled-children';
const open = (c: Obligation | undefined | null) => Boolean(c && (c.state === 'due' || c.state === 'overdue'));
const uuid = z.uuid();

/**
 * The Disabled Children's Team's transitions list (practice-standards.txt, Section 1: Children with
 * Disabilities 5, 16 and note 2, 20-26): the children it holds aged 13 and a half or more and where
 * each is on the way to adult services, with the standards' clocks; the monthly tracking meeting;
 * the 75-nights-away cohort; and the annual assessments. Only records the reader may see are listed,
 * and the list is audited with whom it showed.
 */
export function transitionsListService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  async function mustRead(context: RequestContext, action: string) {
    if (rolesAllow(context.actor, 'transitions:read')) return;
    await audit.record(db, context, { action, outcome: 'denied', details: { needs: 'transitions:read' } });
    throw new ForbiddenError("You do not have permission to see the Disabled Children's Team's transitions list");
  }

  /** The children the team holds: allocated to a team of the Disabled Children's specialism, that the reader may see. */
  async function heldByTheTeam(context: RequestContext) {
    const teamIds = (await staff.teams()).filter((t) => t.specialism === disabledChildren).map((t) => t.id);
    const ids = [...new Set((await Promise.all(teamIds.map((id) => people.allocatedToTeam(id)))).flat().map((r) => r.id))];
    const visible = await people.visibleRecords(context, ids);
    return { teamIds, records: [...visible.values()].filter((r) => r.kind === 'child').sort((a, b) => fullName(a.details).localeCompare(fullName(b.details))) };
  }

  return {
    async list(context: RequestContext) {
      await mustRead(context, transitionsListAudit);
      const today = londonDate(clock.now());
      const { records } = await heldByTheTeam(context);
      const events = await people.ofTypesFor(records.map((r) => r.id), transitionsReadTypes);
      const byPerson = new Map<string, RecordedEvent[]>();
      for (const e of events) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);

      const tracking = [];
      const cohort = [];
      const annual = [];
      const meetings = new Map<string, { at: Date; children: number }>();
      for (const record of records) {
        const t = transitionOf(byPerson.get(record.id) ?? []);
        const dob = record.details.dateOfBirth;
        const clocks = clocksOf(await standards.forPerson(record.id, context.actor), transitionsRules);
        const clock = (...ids: string[]) => ids.map((id) => clocks.find((c) => c.ruleId === id)).find(Boolean) ?? null;
        const person = { id: record.id, name: fullName(record.details), hearthId: record.hearthId };
        for (const m of t.meetings) {
          const seen = meetings.get(m.meetingId);
          meetings.set(m.meetingId, { at: m.at, children: (seen?.children ?? 0) + 1 });
        }
        // A case the team has closed (the family moved away, say) is no longer tracked, though still allocated.
        const openToTheTeam = t.socialCareOpen || t.inCare || t.earlyHelpOpen || t.shortBreaksOpen || t.nightsAway !== null;
        if (onTrackingList(dob, today) && openToTheTeam) {
          const assessment = t.inCare ? clock('cwd.transitions-assessment-in-care', 'cwd.transitions-assessment') : clock('cwd.transitions-assessment', 'cwd.transitions-early-help-assessment', 'cwd.transitions-short-breaks-assessment', 'cwd.transitions-assessment-in-care');
          const referral = t.inCare ? clock('cwd.transitions-referral-in-care', 'cwd.transitions-referral') : clock('cwd.transitions-referral', 'cwd.transitions-referral-in-care');
          const notification = clock('cwd.transitions-notification');
          const row = {
            ...person,
            age: ageText(dob as string, today),
            dateOfBirth: dob,
            inCare: t.inCare,
            transitionAge: transitionAge(t),
            stage: stageLabels[stageOf(t)],
            decision: t.decision,
            notified: t.notified,
            notifyNow: notifyNow(t, dob, today),
            assessment: t.assessment ? { ...t.assessment, route: assessmentRoutes.find((r) => r.value === t.assessment?.route)?.text ?? t.assessment.route } : null,
            referral: t.referral,
            sda: t.sda,
            forum: t.forum,
            clocks: { notification, meeting: clock('cwd.transitions-tracking-meeting'), assessment, referral },
          };
          tracking.push({ ...row, overdue: [notification, row.clocks.meeting, assessment, referral].some((c) => c?.state === 'overdue') || row.notifyNow });
        }
        if (t.nightsAway) {
          cohort.push({ ...person, age: dob ? ageText(dob, today) : null, since: t.nightsAway.at, basis: nightsAwayBases.find((b) => b.value === t.nightsAway?.basis)?.text ?? t.nightsAway.basis, nights: t.nightsAway.nights, visit: clock('cwd.nights-away-visit') });
        }
        const yearly = clock('cwd.annual-assessment');
        if (open(yearly) || (!yearly && (t.socialCareOpen || t.inCare))) annual.push({ ...person, clock: open(yearly) ? yearly : null });
      }
      const status = trackingMeetingStatus([...meetings.values()].map((m) => m.at), today);
      await audit.record(db, context, { action: transitionsListAudit, details: { shown: records.map((r) => r.id) } });
      return {
        today,
        tracking,
        cohort,
        annual: annual.sort((a, b) => (a.clock?.deadline.getTime() ?? 0) - (b.clock?.deadline.getTime() ?? 0)),
        meeting: { ...status, monthName: longDate(`${status.month}-01`).replace(/^1 /, ''), recent: [...meetings.values()].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, 3) },
        may: { meeting: tracking.length > 0 && rolesAllow(context.actor, 'work:record') },
      };
    },

    /**
     * The monthly tracking meeting (20): when, who attended, and the children discussed with a note
     * each, written as an event on each child's record in one transaction (their holders' work:
     * each record is checked, and all refused if one is not the reader's to record on).
     */
    async recordMeeting(context: RequestContext, body: Record<string, unknown>): Promise<{ meetingId: string; children: number }> {
      await mustRead(context, trackingMeetingAudit);
      const chosen = formList(body, 'children');
      const bad = chosen.find((id) => !uuid.safeParse(id).success);
      if (bad) throw new ValidationError([{ field: 'children', message: 'Select the children discussed from the list' }]);
      const { teamIds } = await heldByTheTeam(context);
      const now = clock.now();
      const when = whenOf(body, { date: 'meetingOn', time: 'meetingTime' });
      const names = new Map<string, string>();
      // Only records the reader may see: a restricted child's id is treated as not on the list, so
      // the child's name never appears in a message to a worker not granted access.
      const visible = await people.visibleRecords(context, chosen);
      for (const id of chosen) {
        const record = visible.get(id);
        if (!record || record.kind !== 'child') throw new ValidationError([{ field: 'children', message: 'Select the children discussed from the list' }]);
        if (!record.allocatedTeamId || !teamIds.includes(record.allocatedTeamId)) throw new ValidationError([{ field: 'children', message: `${fullName(record.details)} is not held by the Disabled Children's Team: the tracking meeting is about its children` }]);
        names.set(id, fullName(record.details));
      }
      // Every problem at once: the date, the children, and a note for each child chosen.
      const noteProblems = chosen.flatMap((id) => {
        const parsed = meetingNote(names.get(id) ?? 'the child').safeParse(body[`note-${id}`] ?? '');
        return parsed.success ? [] : problemsOf(parsed.error).map((p) => ({ ...p, field: `note-${id}` }));
      });
      const problems = mergeProblems(chosen.length === 0 ? [{ field: 'children', message: 'Select the children discussed at the meeting' }] : [], noteProblems);
      let checked: ReturnType<typeof checkedAt<typeof meetingSchema>>;
      try {
        checked = checkedAt(meetingSchema, body, when, now);
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError(mergeProblems(error.problems, problems));
        throw error;
      }
      if (problems.length > 0) throw new ValidationError(problems);
      const { data, at } = checked;
      const meetingId = randomUUID();
      await people.recordOn(context, chosen, 'work:record', trackingMeetingAudit, (_records, streams) => {
        for (const id of chosen) {
          const already = transitionOf(streams.get(id) ?? []).meetings.find((m) => londonDate(m.at) === londonDate(at));
          if (already) throw new ValidationError([{ field: `note-${id}`, message: `${names.get(id)} was already discussed at a tracking meeting on ${longDate(londonDate(at))}` }]);
        }
        return chosen.map((id) => ({
          personId: id,
          type: transitionsEvent.trackingDiscussed,
          occurredAt: at,
          data: { meetingId, attendees: data.attendees, note: String(body[`note-${id}`]).trim(), summary: 'Discussed at the transitions tracking meeting' },
        }));
      });
      return { meetingId, children: chosen.length };
    },
  };
}

export type TransitionsListService = ReturnType<typeof transitionsListService>;

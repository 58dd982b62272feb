import { minutesOf } from '../childDocuments/childDocuments';
import { z } from 'zod';
import { can, managesRecord } from '../../domain/access/can';
import { coreGroupChairRefusal, coreGroupsOfPlan } from '../../domain/conference/coreGroups';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { requiredText } from '../../platform/validation';
import { checkedAt, type When } from '../../platform/when';
import type { PersonRecord } from '../people/peopleRepository';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';

export const coreGroupRules = ['cp.first-core-group', 'cp.core-group', 'cp.core-group-record'] as const;

const meetingSchema = z.object({
  attended: requiredText('Enter who attended', 2000, 'Who attended'),
  apologies: z.string().trim().max(2000, 'Apologies must be 2000 characters or fewer').optional(),
  progress: requiredText('Enter the progress against the safety plan, its amendments and next steps', 10000, 'The progress and next steps'),
  chairId: requiredText('Select who chaired the meeting', 100, 'The chair'),
  last: z.enum(['yes', 'no']).optional(),
});

/**
 * Core group meetings of a child protection plan (issue 5; practice-standards.txt, Section 2: Core
 * Group Meetings 8-16): each meeting with who attended and sent apologies, the safety plan's progress
 * and next steps, its chair (a manager at the first and the last), and its record signed off by a
 * manager of the team within two weeks.
 */
export function coreGroupService(people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  const chairs = (record: PersonRecord) => staff.chairsOf(record.allocatedTeamId);

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const plan = coreGroupsOfPlan(stream);
      return {
        record,
        name: fullName(record.details),
        minutes: minutesOf(stream, 'core_group_minutes', can(context.actor, 'work:record', record)),
        ...plan,
        clocks: clocksOf((await standards.forPerson(personId)).filter((o) => o.obligation.outcome === 'open' || plan.meetings.some((m) => m.eventId === o.obligation.startEventId)), coreGroupRules),
        chairs: await chairs(record),
        may: { record: plan.onPlan && can(context.actor, 'work:record', record), signOff: plan.onPlan && managesRecord(context.actor, record) && plan.meetings.some((m) => !m.signedOff) },
      };
    },

    async record(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const options = await chairs(await people.record(context, personId, 'work:record'));
      return recordStep(
        people,
        context,
        personId,
        'work:record',
        'child.core_group_recorded',
        { read: (stream) => coreGroupsOfPlan(stream), refusal: (s) => (s?.onPlan ? null : 'Core group meetings are held during a child protection plan: the child is not on one'), field: 'progress' },
        (plan, now) => {
          const { data, at } = checkedAt(meetingSchema, body, when, now);
          const chair = options.find((c) => c.id === data.chairId);
          if (!chair) throw new ValidationError([{ field: 'chairId', message: 'Select who chaired the meeting from the list' }]);
          const refusal = coreGroupChairRefusal(plan.meetings, chair.manager, data.last === 'yes');
          if (refusal) throw new ValidationError([{ field: 'chairId', message: refusal }]);
          return [{ type: 'cp.core_group_held', occurredAt: at, data: { attended: data.attended, ...(data.apologies ? { apologies: data.apologies } : {}), summary: data.progress, chair: chair.name, chairWasManager: chair.manager, last: data.last === 'yes' } }];
        },
      );
    },

    /** A manager of the team signs off the oldest unsigned record (Core Group Meetings 12 and 16: within two weeks). */
    signOff(context: RequestContext, personId: string) {
      return recordStep(
        people,
        context,
        personId,
        'work:record',
        'child.core_group_recorded',
        { read: (stream) => coreGroupsOfPlan(stream), refusal: (s) => (s?.meetings.some((m) => !m.signedOff) ? null : 'No core group record is waiting to be signed off'), field: 'signOff' },
        (plan, now, record) => {
          if (!managesRecord(context.actor, record)) throw new ForbiddenError('Core group records are signed off by a manager of the team that holds the case');
          const meeting = plan.meetings.find((m) => !m.signedOff)!;
          return [{ type: 'cp.core_group_record_signed_off', occurredAt: now, data: { coreGroupId: meeting.eventId } }];
        },
      );
    },
  };
}

export type CoreGroupService = ReturnType<typeof coreGroupService>;

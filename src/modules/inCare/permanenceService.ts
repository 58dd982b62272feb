import { z } from 'zod';
import { can, managesRecord } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { optionRefusal, permanenceOf, permanenceOptions, ppmInvitees, ppmReasons, type PermanenceState } from '../../domain/inCare/permanence';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { formList } from '../../platform/http/forms';
import { choiceValues, requiredText } from '../../platform/validation';
import { checkedAt, type When } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';

export const permanenceRules = ['ppm.emergency', 'ppm.after-first-review', 'ppm.before-second-review', 'ppm.three-monthly', 'cic.permanence-plan'] as const;
const needSchema = z.object({
  basis: z.enum(['need_identified', 'reunification_ruled_out'], { error: 'Select why permanence planning starts' }),
  summary: requiredText('Enter what shows a permanent placement is needed', 2000, 'Why'),
});
const ppmSchema = z.object({
  chairId: requiredText('Select who chaired the meeting', 100, 'The chair'),
  reason: z.enum(choiceValues(ppmReasons), { error: 'Select why the meeting was called' }),
  option: z.enum(choiceValues(permanenceOptions), { error: 'Select the permanence option decided' }),
  decisions: requiredText('Enter the decisions and the views of the child and of those involved', 10000, 'The decisions'),
});
const achievedSchema = z.object({ summary: requiredText('Enter how permanence was achieved', 2000, 'How') });

/** Age in whole months on a date, for the 15½ rule. */
function monthsOld(dateOfBirth: string | null, on: string): number | null {
  if (!dateOfBirth) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/**
 * Permanence planning (issue 6; practice-standards.txt, Section 3: Permanency Planning Meetings
 * 1-9): the need for a permanent placement, or reunification ruled out; each PPM, chaired by a
 * service manager, with why it was called, who came, the permanence option chosen from the six and
 * the decisions; the permanence plan; permanence achieved.
 */
export function permanenceService(people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  const step = (context: RequestContext, personId: string, refusal: (s: PermanenceState | null) => string | null, field: string, events: Parameters<typeof recordStep<PermanenceState>>[6]) =>
    recordStep(people, context, personId, 'work:record', 'child.permanence_recorded', { read: (stream) => permanenceOf(stream), refusal, field }, events);
  const inCare = (s: PermanenceState | null) => (s?.inCare ? null : 'The child is not looked after: permanence is planned while they are in care');
  async function chairs() {
    return (await staff.allMembers()).filter((m) => m.active && m.roles.some((r) => r === 'service-manager' || r === 'head-of-service')).map((m) => ({ id: m.id, name: m.displayName }));
  }

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const state = permanenceOf(await people.streamOf(personId));
      const write = can(context.actor, 'work:record', record);
      return {
        record,
        name: fullName(record.details),
        state,
        clocks: state.inCare ? clocksOf(await standards.forPerson(personId), permanenceRules) : [],
        options: permanenceOptions,
        reasons: ppmReasons,
        invitees: ppmInvitees,
        chairs: write ? await chairs() : [],
        may: { write: state.inCare && write, achieve: state.planning && managesRecord(context.actor, record) },
      };
    },

    need(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, (s) => inCare(s) ?? (s!.planning ? 'Permanence planning is already under way' : null), 'basis', (_s, now) => {
        const { data } = checkedAt(needSchema, body, null, now);
        return [{ type: data.basis === 'need_identified' ? 'cic.permanence_need_identified' : 'cic.reunification_ruled_out', occurredAt: now, data: { summary: data.summary } }];
      });
    },

    async meeting(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const record = await people.record(context, personId, 'work:record');
      const options = await chairs();
      return step(context, personId, inCare, 'decisions', (_s, now) => {
        const { data, at } = checkedAt(ppmSchema, body, when, now);
        const chair = options.find((c) => c.id === data.chairId);
        if (!chair) throw new ValidationError([{ field: 'chairId', message: 'A Permanency Planning Meeting is chaired by a service manager (standard 6): select them from the list' }]);
        const refusal = optionRefusal(data.option, monthsOld(record.details.dateOfBirth, londonDate(at)));
        if (refusal) throw new ValidationError([{ field: 'option', message: refusal }]);
        const attended = formList(body, 'attended').filter((a) => ppmInvitees.some((i) => i.value === a));
        return [
          { type: 'ppm.held', occurredAt: at, data: { chair: chair.name, chairId: chair.id, reason: data.reason, option: data.option, attended, summary: data.decisions } },
          { type: 'cic.permanency_plan_established', occurredAt: at, data: { option: data.option, summary: `Permanence plan: ${permanenceOptions.find((o) => o.value === data.option)?.text}` } },
        ];
      });
    },

    achieved(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, (s) => inCare(s) ?? (s!.planning ? null : 'Permanence planning is not under way'), 'summary', (_s, now, record) => {
        if (!managesRecord(context.actor, record)) throw new ForbiddenError('That permanence is achieved is recorded by a manager of the team that holds the case');
        return [{ type: 'cic.permanence_achieved', occurredAt: now, data: { summary: checkedAt(achievedSchema, body, null, now).data.summary } }];
      });
    },
  };
}

export type PermanenceService = ReturnType<typeof permanenceService>;

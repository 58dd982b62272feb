import { z } from 'zod';
import { rolesAllow } from '../../domain/access/can';
import { addDays, londonDate } from '../../domain/calendar/localDate';
import type { WorkingCalendar } from '../../domain/calendar/workingDays';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { checked } from '../../platform/validation';
import type { StaffDirectory } from '../staff/staffDirectory';
import { dutyRotaRepository } from './dutyRotaRepository';

/** How far ahead the rota is shown and may be set. */
export const rotaWeeks = 4;
const setSchema = z.object({
  onDate: z.string({ error: 'Select the day' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Select the day from the list'),
  officerId: z.string({ error: 'Select the placements officer on duty' }).min(1, 'Select the placements officer on duty'),
});

/**
 * The Resource Service's daily duty (resource-service-policy.txt 2.1: "a daily duty system so that
 * a Placement social worker is available to discuss requests ... prior to a formal request being
 * made"; 5.3, the Resources Duty social worker): who is on duty each working day, set per day to
 * an active placements officer. A change is a new row; the latest for a day is the rota.
 */
export function dutyRotaService(db: Db, clock: Clock, staff: StaffDirectory, calendar: WorkingCalendar) {
  const officers = () => staff.withRole('placements-officer');
  const workingDays = (from: string, weeks: number) => {
    const days: string[] = [];
    for (let d = from; d < addDays(from, weeks * 7); d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
    return days;
  };

  return {
    /** Who is on duty on a date, or null when no one is. */
    async onDuty(date: string) {
      return (await dutyRotaRepository.between(db, date, date))[0] ?? null;
    },

    async view(context: RequestContext) {
      if (!rolesAllow(context.actor, 'resources:read')) throw new ForbiddenError('The duty rota is seen by the Resource Service and case managers');
      const today = londonDate(clock.now());
      const days = workingDays(today, rotaWeeks);
      const set = new Map((await dutyRotaRepository.between(db, today, days.at(-1) ?? today)).map((d) => [d.onDate, d]));
      return {
        today,
        days: days.map((onDate) => ({ onDate, duty: set.get(onDate) ?? null })),
        uncovered: days.filter((d) => !set.has(d)).length,
        officers: await officers(),
        may: { change: rolesAllow(context.actor, 'provider:manage') },
      };
    },

    async set(context: RequestContext, body: Record<string, unknown>) {
      if (!rolesAllow(context.actor, 'provider:manage')) throw new ForbiddenError('The duty rota is set by the Resource Service');
      const data = checked(setSchema, body);
      const today = londonDate(clock.now());
      if (!workingDays(today, rotaWeeks).includes(data.onDate)) throw new ValidationError([{ field: 'onDate', message: `Select a working day from today to ${rotaWeeks} weeks ahead` }]);
      const officer = (await officers()).find((o) => o.id === data.officerId);
      if (!officer) throw new ValidationError([{ field: 'officerId', message: 'Select an active placements officer from the list' }]);
      await db.transaction(async (tx) => {
        await dutyRotaRepository.add(tx, { onDate: data.onDate, officerId: officer.id, officerName: officer.name, recordedBy: context.actor.userId, recordedByName: context.actor.displayName, recordedAt: clock.now() });
        await audit.record(tx, context, { action: 'placements.rota_changed', details: { onDate: data.onDate, officerId: officer.id } });
      });
      return { onDate: data.onDate, officerName: officer.name };
    },
  };
}

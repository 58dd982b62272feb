import { londonDate } from '../../domain/calendar/localDate';
import { readsSupervisionOf, type StaffSubject } from '../../domain/supervision/access';
import type { FrequencyOn } from '../../domain/supervision/due';
import { moreFrequent, type Frequency } from '../../domain/supervision/frequency';
import { contractOn, supervisionFileOf, type SupervisionFile } from '../../domain/supervision/supervisionFile';
import { profileOn, supervisionFrequencyOn } from '../../domain/workforce/profile';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import { staffEventStore, type StaffEvent } from '../../platform/events/staffEventStore';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { StaffMember } from '../staff/staffRepository';

/** A member of staff with their own record read: who they are, their events, their supervision. */
export interface StaffRecord {
  member: StaffMember;
  subject: StaffSubject;
  events: StaffEvent[];
  file: SupervisionFile;
  /** What the workforce profile asks for on a date (5.4: weekly in induction, fortnightly in the assessed year, else monthly). */
  requiredOn: (date: string) => Frequency;
  /** What is owed on a date: the contract's frequency, or the profile's if that asks for more. */
  frequencyOn: FrequencyOn;
}

/** Builds the picture of one member of staff from their events (read with whichever executor the caller holds). */
export function staffRecordOf(member: StaffMember, events: StaffEvent[], today: string): StaffRecord {
  const file = supervisionFileOf(member.id, events);
  const requiredOn = (date: string): Frequency => supervisionFrequencyOn(profileOn(events, date), date);
  const frequencyOn = (date: string): Frequency => {
    const contract = contractOn(file, date);
    return contract ? moreFrequent(contract.frequency, requiredOn(date)) : requiredOn(date);
  };
  const subject: StaffSubject = { userId: member.id, roles: member.roles, teamIds: member.teamIds, lineManagerId: profileOn(events, today)?.lineManagerId ?? null };
  return { member, subject, events, file, requiredOn, frequencyOn };
}

/**
 * Reading members of staff's supervision, and refusing (with the refusal audited) those who may
 * not: supervision is seen by the supervisee, their supervisor and their line managers (5.4).
 */
export function supervisionAccess(db: Db, clock: Clock, staff: StaffDirectory) {
  const today = () => londonDate(clock.now());

  async function load(userId: string, executor: Executor = db): Promise<StaffRecord> {
    const member = await staff.member(userId);
    if (!member) throw new NotFoundError('The member of staff');
    return staffRecordOf(member, await staffEventStore.stream(executor, userId), today());
  }

  async function refuse(context: RequestContext, action: string, staffId: string | null, message: string): Promise<never> {
    await audit.record(db, context, { action, outcome: 'denied', details: { staffId } });
    throw new ForbiddenError(message);
  }

  return {
    load,
    refuse,
    today,
    now: () => clock.now(),

    /** A member of staff's supervision for someone who may read it; anyone else is refused and the refusal audited. */
    async readable(context: RequestContext, userId: string, action = 'supervision.viewed', also: (record: StaffRecord) => boolean = () => false): Promise<StaffRecord> {
      const record = await load(userId);
      if (!readsSupervisionOf(context.actor, record.subject, record.file.contract?.supervisorId ?? null) && !also(record)) {
        return refuse(context, action, userId, 'A member of staff’s supervision is seen only by them, their supervisor and their line managers.');
      }
      return record;
    },

    /** Several members of staff with their records, read together (the lists on the supervision page). */
    async loadMany(members: StaffMember[]): Promise<StaffRecord[]> {
      const streams = await staffEventStore.streams(db, members.map((m) => m.id));
      return members.map((m) => staffRecordOf(m, streams.get(m.id) ?? [], today()));
    },
  };
}

export type SupervisionAccess = ReturnType<typeof supervisionAccess>;

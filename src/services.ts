import type { Clock } from './platform/clock';
import type { Db } from './platform/db/database';
import { peopleService } from './modules/people/peopleService';
import { auditService } from './modules/audit/auditService';
import { signInService } from './modules/staff/signInService';
import { staffDirectory } from './modules/staff/staffDirectory';
import { userAdminService } from './modules/staff/userAdminService';

/** Composition root 2: every service, built from the database and the clock. */
export function services(db: Db, clock: Clock) {
  const staff = staffDirectory(db);
  return {
    db,
    clock,
    staff,
    signIn: signInService(db, clock),
    userAdmin: userAdminService(db, clock),
    people: peopleService(db, clock, staff),
    audit: auditService(db),
  };
}

export type Services = ReturnType<typeof services>;

import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { PeopleService } from '../people/peopleService';
import type { StandardsService } from '../standards/standardsService';
import { ladoAccess } from './ladoAccess';
import { ladoReads } from './ladoReads';
import { ladoSteps } from './ladoSteps';

export { carerReviewSummary } from './ladoSteps';

/**
 * The LADO's work on allegations against adults who work with children (practice-standards.txt,
 * Section 4: Managing Allegations 80-88). Allegations are on the adult's record, readable only by
 * those with allegation:read (the LADO team and auditors); every read and every refusal is audited.
 *
 * An auditor has allegation:read but not child:read: the allegation's pages are read from the
 * allegation's own events and the people's names only, never through the person's record, so the
 * auditor can check how an allegation was handled without being able to open the adult's or the
 * children's case records (least privilege: audit of the LADO's work, not access to casework).
 */
export function ladoService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService) {
  const access = ladoAccess(db, people);
  return { ...ladoReads(db, clock, people, standards, access), ...ladoSteps(clock, people, access) };
}

export type LadoService = ReturnType<typeof ladoService>;

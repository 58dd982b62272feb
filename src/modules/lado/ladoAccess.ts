import { rolesAllow } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { allegationsOf, ladoEvent, ladoEventTypes } from '../../domain/lado/allegation';
import type { RecordedEvent } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError } from '../../platform/errors';
import type { PeopleService } from '../people/peopleService';

/**
 * Who may read or record allegations, and reading them: from the allegation's own events only,
 * never through the person's record (see ladoService for why).
 */
export function ladoAccess(db: Db, people: PeopleService) {
  async function allegationsOfPeople(personIds: readonly string[]) {
    const events = await people.ofTypesFor(personIds, ladoEventTypes);
    const byPerson = new Map<string, RecordedEvent[]>();
    for (const e of events) byPerson.set(e.personId, [...(byPerson.get(e.personId) ?? []), e]);
    return [...byPerson.entries()].flatMap(([id, stream]) => allegationsOf(id, stream));
  }

  return {
    /** Refuses, and audits the refusal, unless the actor's roles allow it (the LADO team; auditors to read). */
    async allow(context: RequestContext, permission: Permission, action: string, personId?: string) {
      if (rolesAllow(context.actor, permission)) return;
      await audit.record(db, context, { action, outcome: 'denied', ...(personId ? { personId } : {}) });
      throw new ForbiddenError('Allegations against adults who work with children are seen only by the LADO team and auditors.');
    },

    /** Every allegation in the authority, from the records that have one. */
    async everyAllegation() {
      const ids = (await people.latestOfTypesForAll([ladoEvent.received])).map((e) => e.personId);
      return allegationsOfPeople(ids);
    },

    async find(personId: string, allegationId: string) {
      const a = allegationsOf(personId, await people.ofTypes(personId, ladoEventTypes)).find((x) => x.allegationId === allegationId);
      if (!a) throw new NotFoundError('The allegation');
      return a;
    },
  };
}

export type LadoAccess = ReturnType<typeof ladoAccess>;

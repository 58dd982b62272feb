import { can, canSee, managesRecord, rolesAllow, seesYouthJustice, type RecordSubject } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { ageOn, londonDate } from '../../domain/calendar/localDate';
import { labelOf, professionalRoles, relationshipInverses, relationshipTypes } from '../../domain/people/codes';
import { personEvent } from '../../domain/people/personEvents';
import { fullName } from '../../domain/people/personDetails';
import { isCurrent } from '../../domain/people/recordEntries';
import { parseSearchText } from '../../domain/people/searchQuery';
import { isAllegationEvent } from '../../domain/lado/allegation';
import { isYouthJusticeEvent } from '../../domain/youthJustice/youthJusticeCodes';
import type { RecordedEvent } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { eventStore, formatCursor, type HistoryCursor } from '../../platform/events/eventStore';
import type { StaffDirectory } from '../staff/staffDirectory';
import { peopleRepository, type PersonRecord } from './peopleRepository';
import { mentionedPeople, type NameOf } from './describeEvent';
import type { SearchInput } from './peopleSchemas';

export interface RelatedPerson {
  id: string;
  name: string;
  hearthId: number;
  kind: string;
  dateOfBirth: string | null;
  visible: boolean;
}

export interface RelationshipView {
  id: string;
  recordedHere: boolean;
  /** The relationship's code as recorded (what the other person is to the record it was recorded on). */
  type: string;
  label: string;
  person: RelatedPerson;
  parentalResponsibility: boolean;
  startDate: string;
  endDate: string | null;
  current: boolean;
}

const historyPageSize = 50;

/** A restricted record's name is not given even to an auditor: its Hearth ID is enough to follow it. */
function identityName(record: PersonRecord): string {
  return record.restricted ? 'Restricted record' : fullName(record.details);
}

/**
 * The events of a record this reader may see. An allegation against an adult who works with
 * children (every `lado.*` event) is visible only to the LADO team and auditors (issue 11;
 * practice-standards.txt, Managing Allegations 80-88), even to someone who may open the adult's
 * record: they see what follows from it for them (a foster carer's review required), not the
 * allegation. A child's youth justice records (every `yos.*` event) only to the Youth Offending
 * Service and those working with the child (issue 12; can.ts seesYouthJustice), which depends on
 * the record: without it they are left out. The one place the record's pages and the API read events through.
 */
export function visibleEvents<T extends { type: string }>(actor: RequestContext['actor'], events: T[], record: RecordSubject | null = null): T[] {
  const allegations = rolesAllow(actor, 'allegation:read');
  const youthJustice = record !== null && seesYouthJustice(actor, record);
  if (allegations && youthJustice) return events;
  return events.filter((e) => (allegations || !isAllegationEvent(e.type)) && (youthJustice || !isYouthJusticeEvent(e.type)));
}

/** Reading records: search, the front sheet and the history. Every read is audited. */
export function viewRecord(db: Db, clock: Clock, staff: StaffDirectory) {
  async function readable(context: RequestContext, personId: string, action: string): Promise<PersonRecord> {
    const record = await peopleRepository.find(db, personId);
    if (!record) throw new NotFoundError('The record');
    if (!can(context.actor, 'child:read', record)) {
      await audit.record(db, context, { action, outcome: 'denied', personId });
      throw new ForbiddenError(
        'This record is restricted. Ask the manager of the allocated team if you need to see it.',
      );
    }
    return record;
  }

  /**
   * The events a reader is shown of a record: an allegation's (lado.*) only to those who may read
   * allegations, and then the read is audited as a read of the allegation too (issue 11: "every
   * access is audited"), whichever page shows them (front sheet, history, case record chronology).
   */
  async function shownEvents<T extends { id: string; type: string }>(context: RequestContext, personId: string, events: T[], limit = Number.POSITIVE_INFINITY, record?: RecordSubject | null): Promise<T[]> {
    // Youth justice records are seen by who works with the child: the record says who that is.
    const subject = record !== undefined ? record : events.some((e) => isYouthJusticeEvent(e.type)) ? await peopleRepository.find(db, personId) : null;
    const shown = visibleEvents(context.actor, events, subject).slice(0, limit);
    const allegation = shown.filter((e) => isAllegationEvent(e.type));
    if (allegation.length > 0) await audit.record(db, context, { action: 'allegation.viewed', personId, details: { for: context.path, events: allegation.map((e) => e.id) } });
    // A read of a child's youth justice records, whichever page shows them, is audited as one (issue 12).
    const youthJustice = shown.filter((e) => isYouthJusticeEvent(e.type));
    if (youthJustice.length > 0) await audit.record(db, context, { action: 'youth_justice.viewed', personId, details: { for: context.path, events: youthJustice.map((e) => e.id) } });
    return shown;
  }

  async function relatedPeople(context: RequestContext, record: PersonRecord, rows: Awaited<ReturnType<typeof peopleRepository.entries>>['relationships']) {
    const today = londonDate(clock.now());
    const otherIds = rows.map((r) => (r.personId === record.id ? r.relatedPersonId : r.personId));
    const others = new Map((await peopleRepository.findMany(db, [...new Set(otherIds)])).map((p) => [p.id, p]));
    return rows.flatMap((row): RelationshipView[] => {
      const recordedHere = row.personId === record.id;
      const other = others.get(recordedHere ? row.relatedPersonId : row.personId);
      if (!other) return [];
      const visible = canSee(context.actor, other);
      const typeLabel = labelOf(relationshipTypes, row.type);
      const label = recordedHere
        ? row.type === 'professional' && row.professionalRole
          ? labelOf(professionalRoles, row.professionalRole)
          : typeLabel
        : (relationshipInverses[row.type] ?? typeLabel);
      return [
        {
          id: row.id,
          recordedHere,
          type: row.type,
          label,
          person: {
            id: other.id,
            name: visible ? fullName(other.details) : 'Restricted record',
            hearthId: other.hearthId,
            kind: other.kind,
            dateOfBirth: visible ? other.details.dateOfBirth : null,
            visible,
          },
          parentalResponsibility: row.parentalResponsibility,
          startDate: row.startDate,
          endDate: row.endDate,
          current: isCurrent(row, today),
        },
      ];
    });
  }

  return {
    /**
     * The people related to a record now (for closure letters and copying work to siblings), the
     * record itself read by the caller; others' names only where the reader may see them.
     */
    async currentRelationships(context: RequestContext, record: PersonRecord) {
      const entries = await peopleRepository.entries(db, record.id);
      return (await relatedPeople(context, record, entries.relationships)).filter((r) => r.current);
    },

    async search(context: RequestContext, input: SearchInput) {
      const parsed = parseSearchText(input.q);
      if (input.q && parsed.nameTerms.length === 0 && parsed.nhsNumber === null && parsed.hearthId === null) {
        throw new ValidationError([{ field: 'q', message: `Search by a name, an NHS number or a Hearth ID: "${input.q}" has none` }]);
      }
      const criteria = { ...parsed, dateOfBirth: input.dateOfBirth, kind: input.kind as PersonRecord['kind'] | null };
      const offset = (input.page - 1) * input.pageSize;
      const result = await peopleRepository.search(db, context.actor, criteria, { limit: input.pageSize, offset });
      // Defence in depth: the SQL filter and the access rules must agree; never show what can() refuses.
      const records = result.records.filter((r) => canSee(context.actor, r));
      await audit.record(db, context, {
        action: 'child.searched',
        details: { query: input.q, dateOfBirth: input.dateOfBirth, kind: input.kind, total: result.total, shown: records.map((r) => r.id) },
      });
      return { total: result.total, page: input.page, pageSize: input.pageSize, records };
    },

    /**
     * The record alone (for a form about it), its reading audited like any other. A form whose
     * saving needs more than reading (`needs`) is refused, and the refusal audited, before it is shown.
     */
    async record(context: RequestContext, personId: string, needs?: Permission): Promise<PersonRecord> {
      const record = await readable(context, personId, 'child.viewed');
      if (needs && !can(context.actor, needs, record)) {
        await audit.record(db, context, { action: 'child.viewed', outcome: 'denied', personId, details: { for: context.path, needs } });
        throw new ForbiddenError('You do not have permission to do this on this record. If you need to, ask the manager of the allocated team.');
      }
      await audit.record(db, context, { action: 'child.viewed', personId, details: { for: context.path } });
      return record;
    },

    async frontSheet(context: RequestContext, personId: string) {
      const record = await readable(context, personId, 'child.viewed');
      const today = londonDate(clock.now());
      const [entries, recent, worker, team] = await Promise.all([
        peopleRepository.entries(db, personId),
        // More than shown, so that ten are left when events the reader may not see are taken out.
        eventStore.history(db, personId, { limit: 30 }),
        record.allocatedWorkerId ? staff.member(record.allocatedWorkerId) : null,
        record.allocatedTeamId ? staff.team(record.allocatedTeamId) : null,
      ]);
      const relationships = await relatedPeople(context, record, entries.relationships);
      // Warnings on people in the child's life (a violent partner, a dog at the house) matter to
      // whoever visits the child, so they are shown here as well as on the person's own record.
      const around = relationships.filter((r) => r.current && r.person.visible);
      const aroundWarnings = await peopleRepository.currentWarnings(db, around.map((r) => r.person.id), today);
      const relatedWarnings = aroundWarnings.map((w) => {
        const relationship = around.find((r) => r.person.id === w.personId) as RelationshipView;
        return { person: relationship.person, relationship: relationship.label, category: w.category, detail: w.detail, startDate: w.startDate };
      });
      const manages = managesRecord(context.actor, record);
      const grantRows = record.restricted && manages ? await peopleRepository.activeGrants(db, personId) : [];
      const grantees = new Map((await staff.members(grantRows.map((g) => g.userId))).map((m) => [m.id, m]));
      await audit.record(db, context, { action: 'child.viewed', personId });
      const shownRecent = await shownEvents(context, personId, recent, 10, record);
      return {
        record,
        age: record.details.dateOfBirth ? ageOn(record.details.dateOfBirth, today) : null,
        today,
        allocatedWorker: worker ? { id: worker.id, displayName: worker.displayName } : null,
        allocatedTeam: team,
        addresses: entries.addresses,
        currentAddress: entries.addresses.find((a) => isCurrent(a, today)) ?? null,
        warnings: entries.warnings,
        activeWarnings: entries.warnings.filter((w) => isCurrent(w, today)),
        relatedWarnings,
        legalStatuses: entries.legalStatuses,
        currentLegalStatus: entries.legalStatuses.find((s) => isCurrent(s, today)) ?? null,
        relationships,
        grants: grantRows.map((g) => ({ id: g.id, userId: g.userId, grantedAt: g.grantedAt, name: grantees.get(g.userId)?.displayName ?? 'Unknown user' })),
        recent: shownRecent,
        may: {
          correct: can(context.actor, 'child:correct', record),
          allocate: record.kind === 'child' && can(context.actor, 'child:allocate', record),
          restrict: record.kind === 'child' && can(context.actor, 'child:restrict', record),
          search: rolesAllow(context.actor, 'child:search'),
          recordWork: record.kind !== 'professional' && can(context.actor, 'work:record', record),
          // The LADO team's allegations about an adult (issue 11): the button is shown only to those who may read them.
          allegations: record.kind !== 'child' && rolesAllow(context.actor, 'allegation:read'),
          // A child's youth justice records (issue 12): the Youth Offending Service and those working with the child.
          youthJustice: record.kind === 'child' && seesYouthJustice(context.actor, record),
          // The smaller services' pages of a child (issue 12), for the staff of each service.
          occupationalTherapy: record.kind === 'child' && rolesAllow(context.actor, 'ot:read'),
          assist: record.kind === 'child' && rolesAllow(context.actor, 'assist:read'),
          transitions: record.kind === 'child' && rolesAllow(context.actor, 'transitions:read'),
          hospitalDuty: record.kind === 'child' && rolesAllow(context.actor, 'hospital_duty:record'),
        },
      };
    },

    /** The events of a record this reader is shown, any allegation's among them audited (the case record's chronology). */
    shownEvents,

    /** The record's events, newest first, a page at a time; corrections show what they replaced. */
    async history(context: RequestContext, personId: string, before?: HistoryCursor) {
      const record = await readable(context, personId, 'child.history_viewed');
      const events = await eventStore.history(db, personId, { limit: historyPageSize + 1, before });
      const page = events.slice(0, historyPageSize);
      const inError = await eventStore.ofTypes(db, personId, [personEvent.recordedInError]);
      await audit.record(db, context, { action: 'child.history_viewed', personId, details: { before: before ? formatCursor(before) : null } });
      const shown = await shownEvents(context, personId, page, Number.POSITIVE_INFINITY, record);
      return {
        record,
        events: shown,
        inError: new Map(inError.map((e) => [e.refersTo as string, e] as [string, RecordedEvent])),
        nextBefore: events.length > historyPageSize && page.at(-1) ? formatCursor(page.at(-1) as RecordedEvent) : undefined,
      };
    },

    async caseload(context: RequestContext, workerId: string) {
      const records = (await peopleRepository.caseload(db, workerId)).filter((r) => canSee(context.actor, r));
      await audit.record(db, context, { action: 'caseload.viewed', details: { workerId, shown: records.map((r) => r.id) } });
      return records;
    },

    /** Who is allocated to a team, and to which worker: ids only, for the team's figures. */
    allocatedToTeam: (teamId: string) => peopleRepository.allocatedToTeam(db, teamId),

    /** How many children are allocated to each worker in a team (team lists and caseload counts). */
    countsByWorker: (teamId: string) => peopleRepository.countsByWorker(db, teamId),

    /** One entry (event) on a record, to show on a form that ends it or marks it in error. */
    async entryEvent(context: RequestContext, personId: string, eventId: string): Promise<RecordedEvent> {
      const record = await readable(context, personId, 'child.viewed');
      const event = await eventStore.find(db, eventId);
      if (!event || event.personId !== personId || visibleEvents(context.actor, [event], record).length === 0) throw new NotFoundError('The entry');
      return event;
    },

    /**
     * The names of the people these events mention, as the reader may see them: a restricted
     * record the reader may not open is named "Restricted record".
     */
    async namesFor(context: RequestContext, events: RecordedEvent[]): Promise<NameOf> {
      const ids = [...new Set(events.flatMap(mentionedPeople))];
      const found = await peopleRepository.findMany(db, ids);
      const names = new Map(found.map((p) => [p.id, canSee(context.actor, p) ? fullName(p.details) : 'Restricted record']));
      return (id) => names.get(id);
    },

    /** These people's records, only those the reader may see (lists built elsewhere: compliance, teams). */
    async visibleRecords(context: RequestContext, personIds: string[]): Promise<Map<string, PersonRecord>> {
      const found = await peopleRepository.findMany(db, [...new Set(personIds)]);
      return new Map(found.filter((p) => canSee(context.actor, p)).map((p) => [p.id, p]));
    },

    /** The ids of these people the reader may see (for the API's event data). */
    async visibleAmong(context: RequestContext, personIds: string[]): Promise<Set<string>> {
      const found = await peopleRepository.findMany(db, [...new Set(personIds)]);
      return new Set(found.filter((p) => canSee(context.actor, p)).map((p) => p.id));
    },

    /**
     * Who a record is (Hearth ID and name) and nothing else: for the audit search, where an
     * auditor must be able to say whose record was opened without being able to open it.
     */
    async identity(hearthId: number) {
      const record = await peopleRepository.findByHearthId(db, hearthId);
      return record ? { id: record.id, hearthId: record.hearthId, name: identityName(record) } : null;
    },

    async identities(personIds: string[]): Promise<Record<string, { hearthId: number; name: string }>> {
      const records = await peopleRepository.findMany(db, personIds);
      return Object.fromEntries(records.map((r) => [r.id, { hearthId: r.hearthId, name: identityName(r) }]));
    },

    /**
     * Several records read together for one page (a contact about three siblings): each must be
     * one the reader may see, or the page is refused and the refusal audited; each read is audited.
     */
    async readRecords(context: RequestContext, personIds: readonly string[], action = 'child.viewed', details: Record<string, unknown> = {}): Promise<PersonRecord[]> {
      const found = new Map((await peopleRepository.findMany(db, [...new Set(personIds)])).map((p) => [p.id, p]));
      const missing = personIds.find((id) => !found.has(id));
      if (missing) throw new NotFoundError('The record');
      const hidden = personIds.filter((id) => !can(context.actor, 'child:read', found.get(id) as PersonRecord));
      for (const personId of hidden) await audit.record(db, context, { action, outcome: 'denied', personId, details });
      if (hidden.length > 0) throw new ForbiddenError('This is about a restricted record. Ask the manager of the allocated team if you need to see it.');
      for (const personId of new Set(personIds)) await audit.record(db, context, { action, personId, details: { for: context.path, ...details } });
      return personIds.map((id) => found.get(id) as PersonRecord);
    },

    /** A record found without auditing a view: for other services that only need its identity. */
    find: (personId: string) => peopleRepository.find(db, personId),

    /** Who may see what of these records (allocation, restriction, grants), without auditing a view: the standards' filter of youth justice obligations (issue 12). */
    async subjectsOf(personIds: readonly string[]): Promise<Map<string, RecordSubject>> {
      return new Map((await peopleRepository.findMany(db, [...new Set(personIds)])).map((p) => [p.id, p]));
    },
  };
}

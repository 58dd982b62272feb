import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/localDate';
import type { PersonDetails } from '../../domain/people/personDetails';
import { groupedBy } from '../../domain/records/events';
import { outOfOrder, type OrderedEvent } from '../../domain/standards/order';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { ForbiddenError } from '../../platform/errors';
import { problemsOf } from '../../platform/validation';
import { episodesById, eventTypeOf, eventTypesByType } from '../../standards/index';
import type { PeopleService } from '../people/peopleService';
import { registrationDetails } from './registration';
import { personEvent } from '../../domain/people/personEvents';
import type { StaffDirectory } from '../staff/staffDirectory';

/**
 * Importing an authority's history from its old system (issue 3, "Import and query"): one event
 * per line of newline-delimited JSON, or lines another importer has already parsed (a previous
 * statutory return's rows, issue 10). Every line is checked the same way; the good ones go in
 * together in one transaction, or with `allOrNothing` none unless all are good.
 */
const instantWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const lineSchema = z.object({
  child: z.string({ error: 'child must be the external id of the child, as text' }).trim().min(1, 'child must not be empty').max(64, 'child must be 64 characters or fewer'),
  type: z.string({ error: 'type must be an event type, as text' }).min(1, 'type must not be empty'),
  at: z
    .string({ error: 'at must be an ISO-8601 instant with an offset, like 2026-04-02T15:00:00+01:00' })
    .regex(instantWithOffset, 'at must be an ISO-8601 instant with an offset (Z or +01:00), like 2026-04-02T15:00:00+01:00')
    .refine((v) => isIsoDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)), 'at is not a real date and time'),
  data: z.record(z.string(), z.unknown(), { error: 'data must be an object' }).optional(),
  // When the old system wrote it down, if it knows: standards that time recording (visits recorded within 48 hours) read it. Absent: now.
  recorded: z
    .string({ error: 'recorded must be an ISO-8601 instant with an offset, like 2026-04-03T09:00:00+01:00' })
    .regex(instantWithOffset, 'recorded must be an ISO-8601 instant with an offset (Z or +01:00), like 2026-04-03T09:00:00+01:00')
    .refine((v) => isIsoDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)), 'recorded is not a real date and time')
    .optional(),
});

export interface LineProblem {
  line: number;
  reason: string;
}

export interface ImportReport {
  imported: number;
  children: number;
  created: number;
  problems: LineProblem[];
}

/** One event another importer has already read, with where it came from for the report. */
export interface ParsedLine {
  /** The child's external id (the old system's, or the return's CHILD / LAchildID). */
  child: string;
  type: string;
  /** An instant: a Date, or ISO-8601 text with an offset. */
  at: Date | string;
  data?: Record<string, unknown>;
  /** Where the line came from, as a person would find it: "episodes.csv row 12". */
  source: string;
}

export interface SourceProblem {
  source: string;
  reason: string;
}

export interface ParsedImportReport {
  imported: number;
  children: number;
  created: number;
  problems: SourceProblem[];
}

export interface ImportOptions {
  allOrNothing: boolean;
  /** Check everything and report, but import nothing (an importer gathering every problem before it asks again). */
  checkOnly?: boolean;
}

interface GoodLine {
  /** The line's position: its line number in a file, or its index in a list of parsed lines. */
  key: number;
  child: string;
  type: string;
  at: Date;
  data: Record<string, unknown>;
  recordedAt?: Date;
}

interface KeyedProblem {
  key: number;
  reason: string;
}

const recordedOf = (recorded: string | undefined): { recordedAt?: Date } => (recorded ? { recordedAt: new Date(recorded) } : {});

/** A line's own checks: its shape, not in the future, a known event type, the data that type needs. */
function checkLine(key: number, json: unknown, now: Date): GoodLine | KeyedProblem {
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) return { key, reason: problemsOf(parsed.error).map((p) => p.message).join('; ') };
  if (Date.parse(parsed.data.at) > now.getTime()) return { key, reason: `at ${parsed.data.at} is in the future: import what has happened` };
  if (parsed.data.type === personEvent.allocated) {
    const allocation = allocationData.safeParse(parsed.data.data ?? {});
    if (!allocation.success) return { key, reason: problemsOf(allocation.error).map((p) => `data.${p.field}: ${p.message}`).join('; ') };
    return { key, child: parsed.data.child, type: parsed.data.type, at: new Date(parsed.data.at), data: { teamId: allocation.data.teamId, workerId: allocation.data.workerId ?? null }, ...recordedOf(parsed.data.recorded) };
  }
  const definition = eventTypeOf(parsed.data.type);
  if (!definition) return { key, reason: `unknown event type "${parsed.data.type}": see npx hearth standards list, and the event types in the README` };
  const data = parsed.data.data ?? {};
  const checked = definition.data?.safeParse(data);
  if (checked && !checked.success) return { key, reason: problemsOf(checked.error).map((p) => `data.${p.field}: ${p.message}`).join('; ') };
  const recordedAt = recordedOf(parsed.data.recorded).recordedAt;
  if (recordedAt && recordedAt.getTime() < Date.parse(parsed.data.at)) return { key, reason: `recorded ${parsed.data.recorded} is before at ${parsed.data.at}: it cannot have been written down before it happened` };
  if (recordedAt && recordedAt.getTime() > now.getTime()) return { key, reason: `recorded ${parsed.data.recorded} is in the future` };
  return { key, child: parsed.data.child, type: parsed.data.type, at: new Date(parsed.data.at), data, ...(recordedAt ? { recordedAt } : {}) };
}

const isProblem = (checked: GoodLine | KeyedProblem): checked is KeyedProblem => 'reason' in checked;

/**
 * A child's allocation in the old system (issue 9: a migration brings who holds each case): to a
 * Hearth team, and optionally one of its workers, by their Hearth ids. Checked against the teams
 * and their members when the batch is imported.
 */
const allocationData = z.object({
  teamId: z.uuid({ error: 'teamId must be the id of a team in Hearth' }),
  workerId: z.uuid({ error: 'workerId must be the id of a member of staff in Hearth, or null' }).nullable().optional(),
});

export function eventImportService(people: PeopleService, clock: Clock, staff: StaffDirectory) {
  /**
   * Allocation lines named by Hearth ids: the team must exist, the worker be an active member of it;
   * the event keeps their names, as an allocation in Hearth does.
   */
  async function resolveAllocations(good: GoodLine[], refuse: (line: GoodLine, reason: string) => void): Promise<GoodLine[]> {
    const allocations = good.filter((l) => l.type === personEvent.allocated);
    if (allocations.length === 0) return good;
    const teams = new Map((await staff.teams()).map((t) => [t.id, t]));
    const members = new Map<string, Awaited<ReturnType<StaffDirectory['membersOf']>>>();
    const refused = new Set<GoodLine>();
    for (const line of allocations) {
      const teamId = String(line.data.teamId);
      const team = teams.get(teamId);
      if (!team) {
        refuse(line, `data.teamId ${teamId} is not a team in Hearth: make the teams first (npx hearth user add, or the Teams page)`);
        refused.add(line);
        continue;
      }
      const workerId = line.data.workerId as string | null;
      let workerName: string | null = null;
      if (workerId) {
        if (!members.has(teamId)) members.set(teamId, await staff.membersOf(teamId));
        const worker = members.get(teamId)?.find((m) => m.id === workerId);
        if (!worker) {
          refuse(line, `data.workerId ${workerId} is not a member of ${team.name}`);
          refused.add(line);
          continue;
        }
        workerName = worker.displayName;
      }
      line.data = { workerId, workerName, teamId, teamName: team.name };
    }
    return good.filter((l) => !refused.has(l));
  }

  /**
   * What both kinds of import share once each line is read: children matched by external id (new
   * ones only from a child.registered line with a name and date of birth), each event checked in
   * order against the child's record and the other lines, then everything imported in one
   * transaction (or, with allOrNothing, nothing unless every line is good).
   */
  async function importChecked(context: RequestContext, good: GoodLine[], problems: KeyedProblem[], options: ImportOptions, bulk = false) {
    const refuse = (line: GoodLine, reason: string) => problems.push({ key: line.key, reason });
    good = await resolveAllocations(good, refuse);
    const byChild = groupedBy(good, (line) => line.child);
    // A batch of a large import finds its children in one query; a file's lines one child at a time.
    const known = bulk ? await people.findByExternalIds([...byChild.keys()]) : null;
    const accepted: { personId: string; child: string; registration: { line: GoodLine; details: PersonDetails } | null; lines: GoodLine[] }[] = [];

    for (const [child, lines] of byChild) {
      const existing = known ? (known.get(child) ?? null) : await people.findByExternalId(child);
      const registrations = lines.filter((l) => l.type === 'child.registered');
      let registration: { line: GoodLine; details: PersonDetails } | null = null;
      if (existing) {
        for (const r of registrations) refuse(r, `child ${child} is already registered (Hearth ID ${existing.hearthId})`);
      } else {
        const first = registrations[0];
        for (const r of registrations.slice(1)) refuse(r, `child ${child} is registered by an earlier line (${first?.key})`);
        const checked = first ? registrationDetails(child, first.data, first.at) : { reason: `unknown child ${child}: add a child.registered line for them, with data.name and data.dateOfBirth` };
        if ('reason' in checked) {
          for (const l of lines.filter((l) => l.type !== 'child.registered' || l === first)) refuse(l, checked.reason);
          continue;
        }
        registration = { line: first as GoodLine, details: checked.details };
      }
      const events = lines.filter((l) => l.type !== 'child.registered');
      const stream = existing ? await people.streamOf(existing.id) : [];
      const order = outOfOrder(
        stream.map((e) => ({ key: e.id, type: e.type, at: e.occurredAt, data: e.data })),
        events.map((l): OrderedEvent => ({ key: String(l.key), type: l.type, at: l.at, data: l.data })),
        eventTypesByType,
        episodesById,
      );
      for (const l of events) if (order.has(String(l.key))) refuse(l, order.get(String(l.key)) as string);
      accepted.push({ personId: existing?.id ?? randomUUID(), child, registration, lines: events.filter((l) => !order.has(String(l.key))) });
    }

    problems.sort((a, b) => a.key - b.key);
    if (options.checkOnly || (options.allOrNothing && problems.length > 0)) return { imported: 0, children: 0, created: 0, problems };

    const toImport = accepted.flatMap((a) => [
      ...(a.registration
        ? [{
            personId: a.personId,
            type: 'child.registered',
            occurredAt: a.registration.line.at,
            data: {
              ...a.registration.details,
              kind: 'child',
              externalId: a.child,
              // Where an imported child came from (a statutory return, say), kept on the registration.
              ...(typeof a.registration.line.data.imported === 'string' ? { imported: a.registration.line.data.imported } : {}),
            },
          }]
        : []),
      ...a.lines.map((l) => ({ personId: a.personId, type: l.type, occurredAt: l.at, data: l.data, ...(l.recordedAt ? { recordedAt: l.recordedAt } : {}) })),
    ]);
    if (bulk) {
      const result = await people.importEventsInBulk(context, toImport);
      return { imported: result.imported, children: result.people, created: result.registered, problems };
    }
    const recorded = toImport.length > 0 ? await people.importEvents(context, toImport) : [];
    return {
      imported: recorded.length,
      children: new Set(recorded.map((e) => e.personId)).size,
      created: recorded.filter((e) => e.type === 'child.registered').length,
      problems,
    };
  }

  const fromCli = (context: RequestContext) => {
    if (context.actor.via !== 'cli') throw new ForbiddenError('Events are imported only from the command line');
  };

  return {
    async importLines(context: RequestContext, text: string, options: ImportOptions): Promise<ImportReport> {
      fromCli(context);
      const problems: KeyedProblem[] = [];
      const good: GoodLine[] = [];
      const now = clock.now();
      text.split(/\r?\n/).forEach((raw, index) => {
        const line = index + 1;
        if (raw.trim() === '') return;
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch (error) {
          problems.push({ key: line, reason: `not valid JSON: ${(error as Error).message}` });
          return;
        }
        const checked = checkLine(line, json, now);
        if (isProblem(checked)) problems.push(checked);
        else good.push(checked);
      });
      const report = await importChecked(context, good, problems, options);
      return { ...report, problems: report.problems.map((p) => ({ line: p.key, reason: p.reason })) };
    },

    /**
     * A large history (issue 9: an authority's whole migration, millions of events), read a line
     * at a time and imported in batches of about `batchChildren` children, each batch checked as a
     * file's lines are and imported in its own transaction by the bulk path
     * (src/modules/people/importInBulk.ts). A child's lines should be together in the file (an
     * export is usually by child); a child met again in a later batch is an existing record then,
     * and its lines are checked against what the earlier batch imported. Problems are reported
     * by line and do not stop the rest; there is no all-or-nothing over the whole file.
     */
    async importInBatches(context: RequestContext, lines: AsyncIterable<string>, options: { batchChildren: number; progress?: (report: ImportReport) => void }): Promise<ImportReport> {
      fromCli(context);
      const total: ImportReport = { imported: 0, children: 0, created: 0, problems: [] };
      let good: GoodLine[] = [];
      let problems: KeyedProblem[] = [];
      let children = new Set<string>();
      const now = clock.now();
      const flush = async () => {
        const report = await importChecked(context, good, problems, { allOrNothing: false }, true);
        total.imported += report.imported;
        total.children += report.children;
        total.created += report.created;
        total.problems.push(...report.problems.map((p) => ({ line: p.key, reason: p.reason })));
        good = [];
        problems = [];
        children = new Set();
        options.progress?.(total);
      };
      let line = 0;
      for await (const raw of lines) {
        line++;
        if (raw.trim() === '') continue;
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch (error) {
          problems.push({ key: line, reason: `not valid JSON: ${(error as Error).message}` });
          continue;
        }
        const checked = checkLine(line, json, now);
        if (isProblem(checked)) {
          problems.push(checked);
          continue;
        }
        if (!children.has(checked.child) && children.size >= options.batchChildren) await flush();
        children.add(checked.child);
        good.push(checked);
      }
      if (good.length || problems.length) await flush();
      return total;
    },

    /**
     * Lines another importer has already parsed (a previous SSDA903 return or CIN census, issue
     * 10), checked exactly as the lines of a file are; each problem names the line's source.
     */
    async importParsed(context: RequestContext, lines: readonly ParsedLine[], options: ImportOptions): Promise<ParsedImportReport> {
      fromCli(context);
      const problems: KeyedProblem[] = [];
      const good: GoodLine[] = [];
      const now = clock.now();
      lines.forEach((l, key) => {
        const at = l.at instanceof Date ? (Number.isNaN(l.at.getTime()) ? 'not a date' : l.at.toISOString()) : l.at;
        const checked = checkLine(key, { child: l.child, type: l.type, at, ...(l.data ? { data: l.data } : {}) }, now);
        if (isProblem(checked)) problems.push(checked);
        else good.push(checked);
      });
      const report = await importChecked(context, good, problems, options);
      return { ...report, problems: report.problems.map((p) => ({ source: lines[p.key]?.source ?? `line ${p.key + 1}`, reason: p.reason })) };
    },
  };
}

export type EventImportService = ReturnType<typeof eventImportService>;

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isIsoDate, londonDate } from '../../domain/calendar/localDate';
import { emptyDetails } from '../../domain/people/personDetails';
import { outOfOrder, type OrderedEvent } from '../../domain/standards/order';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { ForbiddenError } from '../../platform/errors';
import { problemsOf } from '../../platform/validation';
import { episodesById, eventTypeOf, eventTypesByType } from '../../standards/index';
import type { PeopleService } from '../people/peopleService';

/**
 * Importing an authority's history from its old system (issue 3, "Import and query"): one event
 * per line of newline-delimited JSON. Every line is checked; the good ones go in together in one
 * transaction, or with `allOrNothing` none unless all are good.
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

interface GoodLine {
  line: number;
  child: string;
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

/** "Leo Taylor" → given names "Leo", family name "Taylor"; the last word is the family name. */
function splitName(name: string): { givenNames: string; familyName: string } | null {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return null;
  return { givenNames: words.slice(0, -1).join(' '), familyName: words.at(-1) as string };
}

export function eventImportService(people: PeopleService, clock: Clock) {
  return {
    async importLines(context: RequestContext, text: string, options: { allOrNothing: boolean }): Promise<ImportReport> {
      if (context.actor.via !== 'cli') throw new ForbiddenError('Events are imported only from the command line');
      const problems: LineProblem[] = [];
      const good: GoodLine[] = [];
      const now = clock.now();
      text.split(/\r?\n/).forEach((raw, index) => {
        const line = index + 1;
        if (raw.trim() === '') return;
        let json: unknown;
        try {
          json = JSON.parse(raw);
        } catch (error) {
          problems.push({ line, reason: `not valid JSON: ${(error as Error).message}` });
          return;
        }
        const parsed = lineSchema.safeParse(json);
        if (!parsed.success) {
          problems.push({ line, reason: problemsOf(parsed.error).map((p) => p.message).join('; ') });
          return;
        }
        if (Date.parse(parsed.data.at) > now.getTime()) {
          problems.push({ line, reason: `at ${parsed.data.at} is in the future: import what has happened` });
          return;
        }
        const definition = eventTypeOf(parsed.data.type);
        if (!definition) {
          problems.push({ line, reason: `unknown event type "${parsed.data.type}": see npx hearth standards list, and the event types in the README` });
          return;
        }
        const data = parsed.data.data ?? {};
        const checked = definition.data?.safeParse(data);
        if (checked && !checked.success) {
          problems.push({ line, reason: problemsOf(checked.error).map((p) => `data.${p.field}: ${p.message}`).join('; ') });
          return;
        }
        good.push({ line, child: parsed.data.child, type: parsed.data.type, at: new Date(parsed.data.at), data });
      });

      // Children: known ones by external id; new ones only from a child.registered line with a name and date of birth.
      const byChild = new Map<string, GoodLine[]>();
      for (const line of good) byChild.set(line.child, [...(byChild.get(line.child) ?? []), line]);
      const refuse = (line: GoodLine, reason: string) => problems.push({ line: line.line, reason });
      const accepted: { personId: string; isNew: boolean; registration: GoodLine | null; lines: GoodLine[] }[] = [];

      for (const [child, lines] of byChild) {
        const existing = await people.findByExternalId(child);
        const registrations = lines.filter((l) => l.type === 'child.registered');
        let registration: GoodLine | null = null;
        if (existing) {
          for (const r of registrations) refuse(r, `child ${child} is already registered (Hearth ID ${existing.hearthId})`);
        } else {
          registration = registrations[0] ?? null;
          for (const r of registrations.slice(1)) refuse(r, `child ${child} is registered by an earlier line (${registrations[0]?.line})`);
          const name = typeof registration?.data.name === 'string' ? splitName(registration.data.name) : null;
          const dateOfBirth = registration?.data.dateOfBirth;
          const reason = !registration
            ? `unknown child ${child}: add a child.registered line for them, with data.name and data.dateOfBirth`
            : !name
              ? `child.registered for ${child} needs data.name with a given name and a family name`
              : typeof dateOfBirth !== 'string' || !isIsoDate(dateOfBirth)
                ? `child.registered for ${child} needs data.dateOfBirth, a real date written YYYY-MM-DD`
                : dateOfBirth > londonDate(registration.at)
                  ? `child.registered for ${child}: the date of birth ${dateOfBirth} is after the date the child was added`
                  : null;
          if (reason) {
            for (const l of lines.filter((l) => l.type !== 'child.registered' || l === registration)) refuse(l, reason);
            continue;
          }
        }
        const events = lines.filter((l) => l.type !== 'child.registered');
        const stream = existing ? await people.streamOf(existing.id) : [];
        const order = outOfOrder(
          stream.map((e) => ({ key: e.id, type: e.type, at: e.occurredAt, data: e.data })),
          events.map((l): OrderedEvent => ({ key: String(l.line), type: l.type, at: l.at, data: l.data })),
          eventTypesByType,
          episodesById,
        );
        for (const l of events) if (order.has(String(l.line))) refuse(l, order.get(String(l.line)) as string);
        accepted.push({ personId: existing?.id ?? randomUUID(), isNew: !existing, registration, lines: events.filter((l) => !order.has(String(l.line))) });
      }

      problems.sort((a, b) => a.line - b.line);
      if (options.allOrNothing && problems.length > 0) return { imported: 0, children: 0, created: 0, problems };

      const toImport = accepted.flatMap((a) => [
        ...(a.isNew && a.registration
          ? [{
              personId: a.personId,
              type: 'child.registered',
              occurredAt: a.registration.at,
              data: {
                ...emptyDetails,
                ...(splitName(String(a.registration.data.name)) ?? {}),
                dateOfBirth: a.registration.data.dateOfBirth,
                kind: 'child',
                externalId: a.registration.child,
              },
            }]
          : []),
        ...a.lines.map((l) => ({ personId: a.personId, type: l.type, occurredAt: l.at, data: l.data })),
      ]);
      const recorded = toImport.length > 0 ? await people.importEvents(context, toImport) : [];
      return {
        imported: recorded.length,
        children: new Set(recorded.map((e) => e.personId)).size,
        created: recorded.filter((e) => e.type === 'child.registered').length,
        problems,
      };
    },
  };
}

export type EventImportService = ReturnType<typeof eventImportService>;

import { rolesAllow } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { allegationsOf, ladoEventTypes, ladoRules, nextStep, openAllegationOf, outcomeBlockedBy, reviewDue, standingAllegations, type Allegation } from '../../domain/lado/allegation';
import { annualReport, reportingYear, reportingYearOf } from '../../domain/lado/annualReport';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { NotFoundError } from '../../platform/errors';
import type { PeopleService } from '../people/peopleService';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import type { LadoAccess } from './ladoAccess';

/** The LADO's reads: the worklist, one adult's allegations, an allegation's page, the annual report. Each audited. */
export function ladoReads(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, access: LadoAccess) {
  /** An allegation's standards: the obligations its own events started. */
  async function clocksFor(context: RequestContext, a: Allegation) {
    const ids = new Set(a.events.map((e) => e.id));
    const rows = (await standards.forPerson(a.personId, context.actor)).filter((r) => ids.has(r.obligation.startEventId));
    return clocksOf(rows, ladoRules);
  }

  return {
    /** The LADO's worklist: open allegations with what is due and overdue, and those concluded lately. */
    async worklist(context: RequestContext) {
      await access.allow(context, 'allegation:read', 'allegation.list_viewed');
      // An allegation recorded in error is not work: it stays on the adult's record, marked, and off the list.
      const all = standingAllegations(await access.everyAllegation());
      const today = londonDate(clock.now());
      const names = await people.identities([...new Set(all.map((a) => a.personId))]);
      const open = [];
      for (const a of all.filter((x) => !x.outcome).sort((x, y) => x.receivedAt.getTime() - y.receivedAt.getTime())) {
        const clocks = await clocksFor(context, a);
        open.push({ allegation: a, person: names[a.personId] ?? null, clocks: clocks.filter((c) => c.state === 'due' || c.state === 'overdue'), overdue: clocks.some((c) => c.state === 'overdue'), review: reviewDue(a, today), next: nextStep(a) });
      }
      const since = new Date(clock.now().getTime() - 92 * 86_400_000);
      const concluded = all.filter((a) => a.outcome && a.outcome.concludedAt >= since).sort((x, y) => y.outcome!.concludedAt.getTime() - x.outcome!.concludedAt.getTime());
      await audit.record(db, context, { action: 'allegation.list_viewed', details: { shown: [...open.map((o) => o.allegation.allegationId), ...concluded.map((a) => a.allegationId)] } });
      return { open, concluded: concluded.map((a) => ({ allegation: a, person: names[a.personId] ?? null })), today, may: { record: rolesAllow(context.actor, 'allegation:record') } };
    },

    /** One adult's allegations (from their record's button). */
    async ofPerson(context: RequestContext, personId: string) {
      await access.allow(context, 'allegation:read', 'allegation.viewed', personId);
      const person = (await people.identities([personId]))[personId];
      if (!person) throw new NotFoundError('The record');
      const list = allegationsOf(personId, await people.ofTypes(personId, ladoEventTypes));
      await audit.record(db, context, { action: 'allegation.viewed', personId, details: { allegations: list.map((a) => a.allegationId) } });
      return { personId, person, allegations: list, may: { record: rolesAllow(context.actor, 'allegation:record') && !openAllegationOf(list) } };
    },

    /** An allegation's page: its details, timeline and clocks. Every read is audited on the adult's record. */
    async view(context: RequestContext, personId: string, allegationId: string) {
      await access.allow(context, 'allegation:read', 'allegation.viewed', personId);
      const a = await access.find(personId, allegationId);
      const names = await people.identities([personId, ...a.childIds]);
      const today = londonDate(clock.now());
      await audit.record(db, context, { action: 'allegation.viewed', personId, details: { allegationId } });
      const timeline = [...a.events].sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime());
      return {
        allegation: a,
        person: names[personId] ?? { hearthId: 0, name: 'Unknown' },
        children: a.childIds.map((id) => ({ id, ...(names[id] ?? { hearthId: 0, name: 'Unknown' }) })),
        clocks: await clocksFor(context, a),
        review: reviewDue(a, today),
        next: nextStep(a),
        timeline,
        openEnquiries: a.enquiries.filter((q) => !q.respondedAt),
        outcomeBlockedBy: outcomeBlockedBy(a),
        may: { record: rolesAllow(context.actor, 'allegation:record') && !a.outcome && !a.inError, inError: rolesAllow(context.actor, 'allegation:record') && !a.inError, note: rolesAllow(context.actor, 'allegation:record'), openRecord: rolesAllow(context.actor, 'child:read') },
      };
    },

    /** The annual report's figures for a reporting year (88) and the resolution measure (87). */
    async report(context: RequestContext, year?: number) {
      await access.allow(context, 'allegation:read', 'allegation.report_viewed');
      const today = londonDate(clock.now());
      const chosen = year ?? reportingYearOf(today);
      const report = annualReport(standingAllegations(await access.everyAllegation()), reportingYear(chosen), standards.calendar, today);
      await audit.record(db, context, { action: 'allegation.report_viewed', details: { year: chosen } });
      const latest = reportingYearOf(today);
      return { report, chosen, years: Array.from({ length: 6 }, (_, i) => latest - i) };
    },

  };
}

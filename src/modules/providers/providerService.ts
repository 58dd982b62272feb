import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { rolesAllow } from '../../domain/access/can';
import { addMonths, londonDate } from '../../domain/calendar/localDate';
import { outcodeOf } from '../../domain/placements/distance';
import { actionPlansOverdue, goodOrBetter, isDowngrade, missingReg44Months, needs, providerOf, providerTypes, ratings, type Provider } from '../../domain/placements/providers';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { checkboxes, choiceValues, mergeProblems, optionalText, problemsOf, readDateInput, requiredText, wholeNumber } from '../../platform/validation';
import { providerRepository, type NewProviderEvent } from './providerRepository';

const postcode = requiredText('Enter the postcode', 10, 'The postcode').refine((v) => outcodeOf(v) !== null, 'Enter a real postcode, like WM5 7QR');
const detailsSchema = z
  .object({
    name: requiredText('Enter the provider’s name', 200, 'The name'),
    type: z.enum(choiceValues(providerTypes), { error: 'Select the kind of provider' }),
    urn: optionalText(20, 'The Ofsted unique reference number').refine((v) => v === null || /^(SC)?\d{6,8}$/i.test(v), 'The Ofsted unique reference number must be 6 to 8 digits, or SC and 6 digits, like SC123456'),
    address: requiredText('Enter the address', 500, 'The address'),
    postcode,
    places: wholeNumber('the number of places', 1, 500),
    ageFrom: wholeNumber('the youngest age taken', 0, 25),
    ageTo: wholeNumber('the oldest age taken', 0, 25),
    needsMet: checkboxes(z.enum(choiceValues(needs), { error: 'Select the needs from the list' })),
    contactName: requiredText('Enter the name of the contact', 200, 'The contact’s name'),
    contactRole: requiredText('Enter the contact’s role, like Registered Manager', 200, 'The contact’s role'),
    contactPhone: optionalText(40, 'The phone number'),
    contactEmail: optionalText(200, 'The email address').refine((v) => v === null || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'Enter an email address like name@example.org'),
  })
  .refine((d) => d.ageFrom <= d.ageTo, { path: ['ageTo'], message: 'The oldest age taken must be the same as or more than the youngest' });
const vacanciesSchema = z.object({ vacancies: wholeNumber('the number of vacancies', 0, 500) });
const inspectionSchema = z.object({
  rating: z.enum(choiceValues(ratings), { error: 'Select the Ofsted judgement' }),
  reportReference: optionalText(200, 'The report reference'),
  actions: optionalText(4000, 'The actions agreed with the provider'),
});
const planUpdateSchema = z.object({ actionPlanId: z.string({ error: 'Choose the action plan' }).min(1, 'Choose the action plan'), progress: requiredText('Enter the progress against the actions', 4000, 'The progress') });
const planCloseSchema = z.object({ actionPlanId: z.string({ error: 'Choose the action plan' }).min(1, 'Choose the action plan'), reason: requiredText('Enter why the action plan is closed, like a new inspection judged the home Good', 2000, 'Why it is closed') });
const reg44Schema = z.object({
  month: z.string({ error: 'Enter the month the visit was in' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter the month the visit was in, like 2026-10'),
  visitor: requiredText('Enter the independent visitor’s name', 200, 'The visitor’s name'),
  concerns: optionalText(4000, 'The concerns raised'),
});
const closeSchema = z.object({ closeReason: requiredText('Enter why the service stops using this provider', 2000, 'Why') });
const centreRow = z.object({ outcode: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/), latitude: z.coerce.number().min(49).max(61), longitude: z.coerce.number().min(-9).max(2.5) });

/** A provider as the list and the matching see it: its record, and what is overdue about it. */
export function providerSummary(provider: Provider, today: string) {
  return {
    ...provider,
    goodOrBetter: goodOrBetter(provider.rating),
    missingReg44: missingReg44Months(provider, today),
    plansOverdue: actionPlansOverdue(provider, today),
    openPlans: provider.actionPlans.filter((p) => !p.closedOn),
  };
}

/**
 * Placement providers and what the Resource Service keeps on them (issue 7; resource-service-policy.txt
 * 1.1-1.2): registration, contacts, places and vacancies, the Ofsted rating history (a downgrade
 * opens an action plan that is tracked), and the monthly Regulation 44 reports. Every change is a
 * new event on the provider's record, audited; nothing is rewritten.
 */
export function providerService(db: Db, clock: Clock) {
  const repo = providerRepository(db);
  const guard = (context: RequestContext, permission: 'resources:read' | 'provider:manage') => {
    if (!rolesAllow(context.actor, permission)) throw new ForbiddenError(permission === 'provider:manage' ? 'Only the Resource Service keeps the providers’ records' : 'The providers are seen by the Resource Service and case managers');
  };
  const all = async () => [...(await repo.allStreams()).values()].map((stream) => providerOf(stream)).filter((p): p is Provider => p !== null).sort((a, b) => a.name.localeCompare(b.name));
  const byId = async (id: string) => (z.uuid().safeParse(id).success ? providerOf(await repo.streamOf(db, id)) : null);

  /** Records on one provider, under its lock, with the audit row, in one transaction. */
  async function change(context: RequestContext, providerId: string, what: string, decide: (provider: Provider, now: Date) => Omit<NewProviderEvent, 'providerId'>[]) {
    guard(context, 'provider:manage');
    return db.transaction(async (tx) => {
      await repo.lock(tx, providerId);
      const provider = providerOf(await repo.streamOf(tx, providerId));
      if (!provider) throw new NotFoundError('The provider');
      const now = clock.now();
      const events = decide(provider, now).map((e) => ({ ...e, providerId }));
      await repo.append(tx, { userId: context.actor.userId, name: context.actor.displayName }, events);
      await audit.record(tx, context, { action: 'provider.recorded', details: { providerId, what, types: events.map((e) => e.type) } });
      return providerOf(await repo.streamOf(tx, providerId))!;
    });
  }

  const detailsOf = (data: z.infer<typeof detailsSchema>) => ({
    name: data.name,
    type: data.type,
    urn: data.urn,
    address: data.address,
    postcode: data.postcode.toUpperCase(),
    places: data.places,
    ageFrom: data.ageFrom,
    ageTo: data.ageTo,
    needsMet: data.needsMet,
    contacts: [{ name: data.contactName, role: data.contactRole, phone: data.contactPhone, email: data.contactEmail }],
  });
  const parse = <T extends z.ZodType>(schema: T, body: unknown, extra: { field: string; message: string }[] = []): z.infer<T> => {
    const parsed = schema.safeParse(body);
    const problems = mergeProblems(extra, parsed.success ? [] : problemsOf(parsed.error));
    if (problems.length > 0 || !parsed.success) throw new ValidationError(problems);
    return parsed.data;
  };

  return {
    all,
    byId,
    centres: () => repo.centres(),

    async list(context: RequestContext, filter: { type?: string; belowGood?: boolean } = {}) {
      guard(context, 'resources:read');
      const today = londonDate(clock.now());
      const providers = (await all()).map((p) => providerSummary(p, today));
      return {
        providers: providers.filter((p) => (!filter.type || p.type === filter.type) && (!filter.belowGood || !p.goodOrBetter)),
        counts: { open: providers.filter((p) => !p.closedOn).length, belowGood: providers.filter((p) => !p.closedOn && !p.goodOrBetter).length, reg44Missing: providers.filter((p) => p.missingReg44.length > 0).length, plansOverdue: providers.filter((p) => p.plansOverdue.length > 0).length },
        may: { manage: rolesAllow(context.actor, 'provider:manage') },
      };
    },

    async view(context: RequestContext, providerId: string) {
      guard(context, 'resources:read');
      const provider = await byId(providerId);
      if (!provider) throw new NotFoundError('The provider');
      await audit.record(db, context, { action: 'provider.viewed', details: { providerId } });
      const today = londonDate(clock.now());
      return { provider: providerSummary(provider, today), lastMonth: addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7), may: { manage: rolesAllow(context.actor, 'provider:manage') } };
    },

    async register(context: RequestContext, body: Record<string, unknown>) {
      guard(context, 'provider:manage');
      const data = parse(detailsSchema, body);
      const vacancies = parse(vacanciesSchema, { vacancies: body.vacancies ?? '0' });
      if (vacancies.vacancies > data.places) throw new ValidationError([{ field: 'vacancies', message: 'There cannot be more vacancies than places' }]);
      const providerId = randomUUID();
      await db.transaction(async (tx) => {
        await repo.append(tx, { userId: context.actor.userId, name: context.actor.displayName }, [{ providerId, type: 'provider.registered', occurredAt: clock.now(), data: { providerId, ...detailsOf(data), vacancies: vacancies.vacancies } }]);
        await audit.record(tx, context, { action: 'provider.recorded', details: { providerId, what: 'registered' } });
      });
      return providerId;
    },

    async changeDetails(context: RequestContext, providerId: string, body: Record<string, unknown>) {
      const data = parse(detailsSchema, body);
      return change(context, providerId, 'details', (provider, now) => {
        if (data.places < provider.vacancies) throw new ValidationError([{ field: 'places', message: `There are ${provider.vacancies} vacancies recorded: record fewer vacancies first, or keep at least that many places` }]);
        return [{ type: 'provider.details_changed', occurredAt: now, data: detailsOf(data) }];
      });
    },

    async vacancies(context: RequestContext, providerId: string, body: Record<string, unknown>) {
      const data = parse(vacanciesSchema, body);
      return change(context, providerId, 'vacancies', (provider, now) => {
        if (provider.closedOn) throw new ValidationError([{ field: 'vacancies', message: 'The service no longer uses this provider' }]);
        if (data.vacancies > provider.places) throw new ValidationError([{ field: 'vacancies', message: `There cannot be more vacancies than the ${provider.places} places` }]);
        return [{ type: 'provider.vacancies_changed', occurredAt: now, data: { vacancies: data.vacancies } }];
      });
    },

    /**
     * An Ofsted inspection's judgement (1.2: "ensuring up to date Placement Ofsted Rating
     * information"). A judgement worse than the one before opens an action plan at once (1.2:
     * "ensuring there are up to date action plans if a provider gets downgraded by Ofsted"),
     * to be reviewed within a month unless the form says when.
     */
    async recordInspection(context: RequestContext, providerId: string, body: Record<string, unknown>) {
      const inspected = readDateInput(body, 'inspectedOn', 'The date of the inspection', true);
      const reviewBy = readDateInput(body, 'reviewBy', 'The date to review the action plan', false);
      const today = londonDate(clock.now());
      const dateProblems = [inspected.problem, reviewBy.problem].filter((p) => p !== null);
      if (inspected.value && inspected.value > today) dateProblems.push({ field: 'inspectedOn-day', message: 'The date of the inspection must be today or in the past' });
      if (reviewBy.value && reviewBy.value < today) dateProblems.push({ field: 'reviewBy-day', message: 'The date to review the action plan must be today or later' });
      const data = parse(inspectionSchema, body, dateProblems);
      return change(context, providerId, 'inspection', (provider, now) => {
        if (provider.inspections.some((i) => i.inspectedOn === inspected.value)) throw new ValidationError([{ field: 'inspectedOn-day', message: 'An inspection on that date is already recorded' }]);
        const downgrade = isDowngrade(provider.inspections, inspected.value!, data.rating as Provider['rating']);
        const inspectionEvent = { type: 'provider.inspected', occurredAt: now, data: { inspectedOn: inspected.value, rating: data.rating, reportReference: data.reportReference, downgrade } };
        if (!downgrade) return [inspectionEvent];
        return [
          inspectionEvent,
          {
            type: 'provider.action_plan_opened',
            occurredAt: now,
            data: { actionPlanId: randomUUID(), inspectedOn: inspected.value, rating: data.rating, actions: data.actions ?? 'Actions to be agreed with the provider after the downgrade', reviewBy: reviewBy.value ?? addMonths(today, 1) },
          },
        ];
      });
    },

    async updateActionPlan(context: RequestContext, providerId: string, body: Record<string, unknown>) {
      const reviewBy = readDateInput(body, 'nextReviewBy', 'The date of the next review', false);
      const data = parse(planUpdateSchema, body, reviewBy.problem ? [reviewBy.problem] : []);
      return change(context, providerId, 'action plan', (provider, now) => {
        const plan = provider.actionPlans.find((p) => p.id === data.actionPlanId && !p.closedOn);
        if (!plan) throw new ValidationError([{ field: 'actionPlanId', message: 'There is no open action plan like that for this provider' }]);
        return [{ type: 'provider.action_plan_updated', occurredAt: now, data: { actionPlanId: plan.id, progress: data.progress, ...(reviewBy.value ? { reviewBy: reviewBy.value } : {}) } }];
      });
    },

    async closeActionPlan(context: RequestContext, providerId: string, body: Record<string, unknown>) {
      const data = parse(planCloseSchema, body);
      return change(context, providerId, 'action plan closed', (provider, now) => {
        const plan = provider.actionPlans.find((p) => p.id === data.actionPlanId && !p.closedOn);
        if (!plan) throw new ValidationError([{ field: 'actionPlanId', message: 'There is no open action plan like that for this provider' }]);
        return [{ type: 'provider.action_plan_closed', occurredAt: now, data: { actionPlanId: plan.id, reason: data.reason } }];
      });
    },

    /** A month's Regulation 44 report received by the Placement team (1.2). */
    async reg44Received(context: RequestContext, providerId: string, body: Record<string, unknown>) {
      const data = parse(reg44Schema, body);
      const thisMonth = londonDate(clock.now()).slice(0, 7);
      return change(context, providerId, 'regulation 44 report', (provider, now) => {
        if (data.month > thisMonth) throw new ValidationError([{ field: 'month', message: 'The month of the visit must be this month or earlier' }]);
        if (data.month < provider.registeredOn.slice(0, 7)) throw new ValidationError([{ field: 'month', message: `The provider was registered with the service in ${provider.registeredOn.slice(0, 7)}: check the month` }]);
        if (provider.reg44.some((r) => r.month === data.month)) throw new ValidationError([{ field: 'month', message: `The report for ${data.month} is already recorded` }]);
        return [{ type: 'provider.reg44_received', occurredAt: now, data: { month: data.month, visitor: data.visitor, concerns: data.concerns } }];
      });
    },

    async close(context: RequestContext, providerId: string, body: Record<string, unknown>) {
      const data = parse(closeSchema, body);
      return change(context, providerId, 'closed', (provider, now) => {
        if (provider.closedOn) throw new ValidationError([{ field: 'closeReason', message: 'The service already stopped using this provider' }]);
        return [{ type: 'provider.closed', occurredAt: now, data: { reason: data.closeReason } }];
      });
    },

    /** Loads postcode district centres (the ONS Postcode Directory's, or an authority's own): rows of outcode, latitude, longitude. */
    async importCentres(context: RequestContext, rows: readonly Record<string, unknown>[]) {
      // Reference data: the Resource Service, or an administrator at the command line.
      if (!rolesAllow(context.actor, 'user:manage')) guard(context, 'provider:manage');
      const problems: string[] = [];
      const good = rows.flatMap((row, i) => {
        const parsed = centreRow.safeParse(row);
        if (!parsed.success) problems.push(`Row ${i + 2}: needs an outward code (like WM5), a latitude between 49 and 61 and a longitude between -9 and 2.5`);
        return parsed.success ? [parsed.data] : [];
      });
      if (problems.length > 0) throw new ValidationError(problems.slice(0, 20).map((message) => ({ field: 'file', message })));
      if (good.length === 0) throw new ValidationError([{ field: 'file', message: 'The file has no districts: it needs a header row of outcode, latitude, longitude and a row for each district' }]);
      return db.transaction(async (tx) => {
        const count = await repo.putCentres(tx, good);
        await audit.record(tx, context, { action: 'postcodes.imported', details: { districts: count } });
        return count;
      });
    },
  };
}

export type ProviderService = ReturnType<typeof providerService>;

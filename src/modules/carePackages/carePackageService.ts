import { randomUUID } from 'node:crypto';
import { can } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { londonDate } from '../../domain/calendar/localDate';
import { inCareOf, type Placement } from '../../domain/inCare/inCareState';
import { fullName } from '../../domain/people/personDetails';
import { carePackagesOf, dayText, fundingRefusal, isLive, packageInclusions, reviewOutcomes, reviewOverdue, setUpRefusal, type CarePackage } from '../../domain/placements/carePackages';
import { financialYearOf, spendLines } from '../../domain/placements/carePackageSpend';
import { providerTypes, type Provider } from '../../domain/placements/providers';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { StaffDirectory } from '../staff/staffDirectory';
import { spendReport } from './spendReport';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { mergeProblems, problemsOf } from '../../platform/validation';
import type { PeopleService } from '../people/peopleService';
import { approveSchema, dateOf, endSchema, reviewSchema, setUpSchema } from './carePackageSchemas';
import type { z } from 'zod';

export interface ProviderLookup {
  all(): Promise<Provider[]>;
}

const audit = 'child.care_package_recorded';
type Event = { type: string; occurredAt: Date; data: Record<string, unknown> };
type Decide = (packages: CarePackage[], placements: Placement[], now: Date, stream: RecordedEvent[]) => Event[] | Promise<Event[]>;

/** A form's fields and dates checked together, every problem at once. */
function parse<T extends z.ZodType>(schema: T, body: Record<string, unknown>, ...dates: { problems: { field: string; message: string }[] }[]): z.infer<T> {
  const parsed = schema.safeParse(body);
  const problems = mergeProblems(...dates.map((d) => d.problems), parsed.success ? [] : problemsOf(parsed.error));
  if (problems.length > 0 || !parsed.success) throw new ValidationError(problems);
  return parsed.data;
}
const refuse = (field: string, message: string): never => {
  throw new ValidationError([{ field, message }]);
};

/**
 * A child's placement care packages (resource-service-policy.txt 4.1): the Resource Service sets
 * them up and reviews them (`placement:match`); a service manager or the head of service approves
 * them (`package:approve`), never the person who set them up. A change of cost is a new package
 * that supersedes the old one from a date; nothing recorded is rewritten.
 */
export function carePackageService(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory, providers: ProviderLookup) {
  const step = (context: RequestContext, personId: string, permission: Permission, decide: Decide) =>
    people.recordOn(context, [personId], permission, audit, async (_records, streams, now) => {
      const stream = streams.get(personId) ?? [];
      return (await decide(carePackagesOf(stream), inCareOf(stream).placements, now, stream)).map((e) => ({ personId, ...e }));
    });
  const find = (packages: CarePackage[], id: string) => packages.find((p) => p.packageId === id) ?? refuse('packageId', 'There is no such package on this record');

  return {
    /** Committed spend across every child (the report at /resources/spend). */
    spend: spendReport(db, clock, people, staff),

    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const today = londonDate(clock.now());
      const packages = carePackagesOf(stream);
      const placements = inCareOf(stream).placements;
      const open = (await providers.all()).filter((p) => !p.closedOn);
      const year = financialYearOf(today);
      const placementLabel = (id: string) => {
        const p = placements.find((x) => x.placementId === id);
        return p ? `${p.carer || p.setting.replace(/_/g, ' ')} from ${dayText(londonDate(p.from))}${p.to ? ` to ${dayText(londonDate(p.to))}` : ''}` : 'An earlier placement';
      };
      const mayApprove = can(context.actor, 'package:approve', record);
      return {
        record,
        name: fullName(record.details),
        today,
        packages: [...packages].reverse().map((p) => ({
          ...p,
          placementLabel: placementLabel(p.placementId),
          live: isLive(p, today),
          reviewOverdue: reviewOverdue(p, today),
          includesText: p.includes.map((v) => (v === 'other' ? (p.includesOther ?? 'Other') : (packageInclusions.find((i) => i.value === v)?.text ?? v))),
          mayApprove: mayApprove && p.status === 'proposed' && p.agreed.byId !== context.actor.userId,
        })),
        overdue: packages.filter((p) => reviewOverdue(p, today)).length,
        weeklyNow: packages.filter((p) => p.approved && p.startsOn <= today && (p.endsOn === null || p.endsOn > today)).reduce((sum, p) => sum + p.weeklyPence, 0),
        spendThisYear: spendLines(packages, year.fromMonth, year.toMonth).reduce((sum, l) => sum + l.pence, 0),
        year,
        placements: [...placements].reverse().map((p) => ({ ...p, label: placementLabel(p.placementId), providerName: open.find((x) => x.id === p.providerId)?.name ?? null })),
        providers: open.map((p) => ({ value: p.id, text: `${p.name} (${providerTypes.find((t) => t.value === p.type)?.text ?? p.type})` })),
        supersedable: packages.filter((p) => p.status === 'approved').map((p) => ({ value: p.packageId, text: `${p.providerName}, ${dayText(p.startsOn)}` })),
        inclusions: packageInclusions,
        outcomes: reviewOutcomes,
        may: { setUp: can(context.actor, 'placement:match', record), approve: mayApprove },
      };
    },

    /** A new package, proposed for approval. */
    async setUp(context: RequestContext, personId: string, body: Record<string, unknown>) {
      // Read before the record is locked: the providers are not part of it (and one connection, as PGlite has, cannot read beside a transaction).
      const open = (await providers.all()).filter((p) => !p.closedOn);
      return step(context, personId, 'placement:match', async (packages, placements, now) => {
        const starts = dateOf(body, 'startsOn', 'The start date', true);
        const ends = dateOf(body, 'endsOn', 'The end date', false);
        const reviewBy = dateOf(body, 'reviewBy', 'The first review date', true);
        const data = parse(setUpSchema, body, starts, ends, reviewBy);
        const startsOn = starts.value!;
        const endsOn = ends.value;
        if (data.includes.includes('other') && !data.includesOther) refuse('includesOther', 'Say what else the package includes');
        const funding = { socialCare: data.socialCare, health: data.health, education: data.education };
        const split = fundingRefusal(data.weekly, funding);
        if (split) refuse('socialCare', split);
        const placement = placements.find((p) => p.placementId === data.placementId) ?? refuse('placementId', 'Select one of the child’s placements in this period of care');
        const from = londonDate(placement.from);
        if (startsOn < from) refuse('startsOn', `A package pays for the placement, which began on ${dayText(from)}: the start date cannot be before it`);
        const until = placement.to ? londonDate(placement.to) : null;
        if (until && startsOn >= until) refuse('startsOn', `The placement ended on ${dayText(until)}: the package must start before then`);
        if (until && endsOn !== null && endsOn > until) refuse('endsOn', `The placement ended on ${dayText(until)}: the package cannot end after it`);
        if (reviewBy.value! <= startsOn) refuse('reviewBy', 'The first review must be after the package starts');
        const refusal = setUpRefusal(packages, { placementId: placement.placementId, startsOn, endsOn, supersedes: data.supersedes });
        if (refusal) refuse(refusal.field, refusal.message);
        const provider = open.find((p) => p.id === data.providerId) ?? refuse('providerId', 'Select a provider from the list');
        return [{
          type: 'placements.care_package_agreed',
          occurredAt: now,
          data: {
            packageId: randomUUID(), placementId: placement.placementId, providerId: provider.id, providerName: provider.name,
            weeklyPence: data.weekly, startsOn, endsOn, includes: data.includes, includesOther: data.includesOther, funding,
            reviewBy: reviewBy.value, supersedes: data.supersedes,
            summary: `Care package with ${provider.name}: £${(data.weekly / 100).toFixed(2)} a week from ${startsOn}`,
          },
        }];
      });
    },

    /** Approval of a proposed package: not by whoever set it up (separation of duties over spending). */
    approve(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'package:approve', (packages, _placements, now) => {
        const p = find(packages, parse(approveSchema, body).packageId);
        if (p.status !== 'proposed') refuse('packageId', 'This package is not waiting for approval');
        if (p.agreed.byId === context.actor.userId) throw new ForbiddenError('You set up this package: someone else with authority to approve packages must approve it');
        // Checked again as things stand now: the package it supersedes may have ended since, and nothing may be paid twice.
        const refusal = setUpRefusal(packages.filter((x) => x.packageId !== p.packageId), { placementId: p.placementId, startsOn: p.startsOn, endsOn: p.endsOn, supersedes: p.supersedes });
        if (refusal) refuse('packageId', `This package cannot be approved as it stands: ${refusal.message}`);
        return [{ type: 'placements.care_package_approved', occurredAt: now, data: { packageId: p.packageId, weeklyPence: p.weeklyPence, ...(p.supersedes ? { supersedes: p.supersedes, supersededFrom: p.startsOn } : {}), summary: `Care package with ${p.providerName} approved` } }];
      });
    },

    /** A review: continue, change (a new package to follow), or end it there and then. */
    review(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'placement:match', (packages, _placements, now) => {
        const today = londonDate(now);
        const reviewed = dateOf(body, 'reviewedOn', 'The date of the review', true);
        const next = dateOf(body, 'nextReviewOn', 'The next review date', false);
        const ends = dateOf(body, 'reviewEndsOn', 'The end date', false);
        const data = parse(reviewSchema, body, reviewed, next, ends);
        const p = find(packages, data.packageId);
        if (p.status !== 'approved') refuse('packageId', p.status === 'proposed' ? 'The package must be approved before it is reviewed' : 'This package has ended');
        if (reviewed.value! > today) refuse('reviewedOn', 'The date of the review must be today or in the past');
        const events: Event[] = [];
        if (data.outcome === 'end') {
          if (!ends.value) refuse('reviewEndsOn', 'Enter the date the package ends');
          events.push(...endEvents(p, ends.value!, `Ended at review: ${data.notes}`, now, 'reviewEndsOn'));
        } else if (!next.value) refuse('nextReviewOn', 'Enter the date of the next review');
        else if (next.value <= reviewed.value!) refuse('nextReviewOn', 'The next review must be after this one');
        return [
          { type: 'placements.care_package_reviewed', occurredAt: now, data: { packageId: p.packageId, reviewedOn: reviewed.value, outcome: data.outcome, notes: data.notes, nextReviewOn: data.outcome === 'end' ? null : next.value, summary: `Care package with ${p.providerName} reviewed` } },
          ...events,
        ];
      });
    },

    /** The end of a package, with the date (the first night not paid for) and why. */
    end(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'placement:match', (packages, _placements, now) => {
        const ends = dateOf(body, 'endOn', 'The end date', true);
        const data = parse(endSchema, body, ends);
        return endEvents(find(packages, data.packageId), ends.value!, data.reason, now, 'endOn');
      });
    },
  };
}

function endEvents(p: CarePackage, endsOn: string, reason: string, now: Date, field: string): Event[] {
  if (p.status === 'ended') refuse('packageId', 'This package has already ended');
  if (endsOn < p.startsOn) refuse(field, `The end date cannot be before the package started, on ${dayText(p.startsOn)}`);
  if (p.endsOn !== null && endsOn > p.endsOn) refuse(field, `The package was set up to end on ${dayText(p.endsOn)}: to go on after that, set up a new package from then`);
  return [{ type: 'placements.care_package_ended', occurredAt: now, data: { packageId: p.packageId, endsOn, reason, summary: `Care package with ${p.providerName} ends on ${endsOn}` } }];
}

export type CarePackageService = ReturnType<typeof carePackageService>;

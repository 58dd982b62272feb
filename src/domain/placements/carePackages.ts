import { chronological, type WorkflowEvent } from '../records/events';
import { text, textOrNull } from '../records/eventData';

/**
 * Placement care packages (resource-service-policy.txt 4.1: "The Resource Service will be responsible
 * for the creation and ongoing review of placement care packages ... for children and young people in
 * Private and Voluntary (P&V) foster care, residential children's homes, and supported accommodation").
 *
 * Money is whole pence throughout. A package is paid for each night from its start date up to the
 * night before it ends: the day it ends is not paid, so a package that supersedes another from a
 * date takes over on that very day without the two overlapping.
 */
export const packageInclusions = [
  { value: 'accommodation', text: 'Accommodation and care' },
  { value: 'education', text: 'Education' },
  { value: 'therapeutic', text: 'Therapeutic support' },
  { value: 'additional_staffing', text: 'Additional staffing (for example 1:1)' },
  { value: 'transport', text: 'Transport' },
  { value: 'other', text: 'Something else (say what)' },
] as const;

export const reviewOutcomes = [
  { value: 'continue', text: 'Continue as it is' },
  { value: 'change', text: 'Change it: a new package is to be set up' },
  { value: 'end', text: 'End it' },
] as const;

export interface Funding {
  socialCare: number;
  health: number;
  education: number;
}

export interface PackageReview {
  reviewedOn: string;
  outcome: string;
  notes: string;
  nextReviewOn: string | null;
  byName: string | null;
}

export type PackageStatus = 'proposed' | 'approved' | 'ended';

export interface CarePackage {
  packageId: string;
  placementId: string;
  providerId: string | null;
  providerName: string;
  weeklyPence: number;
  startsOn: string;
  /** The end date it was set up with, if any. */
  plannedEndOn: string | null;
  /** The first day not paid for: the planned end, the day it was ended, or the day a package superseding it took over. */
  endsOn: string | null;
  includes: string[];
  includesOther: string | null;
  funding: Funding;
  status: PackageStatus;
  agreed: { at: Date; byId: string | null; byName: string | null };
  approved: { at: Date; byId: string | null; byName: string | null } | null;
  ended: { on: string; reason: string; at: Date; byName: string | null } | null;
  supersedes: string | null;
  supersededBy: string | null;
  reviews: PackageReview[];
  nextReviewOn: string | null;
}

const whole = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : 0);

/** The child's care packages from their record, in the order they were set up. */
export function carePackagesOf(stream: readonly WorkflowEvent[]): CarePackage[] {
  const packages = new Map<string, CarePackage>();
  for (const e of chronological(stream)) {
    const id = text(e.data.packageId);
    if (e.type === 'placements.care_package_agreed') {
      const f = (e.data.funding ?? {}) as Record<string, unknown>;
      packages.set(id, {
        packageId: id,
        placementId: text(e.data.placementId),
        providerId: textOrNull(e.data.providerId),
        providerName: text(e.data.providerName),
        weeklyPence: whole(e.data.weeklyPence),
        startsOn: text(e.data.startsOn),
        plannedEndOn: textOrNull(e.data.endsOn),
        endsOn: textOrNull(e.data.endsOn),
        includes: Array.isArray(e.data.includes) ? e.data.includes.map(String) : [],
        includesOther: textOrNull(e.data.includesOther),
        funding: { socialCare: whole(f.socialCare), health: whole(f.health), education: whole(f.education) },
        status: 'proposed',
        agreed: { at: e.occurredAt, byId: e.recordedBy ?? null, byName: e.recordedByName },
        approved: null,
        ended: null,
        supersedes: textOrNull(e.data.supersedes),
        supersededBy: null,
        reviews: [],
        nextReviewOn: textOrNull(e.data.reviewBy),
      });
      continue;
    }
    const p = packages.get(id);
    if (!p) continue;
    if (e.type === 'placements.care_package_approved' && p.status === 'proposed') {
      p.status = 'approved';
      p.approved = { at: e.occurredAt, byId: e.recordedBy ?? null, byName: e.recordedByName };
      // The package it supersedes stops where this one takes over (never rewritten: read so).
      const old = p.supersedes ? packages.get(p.supersedes) : undefined;
      if (old && old.status === 'approved') {
        old.status = 'ended';
        old.supersededBy = p.packageId;
        old.endsOn = earlier(old.endsOn, p.startsOn);
        old.ended = { on: old.endsOn, reason: 'Superseded by a new package', at: e.occurredAt, byName: e.recordedByName };
      }
    } else if (e.type === 'placements.care_package_reviewed') {
      const review = { reviewedOn: text(e.data.reviewedOn), outcome: text(e.data.outcome), notes: text(e.data.notes), nextReviewOn: textOrNull(e.data.nextReviewOn), byName: e.recordedByName };
      p.reviews.push(review);
      p.nextReviewOn = review.nextReviewOn;
    } else if (e.type === 'placements.care_package_ended' && p.status !== 'ended') {
      p.status = 'ended';
      p.endsOn = earlier(p.endsOn, text(e.data.endsOn));
      p.ended = { on: p.endsOn, reason: text(e.data.reason), at: e.occurredAt, byName: e.recordedByName };
    }
  }
  return [...packages.values()];
}

function earlier(a: string | null, b: string): string {
  return a !== null && a < b ? a : b;
}

/** Still running or waiting for approval on `today`: not ended, and its end date (if any) not yet reached. */
export function isLive(p: CarePackage, today: string): boolean {
  return p.status !== 'ended' && (p.endsOn === null || p.endsOn > today);
}

/** Its review is overdue: live, and the next review date has passed (4.1: "ongoing review"). */
export function reviewOverdue(p: CarePackage, today: string): boolean {
  return isLive(p, today) && p.nextReviewOn !== null && p.nextReviewOn < today;
}

/** Committed spend is what has been approved: a package ended before it was approved was never paid. */
export const committed = (p: CarePackage) => p.approved !== null;

/** The nights [from, to) two packages share, or whether they do: `null` end is open-ended. */
export function periodsOverlap(a: { startsOn: string; endsOn: string | null }, b: { startsOn: string; endsOn: string | null }): boolean {
  return (a.endsOn === null || b.startsOn < a.endsOn) && (b.endsOn === null || a.startsOn < b.endsOn);
}

/** A package that could still be paid: approved (and not withdrawn), or waiting for approval. */
const counts = (p: CarePackage) => p.status !== 'ended' || p.approved !== null;

/**
 * Why a new package for a placement may not be set up, or null: two packages for one placement
 * may not pay for the same nights, unless the new one supersedes the other from a date after the
 * other began (a change of cost is a new package, never a rewrite).
 */
export function setUpRefusal(existing: readonly CarePackage[], proposal: { placementId: string; startsOn: string; endsOn: string | null; supersedes: string | null }): { field: string; message: string } | null {
  if (proposal.endsOn !== null && proposal.endsOn <= proposal.startsOn) return { field: 'endsOn', message: 'The end date must be after the start date' };
  const old = proposal.supersedes ? existing.find((p) => p.packageId === proposal.supersedes) : undefined;
  if (proposal.supersedes) {
    if (!old || old.status !== 'approved') return { field: 'supersedes', message: 'Only an approved package that has not ended can be superseded' };
    if (old.placementId !== proposal.placementId) return { field: 'supersedes', message: 'A new package supersedes one for the same placement' };
    if (proposal.startsOn <= old.startsOn) return { field: 'startsOn', message: `A package that supersedes another starts after it began, on ${dayText(old.startsOn)}` };
    if (old.endsOn !== null && proposal.startsOn >= old.endsOn) return { field: 'startsOn', message: `The package it supersedes has ended by then (${dayText(old.endsOn)}): set up a new package without superseding it` };
    if (existing.some((p) => p.supersedes === old.packageId && p.status === 'proposed')) return { field: 'supersedes', message: 'A package superseding this one is already waiting for approval' };
  }
  const clash = existing.find((p) => p.placementId === proposal.placementId && counts(p) && p.packageId !== old?.packageId && periodsOverlap(p, proposal));
  if (clash) return { field: 'startsOn', message: `This overlaps the package for ${clash.providerName} from ${dayText(clash.startsOn)}${clash.endsOn ? ` to ${dayText(clash.endsOn)}` : ''}: supersede it, or end it first` };
  return null;
}

/** The funding shares add up to the weekly cost, or what is wrong. */
export function fundingRefusal(weeklyPence: number, funding: Funding): string | null {
  const total = funding.socialCare + funding.health + funding.education;
  return total === weeklyPence ? null : `The funding split adds up to ${poundsText(total)} a week: it must add up to the weekly cost, ${poundsText(weeklyPence)}`;
}

/** A date written YYYY-MM-DD as people write it: "25 January 2026". */
export function dayText(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Whole pence as "£1,450.00". */
export function poundsText(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(pence));
  return `${sign}£${Math.floor(abs / 100).toLocaleString('en-GB')}.${String(abs % 100).padStart(2, '0')}`;
}

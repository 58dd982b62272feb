import type { Actor } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import type { Terms } from '../../domain/fostering/terms';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import type { ImportedEvent } from '../people/importEvents';

type As = (username: string) => RequestContext;
type At = (daysAgo: number, hour?: number) => Date;

interface DemoCarer {
  given: string;
  family: string;
  born: number;
  household: string;
  /** The children placed with them, by demonstration family, whose placements name them. */
  children: { surname: string; carer: string }[];
  approvedDaysAgo: number;
  terms: Terms;
  /** Reviews held, in days ago; the first goes to the Fostering Panel about five weeks later. */
  reviews: number[];
  /** Supervision visits: from the first, every `every` days, the last `last` days ago. */
  visits: { first: number; every: number; last: number };
  payment: string;
  training: [number, string, number][];
}

/**
 * The authority's own foster carers named on the demonstration's placements (demoProviders.ts
 * `demoPlacedWith`), as approved carers with their histories: Joan Okafor (Kayden Campbell placed
 * with her) has visits up to date but her annual review is overdue; Pat and Chris Lowe (Isla
 * Green until her placement broke down a month ago) have had no supervision visit for over a month.
 */
const demoCarers: DemoCarer[] = [
  {
    given: 'Joan', family: 'Okafor', born: 58, household: 'Joan Okafor (single carer); her adult son Daniel lives elsewhere',
    children: [{ surname: 'Campbell', carer: 'Joan Okafor' }],
    approvedDaysAgo: 1500, terms: { children: 3, ageFrom: 0, ageTo: 12, gender: 'any', careTypes: ['short_term', 'long_term'] },
    reviews: [1140, 775, 410], visits: { first: 1475, every: 29, last: 12 }, payment: 'level_3',
    training: [[1380, 'Training, Support and Development standards completed', 30], [900, 'Therapeutic parenting (two days)', 12], [500, 'Safer caring refresher', 3]],
  },
  {
    given: 'Pat', family: 'Lowe', born: 49, household: 'Pat and Chris Lowe, and their daughter Ellie (15)',
    children: [{ surname: 'Green', carer: 'Pat and Chris Lowe' }],
    approvedDaysAgo: 700, terms: { children: 1, ageFrom: 0, ageTo: 4, gender: 'any', careTypes: ['short_term', 'emergency'] },
    reviews: [340], visits: { first: 680, every: 28, last: 64 }, payment: 'level_2',
    training: [[620, 'Training, Support and Development standards completed', 26], [300, 'Caring for babies withdrawing from drugs', 6]],
  },
  {
    // Gabriel Da Silva is placed with them by his social worker, choosing them from the register (demoPlans.ts `cameIntoCare`).
    given: 'Jan', family: 'Abbott', born: 55, household: 'Jan and Colin Abbott; their grown-up children live nearby',
    children: [],
    approvedDaysAgo: 900, terms: { children: 3, ageFrom: 0, ageTo: 17, gender: 'any', careTypes: ['short_term', 'long_term', 'emergency'] },
    reviews: [530, 165], visits: { first: 880, every: 27, last: 9 }, payment: 'level_3',
    training: [[820, 'Training, Support and Development standards completed', 28], [400, 'Supporting children through family time', 4]],
  },
];

/** A demonstration carer's record, by family name, from the register (for the scenes that place children with them). */
export async function demoCarerId(s: Services, familyName: string): Promise<string | undefined> {
  return [...(await s.fosterCarers.forPlacement()).values()].find((c) => c.name.endsWith(` ${familyName}`))?.id;
}

const views = [
  ['carers', 'We feel well supported; we would like more notice of contact changes.'],
  ['household', 'Written views from the household.'],
  ['ssw', 'Warm, consistent care; good record keeping; engages with training.'],
  ['children', 'The child drew a picture of the house and said they like their room.'],
  ['childrens_social_workers', 'The carer works well with the care plan and supports family time.'],
  ['childrens_iros', 'The IRO has no concerns about the care provided.'],
] as const;

/**
 * Registers the demonstration's in-house foster carers and imports their histories since approval
 * (approval, the supervising social worker, visits, reviews with written views and shared reports,
 * the first review's panel, training, payment level, support), then links the children's
 * placements, recorded before the register, to their records.
 */
export async function fosterCarerScenes(s: Services, admin: RequestContext, as: As, childrenOf: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At): Promise<void> {
  const ssw = as('rebecca.lewis');
  const manager = as('owen.parry');
  const iro = as('ruth.adeyemi').actor;
  const panelAdviser = manager.actor;
  const by = (actor: Actor) => ({ userId: actor.userId, displayName: actor.displayName });
  for (const c of demoCarers) {
    setClock(at(c.approvedDaysAgo + 400, 10));
    const registered = await s.people.register(ssw, {
      kind: 'adult', givenNames: c.given, familyName: c.family, preferredName: null, dateOfBirth: londonDate(at(c.born * 365 + 40)), expectedDateOfBirth: null, gender: 'F',
      ethnicity: c.family === 'Okafor' ? 'BAFR' : 'WBRI', firstLanguage: 'English', religion: null, disabilities: [], nhsNumber: null, upn: null, uasc: false, immigrationStatus: null,
      organisation: null, professionalRole: null, phone: null, email: null, address: null, externalId: null, confirmNotDuplicate: true,
    });
    if (registered.outcome !== 'registered') continue;
    const id = registered.record.id;
    const event = (daysAgo: number, type: string, data: Record<string, unknown>, actor: Actor = ssw.actor, hour = 11): ImportedEvent => ({ personId: id, type, occurredAt: at(daysAgo, hour), data, recordedBy: by(actor) });

    const history: ImportedEvent[] = [
      event(c.approvedDaysAgo, 'fostering.carer_approved', { terms: c.terms, approvalKind: 'mainstream', panelOn: londonDate(at(c.approvedDaysAgo + 14)), decisionOn: londonDate(at(c.approvedDaysAgo)), household: c.household, summary: `Approved as foster carers: ${c.household}` }, as('gillian.ward').actor, 15),
      event(c.approvedDaysAgo - 20, 'fostering.payment_level_set', { level: 'level_1', reason: 'Newly approved.', summary: 'Payment level: level 1' }),
      event(c.approvedDaysAgo - 21, 'fostering.support_recorded', { kind: 'out_of_hours', detail: 'Fostering out of hours line and the Emergency Duty Service number given.', summary: 'Out of hours support' }),
      event(c.approvedDaysAgo - 60, 'fostering.support_recorded', { kind: 'support_group', detail: 'Thornleigh foster carers’ cluster group, first Tuesday of the month.', summary: 'Cluster group' }),
      event(c.approvedDaysAgo - 90, 'fostering.payment_level_set', { level: c.payment, reason: 'Training, Support and Development standards completed; experience with the children placed.', summary: `Payment level: ${c.payment.replace('_', ' ')}` }),
      ...c.training.map(([d, course, hours]) => event(d, 'fostering.training_recorded', { course, hours, summary: `${course} (${hours} hours)` })),
    ];
    for (let d = c.visits.first, n = 0; d >= c.visits.last; d -= c.visits.every, n++) {
      history.push(event(d, 'fostering.supervising_visit', { unannounced: n % 4 === 3, summary: n % 4 === 3 ? 'Unannounced visit: home clean and calm; the children at school.' : 'Supervision: the children placed, training, support needs and recording discussed.' }, ssw.actor, 14));
    }
    for (const r of c.reviews) {
      for (const [source, text] of views) history.push(event(r + 21, 'fostering.review_views_received', { source, received: true, views: text, summary: 'Written views received' }));
      history.push(event(r + 10, 'fostering.report_shared', { for: 'carer_review', summary: 'Review report shared with the carers' }));
      history.push(event(r, 'fostering.carer_reviewed', { recommendation: 'continue', feedback: 'Good support from the supervising social worker; would like more respite.', suitability: 'Continue to be suitable on the same terms.', actionPlan: 'Attachment and trauma training this year; a respite weekend each quarter.', chairId: iro.userId, chairName: iro.displayName, summary: `Review chaired by ${iro.displayName}: continue on the same terms` }, iro, 10));
    }
    history.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    setClock(at(0, 8));
    const recorded = await s.people.importEvents(admin, history);

    // The first review went to the Fostering Panel (Family Placement 32).
    const first = recorded.find((e) => e.type === 'fostering.carer_reviewed');
    const links: ImportedEvent[] = [];
    if (first) links.push(event(c.reviews[0]! - 35, 'fostering.panel_considered', { about: 'carer_review', reviewId: first.id, recommendation: 'continue', carersInvited: true, minutes: 'First review: the panel recommends continued approval on the same terms.', summary: 'Fostering Panel recommended: continue on the same terms' }, panelAdviser, 13));
    // The children's placements, recorded before the register, linked to the carer's record.
    for (const placed of c.children) {
      for (const childId of childrenOf.get(placed.surname) ?? []) {
        for (const p of (await s.people.streamOf(childId)).filter((e) => e.type === 'cic.placement_started' && e.data.carer === placed.carer)) {
          links.push(event(Math.round((at(0).getTime() - p.occurredAt.getTime()) / 86_400_000), 'fostering.placement_linked', { childId, placementId: String(p.data.placementId ?? p.id), summary: 'A placement recorded before the register linked to the carer' }, ssw.actor, 16));
        }
      }
    }
    if (links.length > 0) await s.people.importEvents(admin, links);

    // The team manager allocated the supervising social worker when they were approved.
    setClock(at(c.approvedDaysAgo - 1, 9));
    await s.fosterCarers.allocateSupervisingWorker(manager, id, { workerId: ssw.actor.userId });
  }
  setClock(at(0, 8));
}

import { z } from 'zod';
import { can, holdsCase, managesRecord, type Actor } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { managerRoles } from '../../domain/access/roles';
import {
  adopterJourneyOf,
  adopterStageLabels,
  adopterStepRefusal,
  s51Outcomes,
  supportNeeds,
  supportOutcomes,
  supportRequestsOf,
  supportStepRefusal,
  supportTypes,
  type AdopterJourney,
  type SupportRequest,
} from '../../domain/adoption/adopters';
import { adoptionJourneyOf, decisionChoices, recommendationChoices, stageOf } from '../../domain/adoption/adoptionJourney';
import { fullName } from '../../domain/people/personDetails';
import { londonDate } from '../../domain/calendar/localDate';
import type { RecordedEvent } from '../../domain/records/events';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Executor } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { formList } from '../../platform/http/forms';
import { choiceValues, optionalText, requiredText } from '../../platform/validation';
import { checkedAt, notBefore, type When } from '../../platform/when';
import type { PersonRecord } from '../people/peopleRepository';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import type { StaffDirectory } from '../staff/staffDirectory';

export const adopterAudit = 'adoption.adopter_recorded';
export const supportAudit = 'adoption.support_recorded';
export type SupportKind = 'support' | 's51';

const registerSchema = z.object({
  household: requiredText('Enter the household’s name, as the applicants want it shown (for example "Sarah and James Whitfield")', 200, 'The household'),
  secondApplicant: optionalText(200, 'The second applicant'),
  children: optionalText(2000, 'Other members of the household'),
  workerId: requiredText('Select the assessing social worker', 100, 'The assessing social worker'),
});
const assessmentSchema = z.object({ summary: requiredText('Enter the assessment’s conclusion and the approval it recommends', 4000, 'The conclusion') });
const panelSchema = z.object({ recommendation: z.enum(choiceValues(recommendationChoices), { error: "Select the panel's recommendation" }), summary: requiredText("Enter the panel's reasons", 4000, 'The reasons') });
const decisionSchema = z.object({ decision: z.enum(choiceValues(decisionChoices), { error: 'Select the decision' }), summary: requiredText("Enter the reasons for the agency decision maker's decision", 4000, 'The reasons') });
const withdrawSchema = z.object({ summary: requiredText('Enter why the assessment ended', 2000, 'Why') });
const requestSchema = z.object({ from: requiredText('Enter who asked', 200, 'Who asked'), summary: requiredText('Enter what was asked for', 4000, 'What was asked for') });
const allocateSchema = z.object({ requestId: requiredText('Select the request', 100, 'The request'), workerId: requiredText('Select the worker', 100, 'The worker') });
const closeSchema = (outcomes: readonly { value: string }[]) => z.object({ requestId: requiredText('Select the request', 100, 'The request'), outcome: z.enum(choiceValues(outcomes), { error: 'Select the outcome' }), summary: requiredText('Enter what was done', 4000, 'What was done') });

const isManager = (actor: Actor) => actor.roles.some((r) => managerRoles.includes(r));
const isHeadOfService = (actor: Actor) => actor.roles.includes('head-of-service');

/**
 * Whether someone may record the Family Placement Team's work on an adopter's (or adopted adult's)
 * record: they read fostering and adoption (fostering:read), record work (work:record), and hold the
 * record (its allocated worker or team); a record not yet allocated is the Family Placement Team's
 * to take on (specialist-service-statement.txt 7.4.2-7.4.3), not any social worker's, IRO's or LADO's.
 */
export function mayRecordAdopterWork(actor: Actor, record: PersonRecord, familyPlacementTeamIds: readonly string[]): boolean {
  if (!can(actor, 'work:record', record) || !can(actor, 'fostering:read') || !holdsCase(actor, record)) return false;
  if (record.allocatedTeamId !== null) return true;
  return isHeadOfService(actor) || actor.teamIds.some((id) => familyPlacementTeamIds.includes(id));
}
/** Whether someone manages the record for the team manager's steps (sign-off, allocation): a manager of the team that holds it, or, for a record not yet allocated, of the Family Placement Team. */
function managesAdopterRecord(actor: Actor, record: PersonRecord, familyPlacementTeamIds: readonly string[]): boolean {
  if (!mayRecordAdopterWork(actor, record, familyPlacementTeamIds)) return false;
  return managesRecord(actor, record) || (record.allocatedTeamId === null && isManager(actor) && actor.teamIds.some((id) => familyPlacementTeamIds.includes(id)));
}

/**
 * Prospective adopters (on the first applicant's record), post-adoption support requests and
 * section 51 counselling requests (specialist-service-statement.txt 7.4.2-7.4.3), for the Family
 * Placement Team: the team manager allocates the assessment and the requests, and signs the
 * assessment off before panel; the panel recommends; the agency decision maker decides.
 */
export function adoptersService(people: PeopleService, staff: StaffDirectory) {
  const fptTeamIds = async () => (await staff.teams()).filter((t) => t.specialism === 'family-placement').map((t) => t.id);
  const refuseWork = (context: RequestContext, record: PersonRecord, teamIds: readonly string[]) => {
    if (!mayRecordAdopterWork(context.actor, record, teamIds)) throw new ForbiddenError("Prospective adopters and post-adoption work are recorded by the Family Placement Team, on records they hold");
  };
  /** A step on the adopters' record: the team's own work (work:record) is the Family Placement Team's; the panel and the ADM need only see the record. */
  const adopterStep = async (context: RequestContext, personId: string, permission: Permission, which: Parameters<typeof adopterStepRefusal>[1], field: string, events: Parameters<typeof recordStep<AdopterJourney>>[6]) => {
    const teamIds = await fptTeamIds();
    return recordStep(people, context, personId, permission, adopterAudit, { read: adopterJourneyOf, refusal: (j) => adopterStepRefusal(j!, which), field }, (j, now, record, tx) => {
      if (permission === 'work:record') refuseWork(context, record, teamIds);
      return events(j, now, record, tx);
    });
  };
  const supportStep = async (context: RequestContext, personId: string, field: string, events: (stream: RecordedEvent[], now: Date, record: PersonRecord, teamIds: readonly string[], tx: Executor) => ReturnType<Parameters<typeof recordStep<RecordedEvent[]>>[6]>) => {
    const teamIds = await fptTeamIds();
    return recordStep(people, context, personId, 'work:record', supportAudit, { read: (stream) => [...stream], refusal: () => null, field }, (stream, now, record, tx) => {
      refuseWork(context, record, teamIds);
      return events(stream, now, record, teamIds, tx);
    });
  };

  /** The Family Placement Team's workers (teams whose specialism is family placement), or every social worker where there is no such team. */
  async function familyPlacementWorkers() {
    const teams = (await staff.teams()).filter((t) => t.specialism === 'family-placement').map((t) => t.id);
    const members = (await staff.allMembers()).filter((m) => m.active && m.roles.some((r) => r === 'social-worker' || managerRoles.includes(r)));
    const fpt = members.filter((m) => m.teamIds.some((id) => teams.includes(id)));
    return (fpt.length ? fpt : members).map((m) => ({ id: m.id, name: m.displayName }));
  }

  return {
    familyPlacementWorkers,

    /** The adopters' and support parts of a person's adoption page, for a record already read (and audited) by the page. */
    async view(context: RequestContext, record: PersonRecord) {
      const stream = await people.streamOf(record.id);
      const adopter = adopterJourneyOf(stream);
      const teamIds = await fptTeamIds();
      const write = mayRecordAdopterWork(context.actor, record, teamIds);
      const manages = managesAdopterRecord(context.actor, record, teamIds);
      const requests = supportRequestsOf(stream);
      // The children matched with this household (the match is on each child's record), those the reader may see.
      const matchedIds = adopter.registered ? (await people.latestOfTypesForAll(['adoption.match_recommended'])).filter((e) => e.data.adopterId === record.id).map((e) => e.personId) : [];
      const visible = await people.visibleRecords(context, matchedIds);
      const matches = [];
      for (const id of matchedIds) {
        const child = visible.get(id);
        if (!child) continue;
        const journey = adoptionJourneyOf(await people.streamOf(id));
        matches.push({ id, name: fullName(child.details), stage: stageOf(journey), placedAt: journey.placed?.at ?? null });
      }
      return {
        adopter,
        matches,
        adopterStage: adopter.stage ? adopterStageLabels[adopter.stage] : null,
        requests,
        openRequests: requests.filter((r) => !r.closed),
        openKinds: { support: requests.some((r) => !r.closed && r.kind === 'support'), s51: requests.some((r) => !r.closed && r.kind === 's51') },
        supportNeeds,
        supportOutcomes,
        s51Outcomes,
        workers: write || manages ? await familyPlacementWorkers() : [],
        mayAdopter: {
          register: record.kind === 'adult' && write && adopterStepRefusal(adopter, 'register') === null,
          write: write && Boolean(adopter.registered),
          signOff: manages && adopterStepRefusal(adopter, 'assessment') === null,
          panel: can(context.actor, 'fostering_panel:record', record) && adopterStepRefusal(adopter, 'panel') === null,
          decide: can(context.actor, 'adm:decide', record) && adopterStepRefusal(adopter, 'decision') === null,
        },
        maySupport: { request: write, allocate: manages },
      };
    },

    /**
     * Registration allocates the record to the assessing worker and their Family Placement Team (as
     * the fostering application does), checked against the worker's caseload limit like any
     * allocation (issue 12): beyond it, only with the manager's reason (people.allocationTo).
     */
    async register(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const workers = await familyPlacementWorkers();
      const teams = (await staff.teams()).filter((t) => t.specialism === 'family-placement');
      const members = await staff.allMembers();
      return adopterStep(context, personId, 'work:record', 'register', 'household', async (_j, now, record, tx) => {
        if (record.kind !== 'adult') throw new ValidationError([{ field: 'household', message: "Prospective adopters are registered on the first applicant's record, an adult's" }]);
        const { data, at } = checkedAt(registerSchema, body, when, now);
        const worker = workers.find((w) => w.id === data.workerId);
        if (!worker) throw new ValidationError([{ field: 'workerId', message: 'Select the assessing social worker from the list' }]);
        const member = members.find((m) => m.id === worker.id);
        const team = teams.find((t) => (member?.teamIds ?? []).includes(t.id)) ?? null;
        return [
          { type: 'adoption.adopter_registered', occurredAt: at, data: { household: data.household, secondApplicant: data.secondApplicant ?? null, children: data.children ?? '', assessingWorker: worker.name, assessingWorkerId: worker.id, summary: `${data.household}: assessed by ${worker.name}` } },
          ...(member && team && (record.allocatedTeamId !== team.id || record.allocatedWorkerId !== worker.id) ? [await people.allocationTo(tx, now, { personId, worker: member, team, overLimitReason: body.overLimitReason })] : []),
        ];
      });
    },

    /** The assessment completed and signed off by the team manager before panel (7.4.3). */
    async assessment(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const teamIds = await fptTeamIds();
      return adopterStep(context, personId, 'work:record', 'assessment', 'summary', (j, now, record) => {
        if (!managesAdopterRecord(context.actor, record, teamIds)) throw new ForbiddenError("The prospective adopters' assessment is signed off by the team manager before it goes to panel (specialist-service-statement.txt 7.4.3)");
        const { data, at } = checkedAt(assessmentSchema, body, when, now);
        notBefore(at, j.registered!.at, when.fields?.date ?? 'occurredOn', 'The assessment cannot be completed before the applicants registered, ');
        return [{ type: 'adoption.adopter_assessment_completed', occurredAt: at, data: { summary: data.summary } }];
      });
    },

    panel(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return adopterStep(context, personId, 'fostering_panel:record', 'panel', 'recommendation', (j, now) => {
        const { data, at } = checkedAt(panelSchema, body, when, now);
        notBefore(at, j.assessment!.at, when.fields?.date ?? 'occurredOn', 'The panel cannot be before the assessment was completed, ');
        return [{ type: 'adoption.adopter_panel_recommended', occurredAt: at, data: { recommendation: data.recommendation, panelOn: londonDate(at), summary: data.summary } }];
      });
    },

    decide(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      return adopterStep(context, personId, 'adm:decide', 'decision', 'decision', (j, now) => {
        const { data, at } = checkedAt(decisionSchema, body, when, now);
        notBefore(at, j.panel!.at, when.fields?.date ?? 'occurredOn', "The decision cannot be before the panel's recommendation, ");
        return [{ type: 'adoption.adopter_decided', occurredAt: at, data: { decision: data.decision, decisionOn: londonDate(at), summary: `${data.decision === 'agreed' ? 'Approved as adopters' : 'Not approved'}: ${data.summary}` } }];
      });
    },

    withdraw(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return adopterStep(context, personId, 'work:record', 'withdraw', 'summary', (_j, now) => [{ type: 'adoption.adopter_withdrawn', occurredAt: now, data: { summary: checkedAt(withdrawSchema, body, null, now).data.summary } }]);
    },

    /** A post-adoption support request, or an adopted adult's request for section 51 counselling (7.4.2). */
    request(context: RequestContext, personId: string, kind: SupportKind, body: Record<string, unknown>, when: When) {
      return supportStep(context, personId, 'from', (_s, now) => {
        const { data, at } = checkedAt(requestSchema, body, when, now);
        const needs = kind === 'support' ? formList(body, 'needs').filter((n) => supportNeeds.some((s) => s.value === n)) : [];
        if (kind === 'support' && needs.length === 0) throw new ValidationError([{ field: 'needs', message: 'Select the support asked for' }]);
        return [{ type: supportTypes[kind].requested, occurredAt: at, data: { from: data.from, needs, summary: data.summary } }];
      });
    },

    /**
     * The team manager allocates a request (7.4.3: "The Team Manager will allocate cases for pre and
     * post adoption support, and for section 51 counselling"). A record it allocates to the worker is
     * checked against their caseload limit like any allocation (issue 12; people.allocationTo).
     */
    async allocate(context: RequestContext, personId: string, kind: SupportKind, body: Record<string, unknown>) {
      const workers = await familyPlacementWorkers();
      const teams = (await staff.teams()).filter((t) => t.specialism === 'family-placement');
      const members = await staff.allMembers();
      return supportStep(context, personId, 'requestId', async (stream, now, record, teamIds, tx) => {
        if (!managesAdopterRecord(context.actor, record, teamIds)) throw new ForbiddenError('Post-adoption support and section 51 counselling are allocated by the team manager (specialist-service-statement.txt 7.4.3)');
        const { data } = checkedAt(allocateSchema, body, null, now);
        const request = openRequest(stream, kind, data.requestId, 'allocate');
        const worker = workers.find((w) => w.id === data.workerId);
        if (!worker) throw new ValidationError([{ field: 'workerId', message: 'Select the worker from the list' }]);
        // A record not yet allocated (an adopted adult asking for section 51 counselling) is allocated to the worker and their Family Placement Team.
        const member = members.find((m) => m.id === worker.id);
        const team = record.allocatedTeamId === null ? (teams.find((t) => (member?.teamIds ?? []).includes(t.id)) ?? null) : null;
        return [
          { type: supportTypes[kind].allocated, occurredAt: now, data: { requestId: request.id, worker: worker.name, workerId: worker.id, summary: `Allocated to ${worker.name}` } },
          ...(member && team ? [await people.allocationTo(tx, now, { personId, worker: member, team, overLimitReason: body.overLimitReason })] : []),
        ];
      });
    },

    close(context: RequestContext, personId: string, kind: SupportKind, body: Record<string, unknown>) {
      return supportStep(context, personId, 'requestId', (stream, now) => {
        const { data } = checkedAt(closeSchema(kind === 'support' ? supportOutcomes : s51Outcomes), body, null, now);
        const request = openRequest(stream, kind, data.requestId, 'close');
        const outcome = [...supportOutcomes, ...s51Outcomes].find((o) => o.value === data.outcome)!.text;
        return [{ type: supportTypes[kind].closed, occurredAt: now, data: { requestId: request.id, outcome: data.outcome, summary: `${outcome}: ${data.summary}` } }];
      });
    },
  };
}

function openRequest(stream: readonly RecordedEvent[], kind: SupportKind, id: string, step: 'allocate' | 'close'): SupportRequest {
  const request = supportRequestsOf(stream).find((r) => r.id === id && r.kind === kind);
  const refusal = supportStepRefusal(request, step);
  if (refusal) throw new ValidationError([{ field: 'requestId', message: refusal }]);
  return request!;
}

export type AdoptersService = ReturnType<typeof adoptersService>;

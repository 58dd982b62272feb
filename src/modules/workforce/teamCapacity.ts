import { sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { frontDoorConcerns, practitionerRatio, ratioFlagAbove, ratioPlace, ratioTarget, roundCases } from '../../domain/workforce/caseload';
import { transferEvent, transfersOf } from '../../domain/workforce/transfer';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import { eventStore } from '../../platform/events/eventStore';
import type { PeopleService } from '../people/peopleService';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { StaffMember, Team } from '../staff/staffRepository';
import type { CaseloadReader } from './caseloads';
import { workerRow } from './workforceViews';

/** The duty teams of 7.1.3: the front door (MASH) and the Contact, Referral and Assessment Service. */
const dutySpecialisms = ['front-door', 'assessment'];

const isHeadOfService = (actor: Actor) => actor.roles.includes('head-of-service');

/**
 * Team capacity at a glance (issue 12; specialist-service-statement.txt 5.2-5.3, 7.1.3): each
 * worker's weighted caseload against their limit, the practitioner-to-manager ratio of each team,
 * the front door's capacity, and the transfers into the reader's teams still waiting for their review.
 */
export function teamCapacity(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory, standards: StandardsService, reader: CaseloadReader) {
  /**
   * Records allocated to these teams (with or without a named worker) and not closed since: the
   * same closure filter as each worker's cases held (reader.openAllocations), so a team's total is
   * the sum of what its workers hold and what has no named worker.
   */
  async function allocatedToTeams(executor: Executor, teamIds: readonly string[]) {
    if (teamIds.length === 0) return [];
    const result = (await executor.execute(
      sql`select a.person_id, a.team_id, a.worker_id from (${people.allocationSql()}) a where a.team_id = any(${sql.param([...teamIds])}::uuid[])`,
    )) as unknown as { rows: { person_id: string; team_id: string; worker_id: string | null }[] };
    const open = await reader.openAllocations(executor, result.rows.map((r) => r.person_id));
    return result.rows.filter((r) => open.has(r.person_id));
  }

  /** The teams this person sees the capacity of: those they manage; the head of service, all. */
  async function teamsFor(actor: Actor): Promise<Team[]> {
    const teams = await staff.teams();
    return isHeadOfService(actor) ? teams : teams.filter((t) => actor.teamIds.includes(t.id));
  }

  return {
    /** Team capacity at a glance, for every team the reader manages (the head of service: all). */
    async capacity(context: RequestContext) {
      const today = londonDate(clock.now());
      const teams = await teamsFor(context.actor);
      const membersByTeam = new Map<string, StaffMember[]>();
      for (const team of teams) membersByTeam.set(team.id, (await staff.membersOf(team.id)).filter((m) => m.active));
      const everyone = new Map([...membersByTeam.values()].flat().map((m) => [m.id, m]));
      const caseloads = await reader.ofWorkers(db, [...everyone.values()].map((m) => ({ id: m.id, roles: m.roles })), today);
      const allocated = await allocatedToTeams(db, teams.map((t) => t.id));

      const views = teams.map((team) => {
        const members = membersByTeam.get(team.id) ?? [];
        const holdsHere = (m: StaffMember) => (caseloads.get(m.id)?.held ?? []).some((c) => c.teamId === team.id);
        const listed = members.filter((m) => ratioPlace(m.roles) !== null || holdsHere(m));
        const practitioners = members.filter((m) => ratioPlace(m.roles) === 'practitioner').length;
        const managers = members.filter((m) => ratioPlace(m.roles) === 'manager').length;
        const workers = listed.map((m) => ({ ...workerRow(m, caseloads.get(m.id)!), manager: ratioPlace(m.roles) === 'manager' }));
        const withLimit = workers.filter((w) => w.headroom !== null);
        const here = allocated.filter((a) => a.team_id === team.id);
        // The Youth Offending Service's own cases are its members' open youth justice cases (issue 12):
        // the records stay allocated to their social care teams, so they are counted from the caseloads.
        const onRecord = new Set(here.map((a) => a.person_id));
        const youthJustice = team.specialism === 'youth-offending'
          ? new Set(members.flatMap((m) => (caseloads.get(m.id)?.held ?? []).filter((c) => c.via === 'youth_justice' && !onRecord.has(c.personId)).map((c) => c.personId)))
          : new Set<string>();
        return {
          team,
          workers,
          ratio: { practitioners, managers, ...practitionerRatio(practitioners, managers) },
          cases: here.length + youthJustice.size,
          noNamedWorker: here.filter((a) => !a.worker_id).length,
          overLimit: workers.filter((w) => w.status === 'over_limit').length,
          headroom: roundCases(withLimit.reduce((sum, w) => sum + Math.max(0, w.headroom ?? 0), 0)),
          duty: team.specialism !== null && dutySpecialisms.includes(team.specialism),
        };
      });

      // The front door's capacity (7.1.3), when the reader sees a duty team.
      const duty = views.filter((v) => v.duty);
      let frontDoor = null;
      if (duty.length > 0) {
        const dutyIds = new Set(duty.map((v) => v.team.id));
        const held = allocated.filter((a) => dutyIds.has(a.team_id)).map((a) => a.person_id);
        const plans = await eventStore.latestOfTypes(db, held, ['cin.plan_started', 'cin.plan_ended']);
        const decisions = await standards.openOfRule('front-door.threshold-decision', 1000, context.actor);
        const waiting = new Set(decisions.map((d) => d.obligation.personId));
        const late = new Set(decisions.filter((d) => d.state === 'overdue').map((d) => d.obligation.personId));
        const dutyWorkers = duty.flatMap((v) => v.workers);
        // Qualified social workers (7.1.3: "a minimum of 2 QSWs per session"): a newly qualified
        // worker counts once their assessed and supported year is over (the limit no longer protected, 5.2).
        const qualified = [...new Map(dutyWorkers.filter((w) => !w.manager && !w.limit.protected).map((w) => [w.id, w])).values()].filter((w) => {
          const practitioner = caseloads.get(w.id)?.profile.practitioner;
          return (practitioner === 'qualified_social_worker' || practitioner === 'newly_qualified_social_worker') && (w.headroom ?? 0) >= 1;
        });
        const headroom = roundCases([...new Map(dutyWorkers.map((w) => [w.id, w])).values()].reduce((sum, w) => sum + Math.max(0, w.headroom ?? 0), 0));
        const figures = { qualifiedAvailable: qualified.length, awaitingDecision: waiting.size, awaitingDecisionOverdue: late.size, headroom };
        frontDoor = {
          teams: duty.map((v) => v.team.name),
          ...figures,
          qualifiedNames: qualified.map((w) => w.name),
          childrenInNeed: plans.filter((e) => e.type === 'cin.plan_started').length,
          casesHeld: held.length,
          noNamedWorker: duty.reduce((sum, v) => sum + v.noNamedWorker, 0),
          concerns: frontDoorConcerns(figures),
        };
      }

      // Transfers into these teams whose review is still to be held (Child in Need Plans and Reviews 9).
      const teamIds = new Set(teams.map((t) => t.id));
      const latest = await eventStore.latestOfTypes(db, allocated.map((a) => a.person_id), [transferEvent.meetingHeld, transferEvent.reviewHeld]);
      const pending = latest.filter((e) => e.type === transferEvent.meetingHeld && teamIds.has(String((e.data.to as Record<string, unknown> | undefined)?.teamId ?? '')));
      const visible = await people.visibleRecords(context, pending.map((e) => e.personId));
      const transfers = pending
        .filter((e) => visible.has(e.personId))
        .map((e) => {
          const [t] = transfersOf([e]);
          return { personId: e.personId, name: fullName(visible.get(e.personId)!.details), meetingAt: e.occurredAt, from: t!.from, to: t!.to };
        })
        .sort((a, b) => a.meetingAt.getTime() - b.meetingAt.getTime());

      await audit.record(db, context, { action: 'workforce.capacity_viewed', details: { teams: teams.map((t) => t.id), shown: transfers.map((t) => t.personId) } });
      return { teams: views, frontDoor, transfers, ratioTarget, ratioFlagAbove, today };
    },

  };
}

import { latestAssessment, type AssessmentEvent } from '../../domain/assessment/assessmentState';
import { carePackagesOf, isLive } from '../../domain/placements/carePackages';
import type { ReferralContent } from '../../domain/panel/referral';
import { fullName } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import { safetyPlanOf } from '../../domain/safetyPlan/safetyPlan';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { PeopleService } from '../people/peopleService';
import type { PersonRecord } from '../people/peopleRepository';
import type { StaffDirectory } from '../staff/staffDirectory';

const siblings = new Set(['sibling', 'half-sibling']);
const networkTypes = new Set(['family-friend', 'professional']);

/**
 * A new referral prefilled from what Hearth knows (issue 8): the allocated worker and team, the
 * child and their siblings, the adults related to them, their support network and safety plan,
 * the latest assessment's danger statements, safety goals and scaling, and the care package's
 * weekly cost. The worker checks and completes it.
 */
export async function referralPrefill(context: RequestContext, people: PeopleService, staff: StaffDirectory, record: PersonRecord, stream: readonly RecordedEvent[], panelDate: string, criterion: string, today: string): Promise<ReferralContent> {
  const [worker, team, related] = await Promise.all([
    record.allocatedWorkerId ? staff.member(record.allocatedWorkerId) : null,
    record.allocatedTeamId ? staff.team(record.allocatedTeamId) : null,
    people.currentRelationships(context, record),
  ]);
  const visible = related.filter((r) => r.person.visible);
  const children = [
    { name: fullName(record.details), dateOfBirth: record.details.dateOfBirth ?? '', relationship: 'Self' },
    ...visible.filter((r) => r.person.kind === 'child' && siblings.has(r.type)).map((r) => ({ name: r.person.name, dateOfBirth: r.person.dateOfBirth ?? '', relationship: r.label })),
  ];
  // "Relevant Family Members (starting with the children and including all carers)".
  const family = [...children, ...visible.filter((r) => r.person.kind !== 'professional' && !networkTypes.has(r.type) && !siblings.has(r.type)).map((r) => ({ name: r.person.name, dateOfBirth: r.person.dateOfBirth ?? '', relationship: r.label }))];
  const plan = safetyPlanOf(stream).current;
  const network = [
    ...visible.filter((r) => networkTypes.has(r.type) || r.person.kind === 'professional').map((r) => ({ name: r.person.name, role: r.label })),
    ...(plan?.content.network ?? []).map((m) => ({ name: m.name, role: m.role })),
  ].filter((m, i, all) => all.findIndex((x) => x.name.toLowerCase() === m.name.toLowerCase()) === i);

  const assessment = latestAssessment(stream as readonly AssessmentEvent[])?.submission?.content;
  const dangers = assessment?.dangerStatements?.length ? assessment.dangerStatements : (plan?.content.dangers.map((d) => d.danger) ?? []);
  const goals = assessment?.safetyGoals?.length ? assessment.safetyGoals : (plan?.content.dangers.map((d) => d.goal) ?? []);
  // Each person's latest score.
  const latest = new Map<string, { name: string; role: string; score: number | null; reasons: string }>();
  for (const s of [...(assessment?.scaling ?? [])].sort((a, b) => (a.on < b.on ? -1 : 1))) latest.set(s.person.toLowerCase(), { name: s.person, role: '', score: s.score, reasons: s.reason });
  if (latest.size === 0) for (const d of plan?.content.dangers ?? []) for (const s of d.scaling) latest.set(s.who.toLowerCase(), { name: s.who, role: '', score: s.score, reasons: s.why });

  const live = carePackagesOf(stream).filter((p) => isLive(p, today));
  const current = live.find((p) => p.status === 'approved') ?? live.at(-1);

  return {
    panelDate, criterion,
    worker: worker?.displayName ?? context.actor.displayName,
    team: team?.name ?? '',
    children, family, network,
    familyNetworkMeeting: '', safetyPlan: plan ? 'yes' : '', whyNot: '',
    mainIssues: '', ask: '', alternatives: '', parentsViews: '', childsWishes: assessment?.childsViews ?? plan?.content.childsVoice ?? '',
    weeklyPence: current?.weeklyPence ?? null, periodWeeks: null, period: null,
    pastHarm: '', futureDanger: '', complicatingFactors: '', existingStrengths: '', existingSafety: '', nextSteps: '',
    dangerStatements: dangers.filter(Boolean).join('\n'), safetyGoals: goals.filter(Boolean).join('\n'), scaling: [...latest.values()],
  };
}

import { caseloadStatusLabels, complexityLevels, type WorkerCaseload } from '../../domain/workforce/caseload';
import { practitionerKinds } from '../../domain/workforce/profile';
import type { StaffMember } from '../staff/staffRepository';

export const practitionerText = Object.fromEntries(practitionerKinds.map((p) => [p.value, p.text])) as Record<string, string>;
export const levelText = Object.fromEntries(complexityLevels.map((l) => [l.value, l.text])) as Record<string, string>;

function limitText(minimum: number | null, maximum: number | null): string {
  if (maximum !== null) return minimum !== null ? `${minimum} to ${maximum}` : `Up to ${maximum}`;
  return minimum !== null ? `At least ${minimum}` : 'None set';
}

/** A worker's caseload as the workforce pages show it. */
export function workerRow(member: StaffMember, c: WorkerCaseload) {
  return {
    id: member.id,
    name: member.displayName,
    jobTitle: member.jobTitle,
    practitioner: practitionerText[c.profile.practitioner] ?? c.profile.practitioner,
    fte: c.profile.fte,
    recorded: c.recorded,
    cases: c.cases,
    weighted: c.weighted,
    limit: c.limit,
    status: c.status,
    statusLabel: caseloadStatusLabels[c.status],
    headroom: c.headroom,
    limitText: limitText(c.limit.minimum, c.limit.maximum),
    headroomText: c.headroom === null ? '' : String(c.headroom),
  };
}

/**
 * The roles people hold in the service. The identifiers are relied on by administrators'
 * scripts (`npx hearth user add <username> --role <role>`): keep them stable.
 */
export const roles = [
  'social-worker',
  'personal-adviser',
  'early-help-worker',
  'assistant-team-manager',
  'team-manager',
  'service-manager',
  'head-of-service',
  'iro',
  'cp-chair',
  'placements-officer',
  'family-time-worker',
  'panel-chair',
  'finance-officer',
  'performance-officer',
  'business-support',
  'lado',
  'agency-decision-maker',
  'youth-justice-officer',
  'occupational-therapist',
  'administrator',
  'auditor',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  'social-worker': 'Social worker',
  'personal-adviser': 'Personal adviser',
  'early-help-worker': 'Early help worker',
  'assistant-team-manager': 'Assistant team manager',
  'team-manager': 'Team manager',
  'service-manager': 'Service manager',
  'head-of-service': 'Head of service',
  iro: 'Independent reviewing officer',
  'cp-chair': 'Child protection conference chair',
  'placements-officer': 'Placements officer (Resource Service)',
  'family-time-worker': 'Family time worker',
  'panel-chair': 'Resource and Care Panel chair',
  'finance-officer': 'Finance officer',
  'performance-officer': 'Performance and data officer',
  'business-support': 'Business support',
  lado: 'Local Authority Designated Officer (LADO)',
  'agency-decision-maker': 'Agency decision maker (fostering and adoption)',
  'youth-justice-officer': 'Youth justice officer (Youth Offending Service)',
  'occupational-therapist': "Occupational therapist (Disabled Children's Team)",
  administrator: 'Administrator',
  auditor: 'Auditor',
};

/**
 * Managers in a team's line: they oversee every case allocated to a team they belong to
 * (specialist-service-statement.txt 5.3, management oversight of work and supervision).
 */
export const managerRoles: readonly Role[] = [
  'assistant-team-manager',
  'team-manager',
  'service-manager',
  'head-of-service',
];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

import { z } from 'zod';
import { roles } from '../../domain/access/roles';
import { checkboxes, optionalChoice, optionalText, requiredText } from '../../platform/validation';

export const usernameSchema = z
  .string({ error: 'Enter a username' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter a username')
  .max(50, 'Username must be 50 characters or fewer')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Username must use only letters, numbers, full stops, hyphens and underscores, starting with a letter or number');

const roleList = checkboxes(z.enum(roles, { error: 'Select a role from the list' })).refine((r) => r.length > 0, 'Select at least one role');
const teamList = checkboxes(z.uuid({ error: 'Select a team from the list' }));

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: requiredText('Enter the person’s full name', 100, 'Full name'),
  email: optionalText(200, 'Email').refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an email address in the correct format, like name@example.gov.uk'),
  jobTitle: optionalText(100, 'Job title'),
  roles: roleList,
  teamIds: teamList,
  password: z.string({ error: 'Enter a password' }).min(1, 'Enter a password'),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const accessChangeSchema = z.object({ roles: roleList, teamIds: teamList });
export type AccessChange = z.infer<typeof accessChangeSchema>;

export const passwordResetSchema = z.object({ password: z.string({ error: 'Enter a password' }).min(1, 'Enter a password') });

export const tokenIssueSchema = z.object({ label: requiredText('Enter what the token is for, like "nightly export"', 100, 'Label') });

/** Kinds of team a practice standard can depend on (a rule's cohort). */
export const teamSpecialisms = [
  { code: 'front-door', label: 'Front door (MASH)' },
  { code: 'assessment', label: 'Referral and assessment' },
  { code: 'child-protection', label: 'Child protection and court' },
  { code: 'family-support', label: 'Family support and intervention' },
  { code: 'disabled-children', label: "Disabled children's team" },
  { code: 'children-in-care', label: 'Children in care and leaving care' },
  { code: 'family-placement', label: 'Fostering and adoption' },
  { code: 'placements', label: 'Placements (Resource Service)' },
  { code: 'family-time', label: 'Family time' },
  { code: 'pathways', label: 'Pathways' },
  { code: 'quality-assurance', label: 'Quality assurance and safeguarding' },
  { code: 'early-help', label: 'Early help' },
  { code: 'youth-offending', label: 'Youth offending' },
  { code: 'occupational-therapy', label: 'Occupational therapy' },
  { code: 'assist', label: 'Autism information, support and training (ASSIST)' },
  { code: 'short-breaks', label: 'Short breaks' },
] as const;

export const newTeamSchema = z.object({
  name: requiredText('Enter the team’s name', 100, 'Team name'),
  service: requiredText('Enter the service the team belongs to', 100, 'Service'),
  purpose: optionalText(500, 'Purpose'),
  specialism: optionalChoice(teamSpecialisms.map((t) => t.code) as [string, ...string[]], 'kind of team'),
});
export type NewTeam = z.infer<typeof newTeamSchema>;

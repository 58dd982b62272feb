import type { Role } from '../../domain/access/roles';

/** The demonstration authority: fictional, like everyone in it. */
export const demoAuthorityName = 'Wealdmoor Borough Council';

const specialist = "Children and Young People's Specialist Service";
const resource = 'Resource Service';

/**
 * The teams of specialist-service-statement.txt section 6 (the Children and Families Assessment
 * and Intervention Team in its two services, 6.1.1), a Front Door (MASH), the Resource Service
 * teams of resource-service-policy.txt 1.3, and the units IROs, chairs, LADO and early help sit in.
 */
export const demoTeams = [
  { key: 'mash', specialism: 'front-door', name: 'Front Door (MASH)', service: 'Front Door', purpose: 'Receives every contact, runs MASH enquiries with partner agencies and makes threshold decisions.' },
  { key: 'cras', specialism: 'assessment', name: 'Contact, Referral and Assessment Service', service: specialist, purpose: 'CFAIT (6.1.1): referrals accepted at the front door, Child and Family Assessments and children in need.' },
  { key: 'cpc', specialism: 'child-protection', name: 'Child Protection and Court Service', service: specialist, purpose: 'CFAIT (6.1.1): child protection plans and care proceedings.' },
  { key: 'scypf', specialism: 'family-support', name: 'Specialist Children, Young People and Families Team', service: specialist, purpose: 'Interventions to prevent family breakdown and avoid admissions to care, for 0 to 19 year olds (6.2).' },
  { key: 'dct', specialism: 'disabled-children', name: "Disabled Children's Team", service: specialist, purpose: 'Social work and occupational therapy for disabled children, and the hospital duty service (6.3).' },
  { key: 'cic', specialism: 'children-in-care', name: 'Children in Care and Moving On Team', service: specialist, purpose: 'Children in care, permanence, young people leaving care and care leavers (6.4).' },
  { key: 'fpt', specialism: 'family-placement', name: 'Family Placement Team', service: specialist, purpose: "The council's fostering (including Family Link) and adoption services (6.5)." },
  { key: 'placements', specialism: 'placements', name: 'Placements Team (Frogna Team)', service: resource, purpose: 'Finds and commissions placements from providers rated Good or better (resource-service-policy 1.3).' },
  { key: 'familyTime', specialism: 'family-time', name: 'Family Time Team (Primrose Hill Team)', service: resource, purpose: 'Supervised family time for children and their families (resource-service-policy 2.2).' },
  { key: 'pathways', specialism: 'pathways', name: 'Pathways Project (FitzJohns Team)', service: resource, purpose: 'The Pathways Project (resource-service-policy 1.3).' },
  { key: 'qa', specialism: 'quality-assurance', name: 'Safeguarding and Quality Assurance Unit', service: 'Quality Assurance', purpose: 'Independent reviewing officers, child protection conference chairs and the LADO.' },
  { key: 'earlyHelp', specialism: 'early-help', name: 'Early Help Hub', service: 'Early Help', purpose: 'Integrated early help for families below the social care threshold.' },
  { key: 'assist', specialism: 'assist', name: 'ASSIST (Autistic Spectrum Service for Information Support and Training)', service: 'Early Help', purpose: 'Information, parent programmes and focused family or school support from an autism perspective (practice-standards Section 1: ASSIST).' },
  { key: 'yos', specialism: 'youth-offending', name: 'Youth Offending Service', service: 'Youth Justice', purpose: 'Out-of-court disposals, statutory court orders and custody for children who offend (practice-standards Section 1: Youth Offending Service).' },
] as const;

export type DemoTeamKey = (typeof demoTeams)[number]['key'];

export interface DemoStaffMember {
  username: string;
  displayName: string;
  jobTitle: string;
  roles: Role[];
  teams: DemoTeamKey[];
}

/** About twenty staff, covering every role, with usernames a newcomer can guess. */
export const demoStaff: DemoStaffMember[] = [
  { username: 'helen.okafor', displayName: 'Helen Okafor', jobTitle: "Head of Children's Social Care", roles: ['head-of-service'], teams: [] },
  { username: 'marcus.bell', displayName: 'Marcus Bell', jobTitle: 'Service Manager, Specialist Service', roles: ['service-manager'], teams: ['mash', 'cras', 'cpc', 'scypf', 'dct', 'cic', 'fpt'] },
  { username: 'joanna.kay', displayName: 'Joanna Kay', jobTitle: 'Resources Service Manager', roles: ['service-manager'], teams: ['placements', 'familyTime', 'pathways'] },
  { username: 'priya.shah', displayName: 'Priya Shah', jobTitle: 'Team Manager, Front Door (Duty Manager)', roles: ['team-manager'], teams: ['mash'] },
  { username: 'tom.reilly', displayName: 'Tom Reilly', jobTitle: 'Assistant Team Manager', roles: ['assistant-team-manager'], teams: ['cras'] },
  { username: 'sam.patel', displayName: 'Sam Patel', jobTitle: 'Social Worker', roles: ['social-worker'], teams: ['cras'] },
  { username: 'hannah.scott', displayName: 'Hannah Scott', jobTitle: 'Social Worker', roles: ['social-worker'], teams: ['scypf'] },
  { username: 'grace.mensah', displayName: 'Grace Mensah', jobTitle: 'Team Manager, Child Protection and Court', roles: ['team-manager'], teams: ['cpc'] },
  { username: 'jess.morgan', displayName: 'Jess Morgan', jobTitle: 'Senior Social Worker', roles: ['social-worker'], teams: ['cpc'] },
  { username: 'sophie.turner', displayName: 'Sophie Turner', jobTitle: "Team Manager, Disabled Children's Team", roles: ['team-manager'], teams: ['dct'] },
  { username: 'chloe.evans', displayName: 'Chloe Evans', jobTitle: 'Social Worker, Disabled Children (hospital duty rota)', roles: ['social-worker'], teams: ['dct'] },
  { username: 'megan.holt', displayName: 'Megan Holt', jobTitle: "Occupational Therapist, Disabled Children's Team", roles: ['occupational-therapist'], teams: ['dct'] },
  { username: 'james.ellis', displayName: 'James Ellis', jobTitle: 'Newly Qualified Social Worker (assessed and supported year)', roles: ['social-worker'], teams: ['cras'] },
  { username: 'aisha.rahman', displayName: 'Aisha Rahman', jobTitle: 'Team Manager, Children in Care', roles: ['team-manager'], teams: ['cic'] },
  { username: 'daniel.hughes', displayName: 'Daniel Hughes', jobTitle: 'Social Worker', roles: ['social-worker'], teams: ['cic'] },
  { username: 'liam.oconnor', displayName: "Liam O'Connor", jobTitle: 'Personal Adviser', roles: ['personal-adviser'], teams: ['cic'] },
  { username: 'rebecca.lewis', displayName: 'Rebecca Lewis', jobTitle: 'Supervising Social Worker', roles: ['social-worker'], teams: ['fpt'] },
  { username: 'owen.parry', displayName: 'Owen Parry', jobTitle: 'Team Manager, Family Placement (Fostering Panel adviser)', roles: ['team-manager'], teams: ['fpt'] },
  { username: 'lucy.barnes', displayName: 'Lucy Barnes', jobTitle: 'Assessing Social Worker, Fostering and Adoption', roles: ['social-worker'], teams: ['fpt'] },
  { username: 'gillian.ward', displayName: 'Gillian Ward', jobTitle: 'Agency Decision Maker (Fostering and Adoption)', roles: ['agency-decision-maker'], teams: [] },
  { username: 'beth.taylor', displayName: 'Beth Taylor', jobTitle: 'Early Help Practitioner', roles: ['early-help-worker'], teams: ['earlyHelp'] },
  { username: 'rachel.kim', displayName: 'Rachel Kim', jobTitle: 'ASSIST Practitioner', roles: ['early-help-worker'], teams: ['assist'] },
  { username: 'kwame.asante', displayName: 'Kwame Asante', jobTitle: 'Team Manager, Youth Offending Service', roles: ['team-manager', 'youth-justice-officer'], teams: ['yos'] },
  { username: 'ellie.ford', displayName: 'Ellie Ford', jobTitle: 'Youth Justice Officer (case manager)', roles: ['youth-justice-officer'], teams: ['yos'] },
  { username: 'ruth.adeyemi', displayName: 'Ruth Adeyemi', jobTitle: 'Independent Reviewing Officer', roles: ['iro'], teams: ['qa'] },
  { username: 'martin.clarke', displayName: 'Martin Clarke', jobTitle: 'Child Protection Conference Chair', roles: ['cp-chair'], teams: ['qa'] },
  { username: 'fiona.grant', displayName: 'Fiona Grant', jobTitle: 'Local Authority Designated Officer', roles: ['lado'], teams: ['qa'] },
  { username: 'noah.williams', displayName: 'Noah Williams', jobTitle: 'Placements Social Worker', roles: ['placements-officer'], teams: ['placements'] },
  { username: 'zara.ahmed', displayName: 'Zara Ahmed', jobTitle: 'Family Time Worker', roles: ['family-time-worker'], teams: ['familyTime'] },
  { username: 'andrew.fletcher', displayName: 'Andrew Fletcher', jobTitle: 'Chair, Resource and Care Panel', roles: ['panel-chair'], teams: [] },
  { username: 'nadia.hussain', displayName: 'Nadia Hussain', jobTitle: 'Performance and Data Officer', roles: ['performance-officer'], teams: [] },
  { username: 'karen.doyle', displayName: 'Karen Doyle', jobTitle: 'Finance Officer', roles: ['finance-officer'], teams: [] },
  { username: 'emma.price', displayName: 'Emma Price', jobTitle: 'Business Support Officer', roles: ['business-support'], teams: ['mash', 'cras', 'cpc'] },
  { username: 'ian.brooks', displayName: 'Ian Brooks', jobTitle: 'Systems Administrator', roles: ['administrator'], teams: [] },
  { username: 'olivia.stone', displayName: 'Olivia Stone', jobTitle: 'Information Governance Auditor', roles: ['auditor'], teams: [] },
];

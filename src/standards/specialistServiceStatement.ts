import { z } from 'zod';
import type { CatalogueFile } from './catalogueTypes';
import { rules } from './catalogueTypes';

/**
 * specialist-service-statement.txt: Children and Young People's Specialist Service, a Service
 * Statement (2013). It predates the practice standards (it still speaks of Care First and of
 * initial and core assessments), so where it times something the practice standards also time,
 * its rule is kept but off, as an alternative the authority can switch on (issue 3: "both rules
 * exist and the authority's configuration says which is active").
 */
const document = 'specialist-service-statement' as const;
const staff = { document, section: '5 Caseloads and supervision ratios' };
const assessmentTeam = { document, section: '7.1.3 Process of work' };
const supportTeam = { document, section: '7.2.3 Process of work' };
const disabledChildrenTeam = { document, section: '7.3.3 Process of work' };
const familyPlacementScope = { document, section: '7.4.2 Scope of work' };

const passthrough = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const flag = (name: string) => z.boolean({ error: `${name} must be true or false` }).optional();

/** A new referral: a contact whose threshold decision accepted it for assessment or a strategy discussion. */
const acceptedReferral = [{ type: 'threshold.decided', where: { outcome: ['assessment', 'strategy_discussion'] } }] as const;
const dct = ['disabled-children'] as const;

export const specialistServiceStatement: CatalogueFile = {
  eventTypes: [
    { type: 'assessment.family_contacted', title: 'Initial contact made with the family about a referral', after: [{ type: 'contact.received' }] },
    { type: 'assessment.initial_assessment_completed', title: 'Initial assessment completed', after: [{ type: 'contact.received' }] },
    { type: 'assessment.core_assessment_started', title: 'Core assessment started' },
    { type: 'assessment.core_assessment_completed', title: 'Core assessment completed', after: [{ type: 'assessment.core_assessment_started' }] },
    { type: 'step_down.followed_up', title: 'Step-down services followed up after closure', after: [{ type: 'closure.completed' }] },
    { type: 'cic.permanency_plan_established', title: 'Permanency plan established', during: 'in-care', recordedOn: 'permanence' },
    { type: 'family_support.request_received', title: 'Request for family support services received' },
    { type: 'family_support.request_responded', title: 'Request for family support services responded to', after: [{ type: 'family_support.request_received' }] },
    // The hospital duty service (issue 12): recorded on /hospital-duty and the child's Hospital duty page
    // (src/modules/hospitalDuty/), or by the front door for a hospital contact; `data.referralId` (the front
    // door's `contactId`) ties each step to its referral.
    {
      type: 'cwd.hospital_referral_received',
      title: 'Hospital referral received by the Disabled Children’s Team',
      recordedOn: 'hospital-duty',
      data: passthrough({ admitted: flag('admitted'), outOfArea: flag('outOfArea') }),
    },
    {
      type: 'cwd.hospital_referral_passed_on',
      title: 'Hospital referral passed to the child’s home local authority',
      after: [{ type: 'cwd.hospital_referral_received' }],
      recordedOn: 'hospital-duty',
    },
    { type: 'cwd.ward_visited', title: 'Hospital ward visited by the duty social worker', after: [{ type: 'cwd.hospital_referral_received' }], recordedOn: 'hospital-duty' },
    {
      type: 'cwd.hospital_handover_accepted',
      title: 'Home local authority took case responsibility for the hospital referral',
      after: [{ type: 'cwd.hospital_referral_passed_on' }],
      recordedOn: 'hospital-duty',
    },
    {
      type: 'cwd.hospital_referral_taken_on',
      title: 'Hospital referral of this authority’s child handed to the front door or the Disabled Children’s Team',
      after: [{ type: 'cwd.hospital_referral_received' }],
      recordedOn: 'hospital-duty',
      data: passthrough({ route: z.enum(['front_door', 'disabled_childrens_team'], { error: 'route must be front_door or disabled_childrens_team' }) }),
    },
    {
      type: 'transitions.year_nine_review_held',
      title: 'Year 9 transition review held',
      data: passthrough({ continuingSupportAsAdult: flag('continuingSupportAsAdult') }),
    },
    // Workforce (issue 12): a case's weight in its worker's caseload, set by a manager ("In determining this, due
    // consideration will be given to the relative complexity of cases", 5.2), and transfers between teams with
    // the transfer review chaired by the receiving team's manager (practice-standards.txt, Section 2: Child in
    // Need Plans and Reviews 9). Recorded on their own pages (src/modules/workforce/), never on Record work.
    {
      type: 'case.complexity_assessed',
      title: 'Complexity of the case assessed by a manager (its weight in the caseload)',
      recordedOn: 'workforce',
      data: passthrough({
        weight: z.enum(['standard', 'complex', 'high'], { error: 'weight must be one of standard, complex, high' }),
        reason: z.string({ error: 'reason must be text' }).trim().min(1, 'reason must say why the case has this weight'),
      }),
    },
    {
      type: 'case.transfer_meeting_held',
      title: 'Transfer meeting held: the case transferred to another team',
      recordedOn: 'workforce',
      data: passthrough({ transferId: z.string({ error: 'transferId must be text' }).min(1, 'transferId must name the transfer') }),
    },
    {
      type: 'case.transfer_review_held',
      title: 'Transfer review held, chaired by the receiving team’s manager',
      recordedOn: 'workforce',
      after: [{ type: 'case.transfer_meeting_held' }],
      data: passthrough({ transferId: z.string({ error: 'transferId must be text' }).min(1, 'transferId must name the transfer it reviews') }),
    },
  ],
  rules: rules([
    {
      id: 'assessment.referral-response',
      kind: 'after',
      title: 'New referral responded to, with initial contact with the family, within 24 hours',
      citation: { ...assessmentTeam, paragraph: 'bullet 4' },
      quote: 'All new referrals will be responded to within a maximum of 24 hours during which initial contact will be made with the family and assessments commenced.',
      notes:
        "Counted from the contact, opened by the threshold decision that accepted it as a referral (for assessment or a strategy discussion); met by the initial contact with the family. Off by default: the practice standards time the response to a contact as the threshold decision within 24 hours (front-door.threshold-decision) and the family's first visit from allocation. Children of the Disabled Children's Team have 48 hours (assessment.referral-response-dct).",
      responsible: 'social-worker',
      starts: acceptedReferral,
      countFrom: [{ type: 'contact.received' }],
      satisfiedBy: [{ type: 'assessment.family_contacted' }],
      cohort: { exceptTeamSpecialisms: dct },
      within: { amount: 24, unit: 'hours' },
      enabled: false,
      alternativeTo: 'front-door.threshold-decision',
    },
    {
      id: 'assessment.child-seen-5-working-days',
      kind: 'after',
      title: 'Child seen within 5 working days of the referral',
      citation: { ...assessmentTeam, paragraph: 'bullet 4' },
      quote: 'The child will be seen within a maximum of 5 working days and this will be recorded in Care First – if it is not achieved an explanation must be recorded.',
      notes:
        "Counted from the contact, opened by the threshold decision that accepted it as a referral; met by the child being seen for the assessment or visited for a Section 47 enquiry. The explanation for a late visit is the late reason recorded with it. Off by default: the practice standards see the child within 3 days of allocation (assessment.child-seen).",
      responsible: 'social-worker',
      starts: acceptedReferral,
      countFrom: [{ type: 'contact.received' }],
      satisfiedBy: [{ type: 'assessment.child_seen' }, { type: 's47.child_visited' }],
      cohort: { exceptTeamSpecialisms: dct },
      within: { amount: 5, unit: 'working-days' },
      enabled: false,
      alternativeTo: 'assessment.child-seen',
    },
    {
      id: 'assessment.initial-assessment',
      kind: 'after',
      title: 'Initial assessment completed within 10 working days of the referral',
      citation: { ...assessmentTeam, paragraph: 'bullet 5' },
      quote: 'Initial assessments will be completed within 10 working days',
      notes:
        'Counted from the contact, opened by the threshold decision that accepted it as a referral. Off by default: the practice standards replace initial and core assessments with one Child and Family Assessment within 45 working days (assessment.complete).',
      responsible: 'social-worker',
      starts: acceptedReferral,
      countFrom: [{ type: 'contact.received' }],
      satisfiedBy: [{ type: 'assessment.initial_assessment_completed' }],
      within: { amount: 10, unit: 'working-days' },
      enabled: false,
      alternativeTo: 'assessment.complete',
    },
    {
      id: 'assessment.core-assessment',
      kind: 'after',
      title: 'Core assessment completed within a further 35 working days',
      citation: { ...assessmentTeam, paragraph: 'bullet 5' },
      quote: 'Initial assessments will be completed within 10 working days and core assessments within a further 35 working days.',
      notes:
        "'A further 35 working days' is counted from the latest initial assessment completed before the core assessment started, or from the core assessment's start when there was none. Off by default, as assessment.initial-assessment.",
      responsible: 'social-worker',
      starts: [{ type: 'assessment.core_assessment_started' }],
      countFrom: [{ type: 'assessment.initial_assessment_completed' }],
      satisfiedBy: [{ type: 'assessment.core_assessment_completed' }],
      within: { amount: 35, unit: 'working-days' },
      enabled: false,
      alternativeTo: 'assessment.complete',
    },
    {
      id: 'assessment.core-assessment-s47',
      kind: 'after',
      title: 'Core assessment of a Section 47 enquiry leading to a conference within 15 working days',
      citation: { ...assessmentTeam, paragraph: 'bullet 5' },
      quote: 'Core assessments triggered by section 47 investigations which have resulted in initial child protection conferences will be completed within 15 working days.',
      notes:
        'Counted from the start of the Section 47 enquiry that triggered it; an enquiry that ends without recommending a conference cancels it. Off by default: the practice standards complete the Section 47 enquiry within 5 working days of the strategy meeting (s47.complete).',
      responsible: 'social-worker',
      starts: [{ type: 's47.started' }],
      satisfiedBy: [{ type: 'assessment.core_assessment_completed' }],
      cancelledBy: [{ type: 's47.completed', where: { outcome: ['child_in_need_plan', 'no_further_action'] } }],
      within: { amount: 15, unit: 'working-days' },
      enabled: false,
      alternativeTo: 's47.complete',
    },
    {
      id: 'strategy.action-notes',
      kind: 'after',
      title: 'Strategy discussion action notes distributed within 24 hours',
      citation: { ...assessmentTeam, paragraph: 'bullet 7' },
      quote: 'Deputy Managers/Team Managers will convene strategic discussions in respect of potential Section 47 investigations and distribute action notes within 24 hours.',
      notes:
        "Bullet 14 (strategy discussions about existing cases) and 7.3.3 bullet 8 (the Disabled Children's Team) say the same, so one rule covers every child. Off by default: the practice standards circulate the actions immediately at the close of the meeting (strategy.actions-circulated), and the minutes within 24 hours (strategy.minutes).",
      responsible: 'assistant-team-manager',
      starts: [{ type: 'strategy.discussion_held' }],
      satisfiedBy: [{ type: 'strategy.actions_circulated' }],
      within: { amount: 24, unit: 'hours' },
      enabled: false,
      alternativeTo: 'strategy.actions-circulated',
    },
    {
      id: 'step-down.follow-up',
      kind: 'after',
      title: 'Step-down services checked with the service 3 months after closure',
      citation: { ...assessmentTeam, paragraph: 'bullet 11' },
      quote:
        "The allocated social worker will ensure that such services are in place when closing the case and 3 months later will contact the service to ascertain whether they remain appropriate to the child/young person's needs or require review.",
      notes:
        "3 months is calendar months from the case's closure with step-down services in place (`data.stepDown` on closure.completed). Bullet 15 asks the same of the Child Protection and Court Service when a plan ends or a child returns home ('keep this under review as outlined above'): the same rule, opened by that case's closure. The Disabled Children's Team contacts the child and family instead (step-down.follow-up-dct).",
      responsible: 'social-worker',
      starts: [{ type: 'closure.completed', where: { stepDown: true } }],
      satisfiedBy: [{ type: 'step_down.followed_up' }],
      cohort: { exceptTeamSpecialisms: dct },
      within: { amount: 3, unit: 'months' },
    },
    {
      id: 'cic.permanence-plan',
      kind: 'after',
      title: 'Permanence plan established by the 4 month review',
      citation: { ...assessmentTeam, paragraph: 'bullet 20' },
      quote: 'Permanency plans will be established for all children in care (accommodated under section 20 or subject to Orders) at their 4 month review.',
      notes:
        "Hearth reads 'at their 4 month review' as within 4 calendar months of coming into care (the second review falls at 4 months: practice standards Section 3, Children in Care 26). Leaving care first cancels it. Off by default: the practice standards ask for an outline permanency plan at the second review, whenever it falls (cic.outline-permanency-plan).",
      responsible: 'social-worker',
      starts: [{ type: 'cic.started' }],
      satisfiedBy: [{ type: 'cic.permanency_plan_established' }],
      episode: 'in-care',
      within: { amount: 4, unit: 'months' },
      enabled: false,
      alternativeTo: 'cic.outline-permanency-plan',
    },
    {
      id: 'family-support.request-response',
      kind: 'after',
      title: 'Request for family support services responded to within 48 hours',
      citation: { ...supportTeam, paragraph: 'bullet 1' },
      quote:
        'Requests for services will be received by the Team Manager and Deputy Team Manager (Specialist Child and Family Support Service): responded to within 48 hours (or same day if required) and allocated to an appropriate member of the Team.',
      notes: "48 hours from the request's receipt. 'Same day if required' is left to the manager: it is not a timescale Hearth can know applies.",
      responsible: 'team-manager',
      starts: [{ type: 'family_support.request_received' }],
      satisfiedBy: [{ type: 'family_support.request_responded' }],
      within: { amount: 48, unit: 'hours' },
    },
    {
      id: 'fostering.annual-review',
      kind: 'recurring',
      title: 'Foster carer and family link carer reviewed every year',
      citation: { ...familyPlacementScope, paragraph: 'bullet 6' },
      quote: 'To train, support and undertake annual reviews in respect of all registered foster carers and family link carers, and present annual reviews to the Fostering Panel.',
      notes:
        "On the carer's record: 12 months from approval, then from each review, until the approval ends. 7.4.3 bullet 6 says the same. Off by default: it is the same timescale as the practice standards' fostering.carer-review, and both on would count each review twice.",
      responsible: 'social-worker',
      starts: [{ type: 'fostering.carer_approved' }],
      satisfiedBy: [{ type: 'fostering.carer_reviewed' }],
      episode: 'foster-carer',
      every: { amount: 12, unit: 'months' },
      enabled: false,
      alternativeTo: 'fostering.carer-review',
    },
    {
      id: 'assessment.referral-response-dct',
      kind: 'after',
      title: "Disabled Children's Team: new referral responded to, with contact with the family, within 48 hours",
      citation: { ...disabledChildrenTeam, paragraph: 'bullet 6' },
      quote: 'All new referrals relating to disabled children and young people will be responded to within 48 hours during which contact will be made with the family.',
      notes:
        "Bullet 3 says the same. Counted from the contact, opened by the threshold decision that accepted it as a referral. Off by default: the practice standards give the Disabled Children's Team the same assessment timescales as everyone (Section 1, Children with Disabilities 6), whose response to a contact is front-door.threshold-decision.",
      responsible: 'social-worker',
      starts: acceptedReferral,
      countFrom: [{ type: 'contact.received' }],
      satisfiedBy: [{ type: 'assessment.family_contacted' }],
      cohort: { teamSpecialisms: dct },
      within: { amount: 48, unit: 'hours' },
      enabled: false,
      alternativeTo: 'front-door.threshold-decision',
    },
    {
      id: 'assessment.child-seen-5-working-days-dct',
      kind: 'after',
      title: "Disabled Children's Team: child seen within 5 working days of the referral",
      citation: { ...disabledChildrenTeam, paragraph: 'bullet 6' },
      quote: 'The aim will be to see the child within a maximum of 5 working days, and recorded on Care First – if this is not achieved an explanation must be recorded.',
      notes:
        "Bullet 3 says the same. Read as a timescale ('within a maximum of 5 working days'), not only an aim; the explanation for a late visit is the late reason recorded with it. Off by default: the practice standards give the Disabled Children's Team the same assessment timescales as everyone (Section 1, Children with Disabilities 6), which see the child within 3 days of allocation (assessment.child-seen).",
      responsible: 'social-worker',
      starts: acceptedReferral,
      countFrom: [{ type: 'contact.received' }],
      satisfiedBy: [{ type: 'assessment.child_seen' }, { type: 's47.child_visited' }],
      cohort: { teamSpecialisms: dct },
      within: { amount: 5, unit: 'working-days' },
      enabled: false,
      alternativeTo: 'assessment.child-seen',
    },
    {
      id: 'cwd.hospital-referral-passed-on',
      kind: 'after',
      title: 'Hospital referral of a child from another authority passed on the same day',
      citation: { ...disabledChildrenTeam, paragraph: 'bullet 4' },
      quote:
        'All new hospital referrals relating to children and young people residing in Wiltshire and Somerset will be responded immediately and referred to the appropriate Local Authority who will assume case responsibility within 24 hours.',
      notes: "'Immediately' is read as by the end of the London day the referral came in (0 days). Which referrals are from another authority is the referral's `data.outOfArea`; a referral and its passing on are tied by `data.referralId` when both carry one.",
      responsible: 'social-worker',
      starts: [{ type: 'cwd.hospital_referral_received', where: { outOfArea: true } }],
      satisfiedBy: [{ type: 'cwd.hospital_referral_passed_on' }],
      correlate: 'referralId',
      within: { amount: 0, unit: 'days' },
    },
    {
      id: 'cwd.hospital-handover',
      kind: 'after',
      title: 'Home authority takes case responsibility within 24 hours of the hospital referral',
      citation: { ...disabledChildrenTeam, paragraph: 'bullet 4' },
      quote:
        'All new hospital referrals relating to children and young people residing in Wiltshire and Somerset will be responded immediately and referred to the appropriate Local Authority who will assume case responsibility within 24 hours.',
      notes:
        "24 hours from the referral's receipt; met when the duty social worker records that the home authority has taken case responsibility (`cwd.hospital_handover_accepted`, tied by `data.referralId`). Taking it is the other authority's duty, but until it does the child is on this authority's hospital duty list: the clock is what the duty social worker chases.",
      responsible: 'social-worker',
      starts: [{ type: 'cwd.hospital_referral_received', where: { outOfArea: true } }],
      satisfiedBy: [{ type: 'cwd.hospital_handover_accepted' }],
      correlate: 'referralId',
      within: { amount: 24, unit: 'hours' },
    },
    {
      id: 'cwd.hospital-ward-visit',
      kind: 'after',
      title: 'Child admitted to hospital visited on the ward the same day',
      citation: { ...disabledChildrenTeam, paragraph: 'bullet 5' },
      quote: 'If the child/young person has been admitted to hospital the duty social worker will visit the ward on the same day.',
      notes: "The same London day as the hospital referral of a child who has been admitted (`data.admitted`), weekends and bank holidays included.",
      responsible: 'social-worker',
      starts: [{ type: 'cwd.hospital_referral_received', where: { admitted: true } }],
      satisfiedBy: [{ type: 'cwd.ward_visited' }],
      correlate: 'referralId',
      within: { amount: 0, unit: 'days' },
    },
    {
      id: 'cic.notification-dct',
      kind: 'after',
      title: "Disabled Children's Team: Independent Reviewing Service notified the day a child comes into care",
      citation: { ...disabledChildrenTeam, paragraph: 'bullet 9' },
      quote:
        'The Social Worker will convene planning meetings for children and young people about to come into care and ensure immediate notification to the Independent Reviewing Service, and notify Health, Education and Schools.',
      notes:
        "'Immediate' is read as by the end of the London day the child came into care (0 days). Off by default: the practice standards give every child in care, the Disabled Children's Team's included, 24 hours (cic.notification); if switched on, cic.notification still applies to these children as well.",
      responsible: 'social-worker',
      starts: [{ type: 'cic.started' }],
      satisfiedBy: [{ type: 'cic.notification_sent' }],
      episode: 'in-care',
      cohort: { teamSpecialisms: dct },
      within: { amount: 0, unit: 'days' },
      enabled: false,
      alternativeTo: 'cic.notification',
    },
    {
      id: 'transitions.adult-service-contacted',
      kind: 'before-birthday',
      title: "Disabled Children's Team: adult service contacted about continuing support by the 14th birthday",
      citation: { ...disabledChildrenTeam, paragraph: 'bullet 13' },
      quote:
        'Where there are plans for continuing support to the young person as an adult, contact will be made with the appropriate adult service by the time the young person is aged 14 following the Year 9 transition review in order to inform commissioning.',
      notes:
        "Opened by the Year 9 transition review that plans continuing support as an adult (`data.continuingSupportAsAdult`); due on the 14th birthday itself ('by the time the young person is aged 14'); met by notifying the Transitions Team, adult services' team for these young people. A review held after the 14th birthday opens none. Off by default: the practice standards notify the Transitions Team on the 14th birthday of every child of the team likely to need adult services, from when the child is known to the team (cwd.transitions-notification).",
      responsible: 'social-worker',
      starts: [{ type: 'transitions.year_nine_review_held', where: { continuingSupportAsAdult: true } }],
      satisfiedBy: [{ type: 'transitions.team_notified' }],
      cohort: { teamSpecialisms: dct },
      age: 14,
      ahead: { amount: 0, unit: 'days' },
      enabled: false,
      alternativeTo: 'cwd.transitions-notification',
    },
    {
      id: 'step-down.follow-up-dct',
      kind: 'after',
      title: "Disabled Children's Team: child and family contacted 3 months after closure with step-down services",
      citation: { ...disabledChildrenTeam, paragraph: 'bullet 14' },
      quote:
        'If a case is closed and arrangements have been made for step down services to meet the needs of the child/young person, the allocated Social Worker will (three months subsequent to the closure) contact the child/young person and family to determine whether the step down services remain appropriate or require review.',
      notes: "Calendar months from the case's closure with step-down services in place (`data.stepDown` on closure.completed); met by contacting the child and family.",
      responsible: 'social-worker',
      starts: [{ type: 'closure.completed', where: { stepDown: true } }],
      satisfiedBy: [{ type: 'step_down.followed_up' }],
      cohort: { teamSpecialisms: dct },
      within: { amount: 3, unit: 'months' },
    },
  ]),
  notModelled: [
    {
      citation: { ...staff, paragraph: '5.4' },
      quote: 'All CYPSS staff will receive supervision at least monthly.',
      reason: "About a member of staff, not a person's record: a worker's own supervision is tracked on their staff record by the Supervision pages (the contract, sessions signed by both, next due and overdue: src/domain/supervision/due.ts), unlike case supervision of a child's case, which each session writes on the child's record (supervision.case_discussed).",
    },
    {
      citation: { ...staff, paragraph: '5.4' },
      quote: 'Specific arrangements will be made for induction periods and assessed and supported years in employment to include more frequent supervision (weekly or fortnightly).',
      reason: "About a member of staff in their induction or assessed and supported year, not a person's record: their workforce profile gives the frequency (weekly, fortnightly) and the Supervision pages hold their contract to it, never less often.",
    },
  ],
};

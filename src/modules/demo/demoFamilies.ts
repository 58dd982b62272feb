import type { placementSettings } from '../../standards/coreEventTypes';

/**
 * The families of the demonstration authority. Everyone here is invented; any likeness to a
 * real person is chance. Ages and days are counted back from the day the demonstration is
 * seeded, so the cases always look current, and some of them are late.
 */
export type Stage = 'contact' | 'assessment' | 'cin' | 'cp' | 'in-care' | 'care-leaver' | 'early-help';

export interface DemoAdult {
  key: string;
  given: string;
  family?: string;
  sex: 'M' | 'F';
  age: number;
  /** How they are related to every child of the family. */
  relationship: 'parent' | 'step-parent' | 'grandparent' | 'aunt-or-uncle' | 'partner-of-parent' | 'foster-carer' | 'kinship-carer';
  parentalResponsibility: boolean;
  warning?: [category: string, detail: string];
  phone?: string;
}

export interface DemoChild {
  given: string;
  family?: string;
  sex: 'M' | 'F' | 'U';
  /** Years; an unborn child has `dueInWeeks` instead. */
  age?: number;
  dueInWeeks?: number;
  preferred?: string;
  /** A misspelling the contact came in with, corrected later (the history shows both). */
  recordedFirstAs?: string;
  disabilities?: string[];
  uasc?: boolean;
  immigrationStatus?: string;
}

export interface DemoFamily {
  surname: string;
  stage: Stage;
  team: string;
  /** Username of the allocated worker; none for a contact still at the front door. */
  worker: string | null;
  /** How long ago the current episode started (contact received, plan started, came into care). */
  daysAgo: number;
  ethnicity: string;
  language?: string;
  religion?: string;
  address: [line1: string, town: string, postcode: string];
  movedFrom?: [line1: string, town: string, postcode: string, monthsAgo: number];
  adults: DemoAdult[];
  children: DemoChild[];
  professionals: string[];
  /** What was reported, in the referrer's words. */
  concern: string;
  source: 'school' | 'police' | 'health' | 'family' | 'anonymous' | 'hospital' | 'self';
  /** Visits and reviews have fallen behind: the demonstration's late cases. */
  late?: boolean;
  category?: 'neglect' | 'physical' | 'sexual' | 'emotional' | 'multiple';
  legalStatuses?: [status: string, daysAgo: number][];
  /** Where a child in care lives (`cic.placement_started`'s setting); in-house fostering if not said. */
  placement?: (typeof placementSettings)[number];
  restricted?: { reason: string; grantTo: string };
  /** What the manager recorded when the assessment was signed off (issue 10): the child's primary need and the factors identified, in cinWords.ts values. */
  assessed?: { primaryNeed: string; factors: string[] };
  /** The child in need plan has ended and the case closed this many days ago, and why (a cinWords.ts closureReasons value). */
  closed?: { daysAgo: number; reason: string; summary: string };
  /** A child in care who had left an earlier period of care through adoption or an order (src/domain/inCare/previousPermanence.ts); "none" if not said. */
  previousPermanence?: { option: string; on?: string; authority?: string };
}

/** Professionals who appear on several records: [key, given, family, role, organisation, phone]. */
export const demoProfessionals: [string, string, string, string, string, string][] = [
  ['gp-adams', 'Rachel', 'Adams', 'gp', 'Moorside Surgery', '01632 960 101'],
  ['gp-farouk', 'Omar', 'Farouk', 'gp', 'Kingsford Health Centre', '01632 960 102'],
  ['hv-marsden', 'Kate', 'Marsden', 'health-visitor', 'Wealdmoor Community Health', '01632 960 103'],
  ['dsl-grainger', 'Paul', 'Grainger', 'designated-safeguarding-lead', 'Riverside Primary School', '01632 960 104'],
  ['dsl-hale', 'Joanne', 'Hale', 'designated-safeguarding-lead', 'Wealdmoor Academy', '01632 960 105'],
  ['pc-ridley', 'Steve', 'Ridley', 'police', 'Wealdmoor Police, Safeguarding Unit', '01632 960 106'],
  ['mw-lane', 'Sophie', 'Lane', 'midwife', 'Wealdmoor General Hospital', '01632 960 107'],
  ['camhs-chen', 'Lucy', 'Chen', 'camhs', 'Wealdmoor CAMHS', '01632 960 108'],
  ['vs-dunn', 'Mark', 'Dunn', 'virtual-school', 'Wealdmoor Virtual School', '01632 960 109'],
  ['cafcass-wray', 'Helen', 'Wray', 'cafcass-guardian', 'Cafcass', '01632 960 110'],
  ['paed-osei', 'Yaw', 'Boateng', 'paediatrician', 'Wealdmoor General Hospital', '01632 960 111'],
  ['dsl-moss', 'Daniel', 'Moss', 'designated-safeguarding-lead', 'Thornleigh Primary School', '01632 960 112'],
];

export const demoFamilies: DemoFamily[] = [
  // Contacts at the front door, waiting for a threshold decision.
  { surname: 'Taylor', stage: 'contact', team: 'mash', worker: null, daysAgo: 1, ethnicity: 'WBRI', address: ['14 Canal Row', 'Wealdmoor', 'WM1 4AB'],
    adults: [
      { key: 'mum', given: 'Jade', sex: 'F', age: 31, relationship: 'parent', parentalResponsibility: true, phone: '07700 900 101' },
      { key: 'partner', given: 'Kyle', family: 'Dawson', sex: 'M', age: 35, relationship: 'partner-of-parent', parentalResponsibility: false, warning: ['violence-in-household', 'Police report Kyle Dawson was violent towards officers in 2024. Do not visit alone.'] },
    ],
    children: [{ given: 'Leo', sex: 'M', age: 6 }, { given: 'Mia', sex: 'F', age: 9 }],
    professionals: ['dsl-grainger', 'gp-adams'], source: 'school',
    concern: 'Leo told his teacher that "Kyle hit mummy and she cried all night". Mia has been late to school most days this month.' },
  { surname: 'Nowak', stage: 'contact', team: 'mash', worker: null, daysAgo: 4, ethnicity: 'WOTH', language: 'Polish', religion: 'christian', address: ['Flat 3, 22 Mill Lane', 'Ashbury', 'WM3 2CD'],
    adults: [{ key: 'mum', given: 'Anna', sex: 'F', age: 27, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Zofia', sex: 'F', age: 4 }],
    professionals: ['hv-marsden'], source: 'health',
    concern: 'Health visitor found the flat very cold with no food in the cupboards; mother appeared low in mood and said she has no money until next week.' },
  { surname: 'Khan', stage: 'contact', team: 'mash', worker: null, daysAgo: 0, ethnicity: 'APKN', language: 'Urdu', religion: 'muslim', address: ['7 Orchard Close', 'Kingsford', 'WM5 6EF'],
    adults: [
      { key: 'mum', given: 'Sadia', sex: 'F', age: 38, relationship: 'parent', parentalResponsibility: true },
      { key: 'dad', given: 'Imran', sex: 'M', age: 41, relationship: 'parent', parentalResponsibility: true },
    ],
    children: [{ given: 'Ayaan', sex: 'M', age: 11 }, { given: 'Inaya', sex: 'F', age: 7 }],
    professionals: ['pc-ridley'], source: 'police',
    concern: 'Police called to a verbal argument between the parents at 23:40. Children were upstairs and not spoken to. No injuries seen.' },
  { surname: 'Robinson', stage: 'contact', team: 'mash', worker: null, daysAgo: 2, ethnicity: 'MWBA', address: ['31 Harbour Street', 'Wealdmoor', 'WM1 7GH'],
    adults: [{ key: 'mum', given: 'Shanice', sex: 'F', age: 19, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Amelia', sex: 'F', age: 0 }],
    professionals: ['paed-osei'], source: 'hospital',
    concern: 'Hospital duty referral: 6-month-old brought to A&E with a bruise to the cheek; mother\'s explanation (fell from a sofa) does not fit the injury in the paediatrician\'s view.' },
  { surname: 'Thompson', stage: 'contact', team: 'mash', worker: null, daysAgo: 3, ethnicity: 'WBRI', address: ['5 Beech Avenue', 'Thornleigh', 'WM7 1JK'],
    adults: [{ key: 'mum', given: 'Claire', sex: 'F', age: 44, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Harry', sex: 'M', age: 14 }],
    professionals: ['dsl-hale'], source: 'school',
    concern: 'Harry has missed 12 days this term and was seen getting into a car with older young men at the school gate. School worried about exploitation.' },

  // Child and Family Assessments in progress.
  { surname: 'Brown', stage: 'assessment', team: 'cras', worker: 'sam.patel', daysAgo: 12, ethnicity: 'BCRB', religion: 'christian', address: ['48 Victoria Road', 'Wealdmoor', 'WM2 3LM'],
    adults: [{ key: 'mum', given: 'Denise', sex: 'F', age: 40, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Tyrese', sex: 'M', age: 13 }],
    professionals: ['dsl-hale', 'camhs-chen'], source: 'school',
    concern: 'Tyrese disclosed self-harm to a teaching assistant and said he does not feel safe at home when his mother drinks.' },
  { surname: 'Murphy', stage: 'assessment', team: 'cras', worker: 'sam.patel', daysAgo: 70, late: true, ethnicity: 'WIRI', religion: 'christian', address: ['2 Quarry Cottages', 'Ashbury', 'WM3 9NP'],
    adults: [
      { key: 'mum', given: 'Siobhan', sex: 'F', age: 29, relationship: 'parent', parentalResponsibility: true },
      { key: 'dad', given: 'Declan', sex: 'M', age: 33, relationship: 'parent', parentalResponsibility: true, warning: ['animal-at-property', 'Two large dogs at the property: ask for them to be put away before entering.'] },
    ],
    children: [{ given: 'Aoife', recordedFirstAs: 'Eefa', sex: 'F', age: 5 }, { given: 'Cian', sex: 'M', age: 3 }, { given: 'Niamh', sex: 'F', age: 1 }],
    professionals: ['hv-marsden', 'gp-farouk'], source: 'health',
    concern: 'Repeated missed health appointments for all three children; Niamh has lost weight and the family have not engaged with the health visitor.' },
  { surname: 'Ahmed', stage: 'assessment', team: 'cras', worker: 'tom.reilly', daysAgo: 20, ethnicity: 'BAFR', language: 'Somali', religion: 'muslim', address: ['Flat 12, Tower House', 'Wealdmoor', 'WM2 8QR'],
    adults: [{ key: 'mum', given: 'Fadumo', sex: 'F', age: 45, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Hodan', sex: 'F', age: 15 }],
    professionals: ['dsl-hale'], source: 'self',
    concern: 'Hodan came to the school office and asked for help: she is caring for her mother, who is unwell, and cannot keep up with school.' },
  { surname: 'Wilson', stage: 'assessment', team: 'cras', worker: 'sam.patel', daysAgo: 30, ethnicity: 'WBRI', address: ['9 Railway Terrace', 'Kingsford', 'WM5 2ST'],
    adults: [{ key: 'mum', given: 'Kerry', sex: 'F', age: 34, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Charlie', sex: 'M', age: 8 }, { given: 'Poppy', sex: 'F', age: 10 }],
    professionals: ['dsl-grainger'], source: 'anonymous',
    concern: 'Anonymous caller says the children are left alone in the evenings and have been seen begging neighbours for food.' },
  { surname: 'Ali', stage: 'assessment', team: 'cras', worker: 'tom.reilly', daysAgo: 8, ethnicity: 'BOTH', language: 'Somali', religion: 'muslim', address: ['66 Elm Grove', 'Wealdmoor', 'WM1 5UV'],
    adults: [{ key: 'mum', given: 'Hawa', sex: 'F', age: 36, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Yusuf', sex: 'M', age: 10 }, { given: 'Sagal', sex: 'F', age: 8 }],
    professionals: ['dsl-moss'], source: 'school',
    concern: 'Family evicted last week and staying with friends; children arriving at school hungry and without uniform.' },
  { surname: 'Kaur', stage: 'assessment', team: 'cras', worker: 'sam.patel', daysAgo: 15, ethnicity: 'AIND', language: 'Punjabi', religion: 'sikh', address: ['Room 4, 10 Station Road', 'Wealdmoor', 'WM1 2WX'],
    adults: [{ key: 'mum', given: 'Simran', sex: 'F', age: 19, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Baby', sex: 'U', dueInWeeks: 20 }],
    professionals: ['mw-lane'], source: 'health',
    concern: 'Pre-birth referral from the midwife: young mother, care experienced, living in a hostel, unsure where she will live when the baby is born.' },

  // Children in need, with child in need plans.
  { surname: 'Singh', stage: 'cin', assessed: { primaryNeed: 'parental_illness', factors: ['physical_disability_parent', 'socially_unacceptable_behaviour'] }, team: 'cras', worker: 'sam.patel', daysAgo: 80, ethnicity: 'AIND', language: 'Punjabi', religion: 'sikh', address: ['23 Park Crescent', 'Kingsford', 'WM5 4YZ'],
    adults: [
      { key: 'mum', given: 'Manpreet', sex: 'F', age: 42, relationship: 'parent', parentalResponsibility: true },
      { key: 'dad', given: 'Harpreet', sex: 'M', age: 45, relationship: 'parent', parentalResponsibility: true },
    ],
    children: [{ given: 'Arjun', sex: 'M', age: 12 }],
    professionals: ['dsl-hale', 'camhs-chen'], source: 'school',
    concern: 'Arjun\'s behaviour at school has changed after his father\'s stroke; family struggling with care and money.' },
  { surname: 'Roberts', stage: 'cin', assessed: { primaryNeed: 'disability', factors: ['learning_disability_child', 'self_harm'] }, team: 'dct', worker: 'chloe.evans', daysAgo: 200, ethnicity: 'WBRI', address: ['11 Meadow View', 'Thornleigh', 'WM7 3AB'],
    adults: [
      { key: 'mum', given: 'Sarah', sex: 'F', age: 39, relationship: 'parent', parentalResponsibility: true },
      { key: 'dad', given: 'Gareth', sex: 'M', age: 41, relationship: 'parent', parentalResponsibility: true },
    ],
    children: [{ given: 'Ethan', sex: 'M', age: 9, disabilities: ['AUT', 'COMM', 'LD'] }],
    professionals: ['paed-osei', 'dsl-moss'], source: 'health',
    concern: 'Parents exhausted: Ethan sleeps 3 hours a night and has hurt himself during meltdowns. Short breaks requested.' },
  { surname: 'Okonkwo', stage: 'cin', assessed: { primaryNeed: 'unacceptable_behaviour', factors: ['missing', 'socially_unacceptable_behaviour'] }, team: 'scypf', worker: 'hannah.scott', daysAgo: 120, ethnicity: 'BAFR', religion: 'christian', address: ['8 Chapel Street', 'Wealdmoor', 'WM2 6CD'],
    adults: [{ key: 'mum', given: 'Ngozi', sex: 'F', age: 46, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Chidi', sex: 'M', age: 14 }, { given: 'Adaeze', sex: 'F', age: 16, preferred: 'Ada' }],
    professionals: ['dsl-hale'], source: 'family',
    concern: 'Mother asked for help: Chidi has been going missing overnight and she cannot manage his anger at home.' },
  { surname: 'Patterson', stage: 'cin', assessed: { primaryNeed: 'parental_illness', factors: ['mental_health_parent'] }, team: 'cras', worker: 'sam.patel', daysAgo: 150, late: true, ethnicity: 'WBRI', address: ['17 Rowan Way', 'Ashbury', 'WM3 5EF'],
    movedFrom: ['4 Ash Court', 'Wealdmoor', 'WM1 9GH', 8],
    adults: [
      { key: 'mum', given: 'Chantelle', sex: 'F', age: 26, relationship: 'parent', parentalResponsibility: true },
      { key: 'nan', given: 'Maureen', sex: 'F', age: 58, relationship: 'grandparent', parentalResponsibility: false },
    ],
    children: [{ given: 'Jayden', sex: 'M', age: 7 }, { given: 'Lily', sex: 'F', age: 4 }],
    professionals: ['dsl-grainger', 'hv-marsden'], source: 'health',
    concern: 'Mother\'s mental health has deteriorated; grandmother doing most of the care but she is unwell herself.' },
  { surname: 'Da Silva', stage: 'cin', assessed: { primaryNeed: 'abuse_or_neglect', factors: ['neglect'] }, team: 'scypf', worker: 'hannah.scott', daysAgo: 60, ethnicity: 'WOTH', language: 'Portuguese', religion: 'christian', address: ['40 Bridge Street', 'Kingsford', 'WM5 8JK'],
    adults: [{ key: 'mum', given: 'Mariana', sex: 'F', age: 33, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Gabriel', sex: 'M', age: 6 }],
    professionals: ['dsl-moss'], source: 'school',
    concern: 'Gabriel often arrives at school tired and unwashed; mother working two night jobs and leaving him with a neighbour.' },
  { surname: 'Begum', stage: 'cin', assessed: { primaryNeed: 'parental_illness', factors: ['young_carer', 'physical_disability_parent'] }, team: 'cras', worker: 'tom.reilly', daysAgo: 95, ethnicity: 'ABAN', language: 'Bengali', religion: 'muslim', address: ['3 Weavers Yard', 'Wealdmoor', 'WM2 1LM'],
    adults: [{ key: 'mum', given: 'Rokeya', sex: 'F', age: 50, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Sumaiya', sex: 'F', age: 15 }],
    professionals: ['dsl-hale', 'gp-adams'], source: 'health',
    concern: 'Young carer: Sumaiya provides personal care for her mother after a stroke and has stopped attending college taster days.' },
  { surname: 'Pearce', stage: 'cin', assessed: { primaryNeed: 'acute_stress', factors: ['mental_health_parent', 'mental_health_child'] }, team: 'scypf', worker: 'hannah.scott', daysAgo: 45, ethnicity: 'WBRI', address: ['91 Long Lane', 'Thornleigh', 'WM7 5NP'],
    adults: [{ key: 'dad', given: 'Steven', sex: 'M', age: 48, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Noah', sex: 'M', age: 11 }, { given: 'Isabelle', sex: 'F', age: 13, preferred: 'Izzy' }],
    professionals: ['dsl-moss', 'dsl-hale'], source: 'self',
    concern: 'Father recently bereaved and asking for support; Izzy has stopped eating at school.' },
  { surname: 'Hussain', stage: 'cin', assessed: { primaryNeed: 'disability', factors: ['physical_disability_child', 'physical_disability_parent'] }, closed: { daysAgo: 9, reason: 'moved_to_another_authority', summary: 'The family moved to a bungalow adapted for Ibrahim in Northshire, whose children\'s services have taken over his plan.' }, team: 'dct', worker: 'chloe.evans', daysAgo: 300, ethnicity: 'APKN', language: 'Urdu', religion: 'muslim', address: ['12 Linden Drive', 'Kingsford', 'WM5 3QR'],
    adults: [
      { key: 'mum', given: 'Rubina', sex: 'F', age: 44, relationship: 'parent', parentalResponsibility: true },
      { key: 'dad', given: 'Asif', sex: 'M', age: 47, relationship: 'parent', parentalResponsibility: true },
    ],
    children: [{ given: 'Ibrahim', sex: 'M', age: 15, disabilities: ['MOB', 'HAND', 'PC'] }],
    professionals: ['paed-osei', 'gp-farouk'], source: 'health',
    concern: 'Ibrahim uses a wheelchair and needs two carers to move; the family home is no longer suitable and his father has hurt his back.' },

  // Child protection plans.
  { surname: 'Whitfield', stage: 'cp', team: 'cpc', worker: 'jess.morgan', daysAgo: 40, category: 'neglect', ethnicity: 'WBRI', address: ['6 Foundry Lane', 'Wealdmoor', 'WM2 4ST'],
    adults: [
      { key: 'mum', given: 'Stacey', sex: 'F', age: 28, relationship: 'parent', parentalResponsibility: true },
      { key: 'dad', given: 'Ryan', sex: 'M', age: 30, relationship: 'parent', parentalResponsibility: true, warning: ['risk-to-staff', 'Threatened a social worker in March; two workers must visit together.'] },
    ],
    children: [{ given: 'Archie', sex: 'M', age: 8 }, { given: 'Ruby', sex: 'F', age: 5 }, { given: 'Tyler', sex: 'M', age: 3 }, { given: 'Baby', sex: 'U', dueInWeeks: 8 }],
    professionals: ['dsl-grainger', 'hv-marsden', 'mw-lane'], source: 'school',
    concern: 'Children repeatedly sent to school in dirty clothes, with head lice and hungry; house described by police as unfit to live in.' },
  { surname: 'Mahmood', stage: 'cp', team: 'cpc', worker: 'grace.mensah', daysAgo: 120, category: 'emotional', ethnicity: 'APKN', language: 'Urdu', religion: 'muslim', address: ['Refuge address withheld', 'Wealdmoor', 'WM1 1AA'],
    adults: [
      { key: 'mum', given: 'Nadia', sex: 'F', age: 34, relationship: 'parent', parentalResponsibility: true, warning: ['do-not-disclose-address', 'Mother and children are in a refuge: never give the address to anyone, including family.'] },
      { key: 'dad', given: 'Tariq', sex: 'M', age: 39, relationship: 'parent', parentalResponsibility: true, warning: ['violence-in-household', 'Non-molestation order in place. Do not share any information about where the children live.'] },
    ],
    children: [{ given: 'Zain', sex: 'M', age: 10 }, { given: 'Amira', sex: 'F', age: 6 }],
    professionals: ['pc-ridley', 'dsl-moss'], source: 'police',
    concern: 'Third domestic abuse incident in six months witnessed by the children; father arrested.' },
  { surname: 'Bennett', stage: 'cp', team: 'cpc', worker: 'jess.morgan', daysAgo: 75, category: 'sexual', ethnicity: 'WBRI', address: ['28 Hillside Road', 'Thornleigh', 'WM7 8UV'],
    restricted: { reason: 'Child is a relative of a member of Wealdmoor staff.', grantTo: 'martin.clarke' },
    adults: [{ key: 'mum', given: 'Lisa', sex: 'F', age: 37, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Ella', sex: 'F', age: 12 }],
    professionals: ['pc-ridley', 'camhs-chen'], source: 'police',
    concern: 'Ella disclosed to police that an adult family friend sent her sexual messages and asked to meet. Investigation ongoing.' },
  { surname: 'Lee', stage: 'cp', team: 'cpc', worker: 'jess.morgan', daysAgo: 200, late: true, category: 'physical', ethnicity: 'CHNE', language: 'Cantonese', address: ['55 Kingfisher Way', 'Kingsford', 'WM5 9WX'],
    adults: [
      { key: 'mum', given: 'Mei', sex: 'F', age: 32, relationship: 'parent', parentalResponsibility: true },
      { key: 'dad', given: 'David', sex: 'M', age: 36, relationship: 'parent', parentalResponsibility: true },
    ],
    children: [{ given: 'Ryan', sex: 'M', age: 2 }],
    professionals: ['paed-osei', 'hv-marsden'], source: 'hospital',
    concern: 'Fractured arm in a 2-year-old with no clear explanation; skeletal survey showed an older healing rib fracture.' },
  { surname: 'Marsh', stage: 'cp', team: 'cpc', worker: 'grace.mensah', daysAgo: 20, category: 'neglect', ethnicity: 'WBRI', address: ['2 Gasworks Row', 'Ashbury', 'WM3 1YZ'],
    adults: [{ key: 'mum', given: 'Jodie', sex: 'F', age: 24, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Alfie', sex: 'M', age: 4 }, { given: 'Evie', sex: 'F', age: 4 }],
    professionals: ['hv-marsden', 'gp-adams'], source: 'health',
    concern: 'Twins found alone in the flat at night by police; mother using heroin, the flat has needles within reach.' },
  { surname: 'Osei', stage: 'cp', team: 'cpc', worker: 'jess.morgan', daysAgo: 150, category: 'physical', ethnicity: 'BAFR', language: 'Twi', religion: 'christian', address: ['19 Oak Street', 'Wealdmoor', 'WM1 6AB'],
    adults: [
      { key: 'mum', given: 'Akosua', sex: 'F', age: 40, relationship: 'parent', parentalResponsibility: true },
      { key: 'dad', given: 'Kofi', sex: 'M', age: 43, relationship: 'parent', parentalResponsibility: true },
    ],
    children: [{ given: 'Kwame', sex: 'M', age: 7 }, { given: 'Abena', sex: 'F', age: 9 }],
    professionals: ['dsl-moss'], source: 'school',
    concern: 'Kwame came to school with belt marks on his legs and said he was punished for losing his reading book.' },

  // Children in care.
  { surname: 'Campbell', stage: 'in-care', team: 'cic', worker: 'daniel.hughes', daysAgo: 700, ethnicity: 'MWBC', address: ['12 Larch Close', 'Kingsford', 'WM5 1CD'],
    legalStatuses: [['C1', 700], ['C2', 480]],
    adults: [
      { key: 'mum', given: 'Tanya', sex: 'F', age: 33, relationship: 'parent', parentalResponsibility: true },
      { key: 'carer1', given: 'Janet', family: 'Harding', sex: 'F', age: 56, relationship: 'foster-carer', parentalResponsibility: false },
      { key: 'carer2', given: 'Paul', family: 'Harding', sex: 'M', age: 58, relationship: 'foster-carer', parentalResponsibility: false },
    ],
    children: [{ given: 'Kayden', sex: 'M', age: 11 }],
    professionals: ['vs-dunn', 'cafcass-wray'], source: 'police',
    concern: 'Kayden found wandering at 2am; mother intoxicated and unable to care for him.' },
  { surname: 'Tesfaye', stage: 'in-care', placement: 'supported_accommodation', team: 'cic', worker: 'daniel.hughes', daysAgo: 210, ethnicity: 'BAFR', language: 'Tigrinya', religion: 'christian', address: ['Supported lodgings, 3 Canal Street', 'Wealdmoor', 'WM1 3EF'],
    legalStatuses: [['V2', 210]],
    adults: [],
    children: [{ given: 'Samuel', sex: 'M', age: 16, uasc: true, immigrationStatus: 'asylum-claim-pending' }],
    professionals: ['vs-dunn'], source: 'police',
    concern: 'Arrived in the back of a lorry at the services on the motorway; says he is 16 and travelled alone from Eritrea.' },
  { surname: 'Doherty', stage: 'in-care', placement: 'connected_person', team: 'cic', worker: 'daniel.hughes', daysAgo: 90, late: true, ethnicity: 'WIRT', religion: 'christian', address: ['Plot 4, Riverside Site', 'Ashbury', 'WM3 7GH'],
    legalStatuses: [['C1', 90]],
    adults: [
      { key: 'mum', given: 'Bridget', sex: 'F', age: 38, relationship: 'parent', parentalResponsibility: true },
      { key: 'aunt', given: 'Mary', sex: 'F', age: 45, relationship: 'kinship-carer', parentalResponsibility: false },
    ],
    children: [{ given: 'Shannon', sex: 'F', age: 14 }, { given: 'Connor', sex: 'M', age: 12 }],
    professionals: ['cafcass-wray', 'vs-dunn'], source: 'police',
    concern: 'Mother arrested; children placed with their aunt under an interim care order.' },
  { surname: 'Green', stage: 'in-care', team: 'cic', worker: 'daniel.hughes', daysAgo: 500, ethnicity: 'WBRI', address: ['Foster placement (address held by the Family Placement Team)', 'Thornleigh', 'WM7 2JK'],
    legalStatuses: [['L2', 500], ['C1', 498], ['C2', 250], ['E1', 120]],
    adults: [{ key: 'mum', given: 'Amber', sex: 'F', age: 22, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Isla', sex: 'F', age: 2 }],
    professionals: ['cafcass-wray', 'hv-marsden'], source: 'hospital',
    concern: 'Newborn with withdrawal symptoms; mother left hospital without her.' },
  { surname: 'Lakatos', stage: 'in-care', placement: 'residential', team: 'cic', worker: 'daniel.hughes', daysAgo: 160, ethnicity: 'WROM', language: 'Romani', address: ['Children\'s home (address withheld)', 'Kingsford', 'WM5 5LM'],
    legalStatuses: [['V2', 160]],
    adults: [{ key: 'mum', given: 'Maria', sex: 'F', age: 39, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Elena', sex: 'F', age: 15 }],
    professionals: ['vs-dunn', 'camhs-chen'], source: 'self',
    concern: 'Elena asked to be accommodated after repeated arguments at home; mother agreed to section 20.' },
  { surname: 'Walker', stage: 'in-care', placement: 'residential', team: 'cic', worker: 'daniel.hughes', daysAgo: 900, ethnicity: 'WBRI', address: ['Oakfield House children\'s home', 'Ashbury', 'WM3 4NP'],
    legalStatuses: [['C1', 900], ['C2', 700]],
    adults: [{ key: 'mum', given: 'Tina', sex: 'F', age: 41, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Mason', sex: 'M', age: 16 }],
    professionals: ['vs-dunn'], source: 'police',
    concern: 'Long-standing neglect; Mason placed after his mother\'s partner assaulted him.' },
  { surname: 'Jones', stage: 'in-care', placement: 'independent_fostering', team: 'cic', worker: 'daniel.hughes', daysAgo: 400, ethnicity: 'WBRI', address: ['Foster placement (address held by the Family Placement Team)', 'Kingsford', 'WM5 7QR'],
    legalStatuses: [['C1', 400], ['C2', 200]],
    adults: [
      { key: 'mum', given: 'Kelly', sex: 'F', age: 30, relationship: 'parent', parentalResponsibility: true },
      { key: 'carer1', given: 'Sandra', family: 'Cole', sex: 'F', age: 52, relationship: 'foster-carer', parentalResponsibility: false },
      { key: 'carer2', given: 'Mike', family: 'Cole', sex: 'M', age: 54, relationship: 'foster-carer', parentalResponsibility: false },
    ],
    children: [{ given: 'Tia', sex: 'F', age: 9 }, { given: 'Riley', sex: 'M', age: 7 }],
    professionals: ['dsl-grainger', 'vs-dunn'], source: 'school',
    concern: 'Siblings disclosed they were locked in their bedroom for days at a time.' },
  { surname: 'Mwangi', stage: 'in-care', placement: 'supported_accommodation', team: 'cic', worker: 'daniel.hughes', daysAgo: 600, ethnicity: 'BAFR', language: 'Swahili', religion: 'christian', address: ['Semi-independent flat, 9 Mill Court', 'Wealdmoor', 'WM2 9ST'],
    legalStatuses: [['V2', 600]],
    adults: [],
    children: [{ given: 'Amani', sex: 'F', age: 17, immigrationStatus: 'limited-leave' }],
    professionals: ['vs-dunn'], source: 'self',
    // She left an earlier time in care when her aunt became her special guardian; that broke down, and she came back into care.
    previousPermanence: { option: 'special_guardianship', on: '2017-03', authority: '873' },
    concern: 'Came to the council offices homeless after her relationship with her aunt, her special guardian since she was small, broke down.' },

  // Care leavers.
  { surname: 'Miller', stage: 'care-leaver', team: 'cic', worker: 'liam.oconnor', daysAgo: 400, ethnicity: 'WBRI', address: ['Flat 2, 15 Queen Street', 'Wealdmoor', 'WM1 8UV'],
    adults: [], children: [{ given: 'Jordan', sex: 'M', age: 19 }], professionals: ['gp-adams'], source: 'police', concern: 'Came into care at 14.' },
  { surname: 'Adebayo', stage: 'care-leaver', team: 'cic', worker: 'liam.oconnor', daysAgo: 100, late: true, ethnicity: 'BAFR', religion: 'christian', address: ['Room 8, Foyer, Bridge Street', 'Kingsford', 'WM5 2WX'],
    adults: [], children: [{ given: 'Precious', sex: 'F', age: 18 }], professionals: ['camhs-chen'], source: 'school', concern: 'Came into care at 15.' },
  { surname: 'Yusuf', stage: 'care-leaver', team: 'cic', worker: 'liam.oconnor', daysAgo: 700, ethnicity: 'BOTH', language: 'Arabic', religion: 'muslim', address: ['34 Cedar Road', 'Wealdmoor', 'WM2 5YZ'],
    adults: [], children: [{ given: 'Ahmed', sex: 'M', age: 20, uasc: true, immigrationStatus: 'refugee' }], professionals: ['gp-farouk'], source: 'police', concern: 'Arrived alone from Sudan at 16.' },
  { surname: 'McLeod', stage: 'care-leaver', team: 'cic', worker: 'liam.oconnor', daysAgo: 1100, ethnicity: 'WOTH', address: ['University Halls, Block C', 'Thornleigh', 'WM7 6AB'],
    adults: [], children: [{ given: 'Kirsty', sex: 'F', age: 21 }], professionals: ['gp-adams'], source: 'family', concern: 'Came into care at 13.' },
  { surname: 'Fox', stage: 'care-leaver', team: 'cic', worker: 'liam.oconnor', daysAgo: 20, ethnicity: 'WBRI', address: ['Staying put with former foster carers', 'Ashbury', 'WM3 6CD'],
    adults: [], children: [{ given: 'Leah', sex: 'F', age: 18 }], professionals: ['vs-dunn'], source: 'school', concern: 'Came into care at 12.' },

  // Early help.
  { surname: 'Harrison', stage: 'early-help', team: 'earlyHelp', worker: 'beth.taylor', daysAgo: 25, ethnicity: 'WBRI', address: ['77 Windmill Hill', 'Thornleigh', 'WM7 4EF'],
    adults: [{ key: 'mum', given: 'Laura', sex: 'F', age: 35, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Oliver', sex: 'M', age: 9 }, { given: 'Freya', sex: 'F', age: 6 }],
    professionals: ['dsl-moss'], source: 'school',
    concern: 'Parents separating; Oliver refusing to go to school and mother asking for help with routines.' },
  { surname: 'Yilmaz', stage: 'early-help', team: 'earlyHelp', worker: 'beth.taylor', daysAgo: 10, ethnicity: 'OOTH', language: 'Turkish', religion: 'muslim', address: ['4 Market Place', 'Kingsford', 'WM5 6GH'],
    adults: [{ key: 'mum', given: 'Ayse', sex: 'F', age: 39, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Emre', sex: 'M', age: 13 }],
    professionals: ['dsl-hale'], source: 'family',
    concern: 'Mother worried about Emre\'s gaming through the night and falling behind at school.' },
  { surname: 'Walsh', stage: 'early-help', team: 'earlyHelp', worker: 'beth.taylor', daysAgo: 40, ethnicity: 'WIRI', religion: 'christian', address: ['21 Church Walk', 'Ashbury', 'WM3 8JK'],
    adults: [{ key: 'mum', given: 'Ciara', sex: 'F', age: 31, relationship: 'parent', parentalResponsibility: true }],
    children: [{ given: 'Finn', sex: 'M', age: 5 }, { given: 'Orla', sex: 'F', age: 8 }],
    professionals: ['hv-marsden', 'dsl-grainger'], source: 'health',
    concern: 'Housing disrepair and damp affecting Finn\'s asthma; family struggling with debt.' },
];

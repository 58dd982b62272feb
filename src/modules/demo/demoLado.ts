import { addDays, londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { whenAt } from './demoWhen';

/** A form's date boxes and time for an instant, named as the LADO's forms name them. */
function when(name: string, at: Date) {
  const w = whenAt(at);
  const [year, month, day] = (w.occurredOn as string).split('-');
  return { [`${name}On-day`]: day, [`${name}On-month`]: month, [`${name}On-year`]: year, [`${name}Time`]: w.occurredTime };
}
function dateBoxes(name: string, date: string) {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
}

interface Scene {
  adult: { given: string; family: string; born: string } | { personId: string };
  employer: string;
  role: string;
  sector: string;
  source: string;
  referrer: string;
  category: string;
  nature: string;
  children?: string[];
  otherChildren?: string;
  childLed?: boolean;
  /** Days before today; none when someone else told the LADO and the employer's awareness is not known. */
  aware?: number;
  received: number;
  enquiry?: { received: number; from: string; question: string; responded?: number; advice?: string };
  meeting?: { held: number; attendees: string; summary: string; investigation: string; reviewIn?: number };
  notes?: number;
  review?: { held: number; summary: string; nextIn?: number };
  outcome?: { on: number; outcome: string; dbs: boolean; regulator: string; summary: string };
}

/**
 * The LADO's allegations (practice-standards.txt, Section 4: Managing Allegations 80-88), recorded
 * by Fiona Grant through the service with the clock set back: open ones with what is due, late ones
 * (an employer who told the LADO late, a meeting not yet held, an enquiry not answered, notes sent
 * late), concluded ones for this year's and last year's annual report, and, when the demonstration
 * has its foster carers, one about Joan Okafor that asks for her review.
 */
export async function ladoScenes(s: Services, lado: RequestContext, childrenOf: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date, carerId?: string) {
  const today = londonDate(at(0, 12));
  const hearthIdOf = async (personId: string | undefined) => (personId ? (await s.people.find(personId))?.hearthId : undefined);
  const childIds = async (ids: (string | undefined)[]) => (await Promise.all(ids.map(hearthIdOf))).filter(Boolean).join(', ');
  // The demonstration has one Joan Okafor; a test that shares its database with others names its own.
  const joan = carerId ? { id: carerId } : (await s.people.search(lado, { q: 'Joan Okafor', dateOfBirth: null, kind: 'adult', page: 1, pageSize: 20 })).records.find((r) => r.details.givenNames === 'Joan' && r.details.familyName === 'Okafor');
  const campbell = childrenOf.get('Campbell')?.[0];
  const osei = childrenOf.get('Osei') ?? [];
  const walker = childrenOf.get('Walker')?.[0];

  const scenes: Scene[] = [
    {
      adult: { given: 'Daniel', family: 'Price', born: '1991-07-19' },
      employer: 'Kingsford Primary School', role: 'Teaching assistant', sector: 'education', source: 'employer', referrer: 'Mrs A. Shah, head teacher, Kingsford Primary School', category: 'physical',
      nature: 'A Year 3 pupil told her teacher that the teaching assistant grabbed her wrist and pulled her out of the line at lunchtime; a bruise was seen.',
      children: [osei[0] as string], aware: 13, received: 7,
      enquiry: { received: 5, from: 'Mrs A. Shah, head teacher', question: 'Can Mr Price stay in class while this is looked at, or should he be suspended?' },
    },
    {
      adult: { given: 'Gareth', family: 'Lloyd', born: '1984-02-03' },
      employer: 'Wealdmoor Swimming Club', role: 'Swimming coach (volunteer)', sector: 'sport', source: 'parent', referrer: 'A parent of a club member', category: 'sexual',
      nature: 'Messages of a sexual nature sent to a 14-year-old club member on a social media app.', otherChildren: 'A 14-year-old club member (initials L.M.), Thornleigh Academy', childLed: true,
      received: 48, // the parent told the LADO directly: when the club knew is not known
      meeting: { held: 47, attendees: 'Fiona Grant (LADO), DC Ward (police), club welfare officer, Swim England safeguarding lead', summary: 'Police to investigate; the coach suspended from all club activity.', investigation: 'police', reviewIn: 27 },
      notes: 45, review: { held: 20, summary: 'Police charged the coach; the club has begun its disciplinary process.' },
      outcome: { on: 15, outcome: 'substantiated', dbs: true, regulator: 'none', summary: 'Substantiated. The club dismissed him and was advised to refer to the DBS; the LADO confirmed the referral was made.' },
    },
    {
      adult: { given: 'Sarah', family: 'Jennings', born: '1996-11-30' },
      employer: 'Little Acorns Nursery', role: 'Nursery practitioner', sector: 'early_years', source: 'ofsted', referrer: 'Ofsted early years regulatory inspector', category: 'neglect',
      nature: 'A two-year-old was left unattended in the garden for about 20 minutes.', otherChildren: 'A child aged 2 at the nursery', aware: 103, received: 102,
      meeting: { held: 100, attendees: 'Fiona Grant (LADO), nursery manager, Ofsted', summary: 'The nursery to investigate under its own procedures.', investigation: 'employer', reviewIn: 14 },
      notes: 99, outcome: { on: 80, outcome: 'unfounded', dbs: false, regulator: 'none', summary: 'Unfounded: the CCTV shows the child was supervised by another practitioner throughout.' },
    },
    {
      adult: { given: 'Paul', family: 'Haddad', born: '1979-04-22' },
      employer: 'Oakfield House children’s home', role: 'Residential support worker', sector: 'residential', source: 'police', referrer: 'PC J. Okoro, Wealdmoor police', category: 'physical',
      nature: 'A young person said the worker used an unnecessary restraint during an argument about phone time.', children: [walker as string], aware: 205, received: 204,
      meeting: { held: 201, attendees: 'Fiona Grant (LADO), police, home manager, the young person’s social worker', summary: 'Police and the home to investigate; the worker moved to another home meanwhile.', investigation: 'police', reviewIn: 30 },
      notes: 196, review: { held: 170, summary: 'Police have taken no further action; the home’s investigation continues.', nextIn: 60 },
      // The review set for 110 days ago was not held: the home's report came late, and the allegation took over three months (87).
      outcome: { on: 32, outcome: 'unsubstantiated', dbs: false, regulator: 'ofsted', summary: 'Unsubstantiated. The home was advised to notify Ofsted of the outcome and to give the worker restraint refresher training.' },
    },
    {
      adult: { given: 'Anne', family: 'Cole', born: '1968-09-09' },
      employer: 'Wealdmoor Community Transport', role: 'School bus driver', sector: 'transport', source: 'parent', referrer: 'A parent', category: 'emotional',
      nature: 'Said to have shouted at and threatened to leave behind a 7-year-old with autism.', otherChildren: 'A 7-year-old pupil of Thornleigh School', aware: 420, received: 419,
      meeting: { held: 417, attendees: 'Fiona Grant (LADO), transport manager, school', summary: 'The employer to investigate.', investigation: 'employer', reviewIn: 21 },
      notes: 416, outcome: { on: 395, outcome: 'malicious', dbs: false, regulator: 'none', summary: 'Malicious: the parent admitted making it up after a dispute with the company.' },
    },
  ];
  if (joan && campbell) {
    scenes.push({
      adult: { personId: joan.id },
      employer: 'Wealdmoor Fostering Service', role: 'Foster carer', sector: 'foster_care', source: 'social_care', referrer: 'Daniel Hughes, the child’s social worker', category: 'emotional',
      nature: 'The child told his social worker that the carer calls him names and threatens to “send him back” when he is late home.', children: [campbell], aware: 16, received: 16,
      meeting: { held: 15, attendees: 'Fiona Grant (LADO), Daniel Hughes (social worker), Rebecca Lewis (supervising social worker), Owen Parry (team manager)', summary: 'The Family Placement Team to investigate; the child stays with a support plan and more visits.', investigation: 'employer', reviewIn: 10 },
      notes: 5, // late: due within 2 working days of the meeting
    });
  } else {
    // Without the demonstration's foster carers, a childminder instead: the meeting is overdue.
    scenes.push({
      adult: { given: 'Lorraine', family: 'Baxter', born: '1975-03-14' },
      employer: 'Self-employed (registered childminder)', role: 'Childminder', sector: 'early_years', source: 'parent', referrer: 'A parent of a minded child', category: 'physical',
      nature: 'A three-year-old came home with a red mark on his leg; he said the childminder smacked him.', otherChildren: 'A 3-year-old minded child', aware: 8, received: 6,
    });
  }

  for (const scene of scenes) {
    let hearthId: number | undefined;
    if ('personId' in scene.adult) hearthId = await hearthIdOf(scene.adult.personId);
    else {
      setClock(at(scene.received + 1, 9));
      const result = await s.people.register(lado, {
        kind: 'adult', givenNames: scene.adult.given, familyName: scene.adult.family, dateOfBirth: scene.adult.born, preferredName: null, expectedDateOfBirth: null, gender: null, ethnicity: null,
        firstLanguage: null, religion: null, disabilities: [], nhsNumber: null, upn: null, uasc: false, immigrationStatus: null, organisation: null, professionalRole: null, phone: null, email: null,
        address: null, externalId: null, confirmNotDuplicate: true,
      });
      if (result.outcome !== 'registered') continue;
      hearthId = result.record.hearthId;
    }
    if (!hearthId) continue;
    const received = at(scene.received, 11);
    setClock(new Date(received.getTime() + 30 * 60_000));
    const { personId, allegationId } = await s.lado.record(lado, {
      adultHearthId: String(hearthId), employer: scene.employer, role: scene.role, sector: scene.sector, source: scene.source, referrer: scene.referrer, category: scene.category, nature: scene.nature,
      childHearthIds: await childIds(scene.children ?? []), otherChildren: scene.otherChildren ?? '', childLed: scene.childLed ? 'yes' : 'no',
      ...(scene.aware !== undefined ? dateBoxes('awareOn', addDays(today, -scene.aware)) : {}), ...when('received', received),
    });
    const step = async (daysAgo: number, hour: number, run: (instant: Date) => Promise<unknown>) => {
      const instant = at(daysAgo, hour);
      setClock(new Date(instant.getTime() + 60 * 60_000));
      await run(instant);
    };
    if (scene.enquiry) {
      const q = scene.enquiry;
      await step(q.received, 14, (i) => s.lado.enquiry(lado, personId, allegationId, { from: q.from, question: q.question, ...when('enquiry', i) }));
    }
    if (scene.meeting) {
      const m = scene.meeting;
      await step(m.held, 14, (i) => s.lado.strategyMeeting(lado, personId, allegationId, { attendees: m.attendees, summary: m.summary, investigation: m.investigation, ...when('meeting', i), ...(m.reviewIn ? dateBoxes('reviewOn', addDays(today, -m.held + m.reviewIn)) : {}) }));
    }
    if (scene.notes !== undefined) await step(scene.notes, 16, (i) => s.lado.notesDistributed(lado, personId, allegationId, when('notes', i)));
    if (scene.review) {
      const r = scene.review;
      await step(r.held, 10, (i) => s.lado.review(lado, personId, allegationId, { reviewSummary: r.summary, ...when('reviewHeld', i), ...(r.nextIn ? dateBoxes('reviewOn', addDays(today, -r.held + r.nextIn)) : {}) }));
    }
    if (scene.outcome) {
      const o = scene.outcome;
      await step(o.on, 15, (i) => s.lado.outcome(lado, personId, allegationId, { outcome: o.outcome, dbsReferral: o.dbs ? 'yes' : 'no', regulator: o.regulator, outcomeSummary: o.summary, ...when('concluded', i) }));
    }
  }
}

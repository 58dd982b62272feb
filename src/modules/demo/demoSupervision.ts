import { addDays, londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import { englandAndWalesCalendar } from '../../platform/calendar';
import type { Services } from '../../services';
import { demoFamilies } from './demoFamilies';
import { whenAt } from './demoWhen';

type At = (daysAgo: number, hour?: number) => Date;

function dateBoxes(name: string, date: string) {
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
}

const isWorkingDay = (at: At, daysAgo: number) => englandAndWalesCalendar().isWorkingDay(londonDate(at(daysAgo, 12)));

/**
 * Session days, each `step` days or fewer after the one before (a day earlier when it would fall on
 * a weekend or bank holiday, so a session is never late by accident), from `from` days ago to
 * `until` days ago.
 */
function sessionDays(at: At, from: number, step: number, until: number): number[] {
  const days: number[] = [];
  let d = from - step;
  while (d >= until) {
    while (!isWorkingDay(at, d)) d++;
    days.push(d);
    d -= step;
  }
  return days;
}

/** `count` session days, oldest first, the newest `newest` days ago and each `step` days or fewer before the next. */
function sessionsBack(at: At, newest: number, step: number, count: number): number[] {
  const days: number[] = [];
  let d = newest;
  while (!isWorkingDay(at, d)) d++;
  for (let i = 0; i < count; i++) {
    days.unshift(d);
    d += step;
    while (!isWorkingDay(at, d)) d--;
  }
  return days;
}

const reflections = [
  'Reflected on the home visit where dad was hostile at the door. Talked through what helped them stay calm and curious, and how to name the worry to him plainly next time. Learning: agree a plan for a joint visit before going back alone.',
  'Reflected on how much of their recording describes what the adults said, and how little the children. Agreed to start each visit note with what the children said and did. Learning: three houses and wishes and feelings cards for the younger children.',
  'Talked about holding uncertainty when the school and the health visitor give different pictures. Used the Signs of Safety mapping to separate harm, complicating factors and strengths. Learning: write the danger statement in the family\'s own words.',
  'Reflected on the strategy discussion: they felt rushed into agreeing a threshold they were not sure of. Discussed professional challenge and the escalation policy. Learning: it is right to ask for time to consult, and to record the challenge.',
  'Reflected on a case where things have improved and they worry about closing too soon. Looked at what the safety goals asked for and whether it has been seen over time. Learning: plan the step-down with the family, not to them.',
  'Discussed the impact of hearing the child\'s account of the assault. Named the feelings and agreed they will use the reflective group next week. Learning: vicarious trauma is expected, not a weakness; use the employee assistance line if needed.',
  'Reflected on the court statement feedback from legal: clear chronology, but analysis too brief. Practised turning observations into analysis using "what this means for the child". Learning: the research in practice briefing on analysis in assessments.',
  'Reflected on working with an interpreter for the first time: speaking to the parent, not the interpreter, and checking understanding. Learning: book the same interpreter for continuity and allow double the time.',
  'Talked about cultural humility after a visit where they felt they had misread the family\'s faith practices. Agreed to ask the family to explain what matters to them. Learning: the cultural competence module on the training programme.',
  'Reflected on a difficult conversation with a foster carer who felt unheard. Discussed the carer\'s view as information about the child. Learning: share the plan with carers earlier and record their views in the review.',
];

const wellbeing = [
  'Workload manageable this month; caseload steady. Sleeping better since the court hearing finished.',
  'Feeling stretched with two assessments due the same week. Agreed to move one visit and protect a morning for writing.',
  'Well. Enjoying the work with the younger children. Annual leave booked for half term.',
  'Tired after duty week. Agreed time back in lieu for the late strategy meeting, and a quieter week of allocations.',
  'A sad week: a family they worked with for a long time moved away. Talked about endings and taking a proper lunch break.',
  'Managing well; would like to take on a case in proceedings for the experience. Caseload has room for one more.',
];

const caseDirections = [
  ['Reviewed the plan: school attendance up to 88% this half term; mum engaging with the family support worker. Worries remain about the evenings.', 'Visit after school to see the evening routine; ask the school for the attendance report.'],
  ['Discussed the health visitor\'s concerns about weight. The plan needs a clear health goal the family understand.', 'Joint visit with the health visitor; add a measurable health goal to the plan.'],
  ['Dad has moved back in without telling the network. We talked through what this means for the safety plan.', 'Meet both parents together; reconvene the safety network within a week.'],
  ['The child\'s wishes and feelings are not yet in the record in their own words.', 'Direct work session using the three houses; record the child\'s words on the case record.'],
  ['Progress against the plan is good; discussed whether the case could step down to early help.', 'Ask the family and the school what support they would want after step-down; consider at the next review.'],
  ['Placement is stable; contact with birth mum is unsettling her before and after.', 'Speak to the IRO about the contact arrangements; ask the carer to keep a diary for four weeks.'],
];

const contractCovers =
  'Case discussion with management direction on each case, actions and timescales; reflection and learning in every session; wellbeing and workload; learning and development and the skills set assessment. About an hour and a half, monthly unless agreed otherwise, in a private room; either of us may ask for a session sooner.';

/**
 * Staff supervision in the demonstration (issue 12; specialist-service-statement.txt 5.4): contracts
 * and about a year of sessions for several workers, recorded by their supervisors through the
 * service with the clock set back, each signed by both; case discussions about the children they
 * hold (not the late families', whose overdue work the demonstration keeps). Sam Patel is
 * supervised monthly by Tom Reilly, with an amendment after both signed, an observation and an
 * audit by Marcus Bell; James Ellis, newly qualified, weekly in his induction then fortnightly,
 * his last session waiting for his signature; Daniel Hughes by Aisha Rahman, overdue; Chloe Evans
 * and Megan Holt by Sophie Turner; and Tom, Aisha and Sophie themselves by Marcus Bell.
 */
export async function supervisionScenes(s: Services, as: (username: string) => RequestContext, childrenOf: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At) {
  const notDiscussed = new Set(demoFamilies.filter((f) => f.late || f.closed).flatMap((f) => childrenOf.get(f.surname) ?? []));
  const idOf = (username: string) => as(username).actor.userId;
  let n = 0;

  async function contract(supervisor: string, worker: string, daysAgo: number, frequency: string, reason?: string, hour = 15) {
    setClock(at(daysAgo, hour));
    const id = await s.supervision.agreeContract(as(supervisor), idOf(worker), {
      supervisorId: idOf(supervisor),
      frequency,
      covers: contractCovers,
      ...dateBoxes('agreedOn', londonDate(at(daysAgo, 12))),
      ...(reason ? { reason } : {}),
    });
    setClock(new Date(at(daysAgo, hour).getTime() + 1_800_000));
    await s.supervision.sign(as(worker), idOf(worker), { kind: 'contract', id });
    await s.supervision.sign(as(supervisor), idOf(worker), { kind: 'contract', id });
  }

  async function sessions(supervisor: string, worker: string, days: number[], options: { waitingOn?: number; cases?: boolean } = {}) {
    const caseload = options.cases === false ? [] : (await s.people.caseload(as(supervisor), idOf(worker))).filter((r) => !notDiscussed.has(r.id));
    const held: Record<number, string> = {};
    for (const d of days) {
      n++;
      const heldAt = at(d, 9 + (n % 4));
      const when = whenAt(heldAt);
      const today = londonDate(heldAt);
      // Up to two of the children they held by then, in turn.
      const open = caseload.filter((r) => r.allocatedAt && r.allocatedAt.getTime() < heldAt.getTime() - 86_400_000);
      const discussed = open.length === 0 ? [] : [open[n % open.length], open[(n + 1) % open.length]].filter((r, i, list) => r && list.indexOf(r) === i);
      const input: Record<string, unknown> = {
        ...dateBoxes('occurredOn', when.occurredOn as string),
        occurredTime: when.occurredTime,
        reflections: reflections[n % reflections.length],
        wellbeing: wellbeing[n % wellbeing.length],
        caseIds: discussed.map((r) => r!.id),
        ...(n % 3 === 0 ? { action1: 'Book onto the next reflective practice workshop', owner1: 'supervisee', ...dateBoxes('dueOn1', addDays(today, 30)) } : {}),
        ...(n % 4 === 0 ? { action2: 'Arrange shadowing with the court team', owner2: 'supervisor', ...dateBoxes('dueOn2', addDays(today, 21)) } : {}),
      };
      for (const [i, r] of discussed.entries()) {
        const [discussion, actions] = caseDirections[(n + i) % caseDirections.length] as [string, string];
        Object.assign(input, { [`discussion-${r!.id}`]: discussion, [`actions-${r!.id}`]: actions, ...dateBoxes(`actionsBy-${r!.id}`, addDays(today, 14)) });
      }
      setClock(new Date(heldAt.getTime() + 2 * 3_600_000));
      const id = await s.supervision.recordSession(as(supervisor), idOf(worker), input);
      held[d] = id;
      setClock(new Date(heldAt.getTime() + 20 * 3_600_000));
      await s.supervision.sign(as(supervisor), idOf(worker), { kind: 'session', id });
      if (d === options.waitingOn) continue;
      setClock(new Date(heldAt.getTime() + 26 * 3_600_000));
      await s.supervision.sign(as(worker), idOf(worker), { kind: 'session', id });
    }
    return held;
  }

  // Sam Patel, supervised monthly by Tom Reilly for a year; one session late (a five-week gap in the spring).
  const recent = sessionsBack(at, 14, 28, 7);
  const samDaysHeld = [...sessionsBack(at, (recent[0] as number) + 35, 28, 6), ...recent];
  await contract('tom.reilly', 'sam.patel', (samDaysHeld[0] as number) + 10, 'monthly');
  const sam = await sessions('tom.reilly', 'sam.patel', samDaysHeld);
  const samDays = Object.keys(sam).map(Number).sort((a, b) => b - a);
  // An amendment after both signed, with its reason, signed again by both.
  const amended = samDays.find((d) => d <= 110) as number;
  setClock(at(amended - 3, 11));
  await s.supervision.amend(as('tom.reilly'), sam[amended] as string, {
    part: 'other',
    text: 'The action to visit after school was agreed for within 10 working days, not 14 days as recorded.',
    reason: 'Sam pointed out the timescale we agreed was recorded wrongly.',
  });
  const amendment = (await s.supervision.session(as('tom.reilly'), sam[amended] as string)).amendments[0]?.id as string;
  await s.supervision.sign(as('tom.reilly'), idOf('sam.patel'), { kind: 'amendment', id: amendment });
  setClock(at(amended - 4, 10));
  await s.supervision.sign(as('sam.patel'), idOf('sam.patel'), { kind: 'amendment', id: amendment });
  // Marcus Bell, the service manager, observed one of Sam's sessions and gave Tom feedback.
  const observed = samDays.find((d) => d <= 80) as number;
  setClock(at(observed - 1, 14));
  await s.supervision.observe(as('marcus.bell'), idOf('sam.patel'), sam[observed] as string, {
    feedback: 'A warm and well-paced session. Tom used the case mapping well and Sam did most of the thinking. The reflection was genuine; the actions were clear, though two had no date until the end.',
    learning: 'Agree each action\'s timescale as it is set, not at the end. Try opening with Sam\'s own agenda.',
  });
  // And audited six months of Sam's records.
  setClock(at(6, 10));
  await s.supervision.auditRecords(as('marcus.bell'), idOf('sam.patel'), {
    ...dateBoxes('periodFrom', londonDate(at(190, 12))),
    ...dateBoxes('periodTo', londonDate(at(7, 12))),
    quality: 'good',
    comments: 'Sessions monthly and signed by both. Reflection is evident in every record and case direction is clear, with actions and timescales. Wellbeing is discussed each time. To improve: the child\'s voice in the case discussions.',
  });

  // James Ellis, newly qualified: weekly in his induction, then fortnightly in his assessed and supported
  // year. His profile (demoWorkforce.ts) ends the induction 88 days ago; the fortnightly contract is agreed
  // the morning of the first session after it, a week or less after the last weekly one.
  let changeover = 87;
  while (!isWorkingDay(at, changeover)) changeover--;
  let lastWeekly = changeover + 7;
  while (!isWorkingDay(at, lastWeekly)) lastWeekly--;
  const weekly = sessionsBack(at, lastWeekly, 7, 9);
  await contract('tom.reilly', 'james.ellis', (weekly[0] as number) + 4, 'weekly');
  await sessions('tom.reilly', 'james.ellis', weekly, { cases: false });
  await contract('tom.reilly', 'james.ellis', changeover, 'fortnightly', 'Induction completed: fortnightly supervision through the rest of the assessed and supported year in employment.', 7);
  const fortnightly = sessionDays(at, changeover + 14, 14, 3);
  await sessions('tom.reilly', 'james.ellis', fortnightly, { waitingOn: fortnightly.at(-1) });

  // Daniel Hughes, supervised monthly by Aisha Rahman: the last session was seven weeks ago.
  const daniel = sessionsBack(at, 49, 28, 12);
  await contract('aisha.rahman', 'daniel.hughes', (daniel[0] as number) + 12, 'monthly');
  await sessions('aisha.rahman', 'daniel.hughes', daniel);
  setClock(at(2, 11));
  await s.supervision.auditRecords(as('marcus.bell'), idOf('daniel.hughes'), {
    ...dateBoxes('periodFrom', londonDate(at(183, 12))),
    ...dateBoxes('periodTo', londonDate(at(3, 12))),
    quality: 'requires_improvement',
    comments: 'Good reflective content and clear direction on the children in care, but supervision has slipped: the last session was seven weeks ago. Aisha to book the next session this week and protect the monthly slot.',
  });

  // Chloe Evans and Megan Holt (occupational therapist), supervised monthly by Sophie Turner.
  const chloe = sessionsBack(at, 6, 27, 11);
  await contract('sophie.turner', 'chloe.evans', (chloe[0] as number) + 8, 'monthly');
  await sessions('sophie.turner', 'chloe.evans', chloe);
  const megan = sessionsBack(at, 12, 26, 7);
  await contract('sophie.turner', 'megan.holt', (megan[0] as number) + 9, 'monthly');
  await sessions('sophie.turner', 'megan.holt', megan, { cases: false });

  // The managers are supervised too: Marcus Bell, the service manager, supervises three of his managers.
  for (const [manager, newest] of [['tom.reilly', 8], ['aisha.rahman', 15], ['sophie.turner', 21]] as const) {
    const days = sessionsBack(at, newest, 28, 4);
    await contract('marcus.bell', manager, (days[0] as number) + 7, 'monthly');
    await sessions('marcus.bell', manager, days, { cases: false });
  }
}

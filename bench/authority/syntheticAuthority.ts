import { randomUUID } from 'node:crypto';
import { seededRandom, syntheticPeople, type SyntheticPerson } from '../syntheticPeople';
import { childJourney } from './childJourney';
import { day, Journey, startIds, type Allocation, type Diligence, type SyntheticEvent, type TeamKind } from './journey';

/**
 * A synthetic authority for the standards benchmark: teams and their workers, and children whose
 * records hold, between them, `children × eventsPerChild` events over `years` years, each child's
 * journey drawn from a seeded generator (so every run has the same children and journeys).
 * Some records are short (a contact and no further action), some long (years in care).
 */
export interface SyntheticTeam {
  id: string;
  name: string;
  kind: TeamKind;
  specialism: string | null;
}

export interface SyntheticWorker {
  id: string;
  username: string;
  displayName: string;
  teamId: string;
}

export interface SyntheticChild {
  person: SyntheticPerson;
  disabled: boolean;
  /** Oldest first. */
  events: SyntheticEvent[];
}

export interface SyntheticAuthority {
  teams: SyntheticTeam[];
  workers: SyntheticWorker[];
  children: SyntheticChild[];
  events: number;
}

const teamPlan: [name: string, kind: TeamKind][] = [
  ['Front Door (MASH)', 'front-door'],
  ['Early Help Hub', 'early-help'],
  ['Assessment Team North', 'assessment'],
  ['Assessment Team South', 'assessment'],
  ['Child Protection Team East', 'child-protection'],
  ['Child Protection Team West', 'child-protection'],
  ['Children in Need Team', 'children-in-need'],
  ['Children in Care Team 1', 'children-in-care'],
  ['Children in Care Team 2', 'children-in-care'],
  ['Leaving Care Team', 'leaving-care'],
  ["Disabled Children's Team", 'disabled-children'],
];

/** Teams keep to timescales differently: the compliance page should show it. */
const diligences: Diligence[] = [
  { onTime: 0.94, late: 0.045 },
  { onTime: 0.88, late: 0.08 },
  { onTime: 0.8, late: 0.13 },
];

/**
 * `seed` draws a different authority (the benchmark's own is seed 0); the same seed and `today`
 * always draw the same children, journeys and names.
 */
export function syntheticAuthority(options: { children: number; eventsPerChild: number; years: number; today: Date; workersPerTeam: number; seed?: number }): SyntheticAuthority {
  const seed = options.seed ?? 0;
  startIds(seed);
  const random = seededRandom(3_2026 + seed * 7919);
  const today = options.today.getTime();
  const teams: SyntheticTeam[] = teamPlan.map(([name, kind]) => ({ id: randomUUID(), name, kind, specialism: kind === 'disabled-children' ? 'disabled-children' : null }));
  const staffNames = syntheticPeople(teams.length * options.workersPerTeam * 3, 44 + seed * 7919, options.today).filter((p) => p.kind === 'adult');
  const workers: SyntheticWorker[] = [];
  for (const team of teams) {
    for (let i = 0; i < options.workersPerTeam; i++) {
      const name = staffNames[workers.length] as SyntheticPerson;
      workers.push({ id: randomUUID(), username: `bench.worker.${workers.length + 1}`, displayName: `${name.givenNames.split(' ')[0]} ${name.familyName}`, teamId: team.id });
    }
  }
  const allocator = (kind: TeamKind): Allocation => {
    const choices = teams.filter((t) => t.kind === kind);
    const team = choices[random.int(0, choices.length - 1)] as SyntheticTeam;
    const worker = workers[workers.findIndex((w) => w.teamId === team.id) + random.int(0, options.workersPerTeam - 1)] as SyntheticWorker;
    return { teamId: team.id, teamName: team.name, workerId: worker.id, workerName: worker.displayName };
  };

  // Two in five drawn are children: enough drawn that even a small authority has its number (the first ones are the same whatever the number).
  const people = syntheticPeople(options.children * 3 + 200, 2030 + seed * 7919, options.today).filter((p) => p.kind === 'child').slice(0, options.children);
  if (people.length < options.children) throw new Error('Not enough synthetic children drawn');
  const children: SyntheticChild[] = [];
  let events = 0;
  const span = options.years * 365 * day;
  for (const [index, person] of people.entries()) {
    // What is left of the authority's events, shared among the children still to come.
    const mean = (options.children * options.eventsPerChild - events) / (options.children - index);
    const budget = Math.max(8, Math.round(mean * 2 * random.next() ** 1.3 * 1.15));
    const firstContact = today - random.next() ** 0.6 * span;
    const ageAtContact = random.next() * 17.5;
    const dateOfBirth = new Date(firstContact - ageAtContact * 365.25 * day).toISOString().slice(0, 10);
    const disabled = random.chance(0.06);
    const journey = new Journey(random, today, diligences[random.int(0, diligences.length - 1)] as Diligence, budget, dateOfBirth, disabled, allocator);
    journey.record('child.registered', firstContact - random.int(1, 60) * 60_000);
    // Registered when it was recorded: the record exists before anything is written on it.
    const registration = journey.events[0] as SyntheticEvent;
    registration.recordedAt = registration.at;
    childJourney(journey, journey.workTime(firstContact));
    const list = journey.events.sort((a, b) => a.at - b.at);
    children.push({ person: { ...person, dateOfBirth }, disabled, events: list });
    events += list.length;
  }
  return { teams, workers, children, events };
}

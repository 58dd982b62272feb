import type { Random } from '../syntheticPeople';

/**
 * The toolkit the synthetic authority's journeys are written with: a child's events as they
 * would have been recorded, dated in milliseconds, with a worker who mostly keeps to the
 * practice standards' timescales, is sometimes late and now and then forgets.
 */
export const hour = 3_600_000;
export const day = 24 * hour;
/** Working days as calendar days, near enough for drawing dates (bank holidays aside). */
export const workingDays = (n: number) => (n * 7) / 5;

export interface SyntheticEvent {
  type: string;
  at: number;
  recordedAt: number;
  data: Record<string, unknown>;
  /** The worker who recorded it (the child's allocated worker then). */
  by: Allocation | null;
}

/** The teams a child moves between; a disabled child stays with the Disabled Children's Team. */
export type TeamKind = 'front-door' | 'early-help' | 'assessment' | 'child-protection' | 'children-in-need' | 'children-in-care' | 'leaving-care' | 'disabled-children';

export interface Allocation {
  teamId: string;
  teamName: string;
  workerId: string;
  workerName: string;
}

/** How a worker keeps to timescales: the chance of on time and of late; the rest is never. */
export interface Diligence {
  onTime: number;
  late: number;
}

/**
 * Ids that tie events together (a MASH enquiry and its reply, a placement and its end) are UUIDs,
 * as Hearth writes them: the front door keeps its enquiries by them. Drawn from a counter in the
 * authority's own space (its seed), so the same seed gives the same ids and no draw of the
 * journeys' random numbers is spent on them.
 */
let idSpace = 0;
let idCounter = 0;
export function startIds(seed: number): void {
  idSpace = seed;
  idCounter = 0;
}
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width);

export class Journey {
  readonly events: SyntheticEvent[] = [];
  private allocation: Allocation | null = null;
  private team: TeamKind | null = null;
  private counter = 0;

  constructor(
    readonly random: Random,
    readonly today: number,
    readonly diligence: Diligence,
    /** Roughly how many events this child's record should hold. */
    readonly budget: number,
    readonly dateOfBirth: string,
    readonly disabled: boolean,
    private readonly allocator: (team: TeamKind) => Allocation,
  ) {}

  get exhausted(): boolean {
    return this.events.length >= this.budget;
  }

  /** A new id for data that ties events together (a review and its sign-off). */
  id(_prefix: string): string {
    this.counter++;
    return `${hex(idSpace, 8)}-0000-4000-8000-${hex(++idCounter, 12)}`;
  }

  /** Moves the child to a team (and one of its workers), as a manager's allocation would. */
  allocate(team: TeamKind, at: number): void {
    const kind = this.disabled && team !== 'front-door' && team !== 'early-help' ? 'disabled-children' : team;
    if (kind === this.team || at > this.today) return;
    this.team = kind;
    this.allocation = this.allocator(kind);
    const { teamId, teamName, workerId, workerName } = this.allocation;
    this.record('child.allocated', at, { teamId, teamName, workerId, workerName });
  }

  /** Records an event if it has happened by today; written up minutes to days later. */
  record(type: string, at: number | null, data: Record<string, unknown> = {}): boolean {
    if (at === null || at > this.today) return false;
    const r = this.random.next();
    const lag = r < this.diligence.onTime ? this.random.int(5, 240) * 60_000 : r < this.diligence.onTime + this.diligence.late ? this.random.int(3, 72) * hour : this.random.int(3, 8) * day;
    this.events.push({ type, at, recordedAt: Math.min(at + lag, Math.max(at, this.today)), data, by: this.allocation });
    return true;
  }

  /** A working day's time on or after `at`: weekends move to Monday, evenings to the next morning. */
  workTime(at: number): number {
    const d = new Date(at);
    let start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    if (at - start >= 17 * hour) start += day;
    const weekday = new Date(start).getUTCDay();
    start += (weekday === 6 ? 2 : weekday === 0 ? 1 : 0) * day;
    if (start > at) return start + this.random.int(8 * 60, 12 * 60) * 60_000;
    return Math.max(at, start + 8 * hour) + this.random.int(0, 90) * 60_000;
  }

  /** When something due `dueDays` after `from` was done: on time, late, or never (null). */
  doneBy(from: number, dueDays: number): number | null {
    const r = this.random.next();
    if (r < this.diligence.onTime) return from + (0.1 + 0.8 * this.random.next()) * dueDays * day;
    if (r < this.diligence.onTime + this.diligence.late) return from + (dueDays * (1.1 + this.random.next()) + 1 + this.random.int(0, 10)) * day;
    return null;
  }

  /**
   * A step of an episode (an assessment's agency checks, a Section 47 visit) falls within it, as
   * the import checks: drawn before its start, it is done soon after the start; drawn after its
   * end, it was done late, shortly before the end (an assessment is not completed with the child
   * unseen). Never stays never; an episode that has not ended yet (`until` in the future or
   * infinite) keeps a late step as drawn.
   */
  within(at: number | null, from: number, until: number): number | null {
    if (at === null) return null;
    if (at <= from) return Math.min(from + this.random.int(10, 240) * 60_000, from + (until - from) / 2);
    if (at < until || until > this.today) return at;
    return from + (until - from) * (0.6 + 0.35 * this.random.next());
  }

  /** A follow-up that belongs to an episode (a review's record, a placement's plan): done before its end, or not recorded on it. */
  ifBefore(at: number | null, until: number): number | null {
    return at !== null && at < until ? at : null;
  }

  /** Like doneBy, but it always happens in the end (a threshold decision, a conference). */
  eventually(from: number, dueDays: number): number {
    return this.doneBy(from, dueDays) ?? from + (dueDays * 2 + this.random.int(2, 30)) * day;
  }

  /** Something due `aheadDays` before `at` (reports before a conference): in time, late, or never. */
  before(at: number, aheadDays: number): number | null {
    const r = this.random.next();
    if (r < this.diligence.onTime) return at - (aheadDays + 0.5 + this.random.next() * 5) * day;
    if (r < this.diligence.onTime + this.diligence.late) return at - Math.max(0.1, aheadDays * this.random.next() * 0.8) * day;
    return null;
  }

  /** The next time round of something done every `everyDays`: usually in time, sometimes late. */
  next(from: number, everyDays: number): number {
    const r = this.random.next();
    const factor = r < this.diligence.onTime ? 0.55 + 0.4 * this.random.next() : r < this.diligence.onTime + this.diligence.late ? 1.05 + 0.6 * this.random.next() : 1.7 + this.random.next();
    return this.workTime(from + factor * everyDays * day);
  }

  /** Repeats `make` every `everyDays` from `from` until `until` (exclusive), or the budget runs out. */
  every(from: number, everyDays: number, until: number, make: (at: number, n: number) => void): void {
    for (let at = this.next(from, everyDays), n = 1; at < until && at <= this.today; at = this.next(at, everyDays), n++) make(at, n);
  }

  birthday(age: number): number {
    const [y, m, d] = this.dateOfBirth.split('-').map(Number) as [number, number, number];
    return Date.UTC(y + age, m - 1, d);
  }

  ageAt(at: number): number {
    let age = new Date(at).getUTCFullYear() - Number(this.dateOfBirth.slice(0, 4));
    if (this.birthday(age) > at) age--;
    return age;
  }

  chance(p: number): boolean {
    return this.random.chance(p);
  }

  /** A whole number of days between two limits, as a duration in milliseconds. */
  days(min: number, max: number): number {
    return this.random.int(min, max) * day;
  }
}

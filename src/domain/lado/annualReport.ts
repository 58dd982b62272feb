import { londonDate } from '../calendar/localDate';
import type { WorkingCalendar } from '../calendar/workingDays';
import { categories, outcomes, resolutionBand, sectors, sources, type Allegation, type ResolutionBand } from './allegation';

/**
 * The LADO's annual report (practice-standards.txt, Managing Allegations 88: "the sources and
 * nature of referrals, the outcomes and any themes arising") and the resolution measure (87: "80%
 * of cases should be resolved within 1 month, 90% within 3 months. The remainder within 12 months").
 * A year is the council's reporting year, 1 April to 31 March, as LADO annual reports are.
 */
export interface YearRange {
  label: string;
  from: string;
  to: string;
}

export function reportingYear(startYear: number): YearRange {
  return { label: `April ${startYear} to March ${startYear + 1}`, from: `${startYear}-04-01`, to: `${startYear + 1}-03-31` };
}

/** The reporting year a date falls in (its starting calendar year). */
export function reportingYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '04-01' ? year : year - 1;
}

export interface Count {
  value: string;
  text: string;
  count: number;
}

export interface ResolutionMeasure {
  /** Allegations concluded in the year: the base of the measure. */
  concluded: number;
  bands: Record<ResolutionBand, number>;
  /** Cumulative shares (whole per cent) with their targets. */
  within: { label: string; count: number; percent: number | null; target: number; met: boolean | null }[];
  /** Open at the end of the year (or today, if sooner) for more than 12 months: outside the guidance. */
  openOverTwelveMonths: number;
}

export interface Timeliness {
  label: string;
  citation: string;
  inTime: number;
  late: number;
  notYet: number;
}

export interface AnnualReport {
  year: YearRange;
  received: number;
  concluded: number;
  openAtEnd: number;
  sources: Count[];
  nature: Count[];
  sectors: Count[];
  outcomes: Count[];
  dbsReferrals: number;
  regulatorReferrals: number;
  childLed: number;
  fosterCarers: number;
  /** Employers with more than one allegation received in the year: a theme to follow up. */
  repeatEmployers: { employer: string; count: number }[];
  /** Sector by nature: where the year's allegations came from and what they were about. */
  themes: { sector: string; category: string; count: number }[];
  resolution: ResolutionMeasure;
  timeliness: Timeliness[];
}

const inYear = (at: Date, year: YearRange) => {
  const d = londonDate(at);
  return d >= year.from && d <= year.to;
};

function countBy(list: readonly { value: string; text: string }[], values: readonly string[]): Count[] {
  return list.map((c) => ({ value: c.value, text: c.text, count: values.filter((v) => v === c.value).length }));
}

const percent = (n: number, of: number) => (of === 0 ? null : Math.floor((n * 100) / of));

/** Whether something done at `done` was within `n` working days of `start` (DESIGN.md: the start's own day is day 0). */
function withinWorkingDays(calendar: WorkingCalendar, start: Date, done: Date, n: number): boolean {
  return londonDate(done) <= calendar.addWorkingDays(londonDate(start), n);
}

function timeliness(calendar: WorkingCalendar, label: string, citation: string, items: { start: Date; done: Date | null; days: number }[], today: string): Timeliness {
  const result = { label, citation, inTime: 0, late: 0, notYet: 0 };
  for (const item of items) {
    if (item.done) {
      if (withinWorkingDays(calendar, item.start, item.done, item.days)) result.inTime += 1;
      else result.late += 1;
    } else if (today > calendar.addWorkingDays(londonDate(item.start), item.days)) result.late += 1;
    else result.notYet += 1;
  }
  return result;
}

export function annualReport(allegations: readonly Allegation[], year: YearRange, calendar: WorkingCalendar, today: string): AnnualReport {
  // An allegation recorded in error (the wrong adult) is counted nowhere.
  const all = allegations.filter((a) => !a.inError);
  const received = all.filter((a) => inYear(a.receivedAt, year));
  const concluded = all.filter((a) => a.outcome && inYear(a.outcome.concludedAt, year));
  const end = today < year.to ? today : year.to;
  const openAtEnd = all.filter((a) => londonDate(a.receivedAt) <= end && (!a.outcome || londonDate(a.outcome.concludedAt) > end));

  const bands: Record<ResolutionBand, number> = { one_month: 0, three_months: 0, twelve_months: 0, over_twelve_months: 0 };
  for (const a of concluded) bands[resolutionBand(a.receivedAt, a.outcome!.concludedAt)] += 1;
  const cumulative = [
    { label: 'Resolved within 1 month', count: bands.one_month, target: 80 },
    { label: 'Resolved within 3 months', count: bands.one_month + bands.three_months, target: 90 },
    { label: 'Resolved within 12 months', count: bands.one_month + bands.three_months + bands.twelve_months, target: 100 },
  ].map((w) => {
    const p = percent(w.count, concluded.length);
    return { ...w, percent: p, met: p === null ? null : p >= w.target };
  });
  const overTwelve = openAtEnd.filter((a) => resolutionBand(a.receivedAt, new Date(`${end}T12:00:00Z`)) === 'over_twelve_months').length;

  const employers = new Map<string, { employer: string; count: number }>();
  for (const a of received) {
    const key = a.employer.trim().toLowerCase();
    const entry = employers.get(key) ?? { employer: a.employer.trim(), count: 0 };
    entry.count += 1;
    employers.set(key, entry);
  }
  const themes = new Map<string, { sector: string; category: string; count: number }>();
  for (const a of received) {
    const key = `${a.sector}|${a.category}`;
    const entry = themes.get(key) ?? { sector: sectors.find((s) => s.value === a.sector)?.text ?? a.sector, category: categories.find((c) => c.value === a.category)?.text ?? a.category, count: 0 };
    entry.count += 1;
    themes.set(key, entry);
  }

  return {
    year,
    received: received.length,
    concluded: concluded.length,
    openAtEnd: openAtEnd.length,
    sources: countBy(sources, received.map((a) => a.source)),
    nature: countBy(categories, received.map((a) => a.category)),
    sectors: countBy(sectors, received.map((a) => a.sector)),
    outcomes: countBy(outcomes, concluded.map((a) => a.outcome!.outcome)),
    dbsReferrals: concluded.filter((a) => a.outcome!.dbsReferral).length,
    regulatorReferrals: concluded.filter((a) => a.outcome!.regulator !== 'none').length,
    childLed: received.filter((a) => a.childLed).length,
    fosterCarers: received.filter((a) => a.fosterCarer).length,
    repeatEmployers: [...employers.values()].filter((e) => e.count > 1).sort((x, y) => y.count - x.count || x.employer.localeCompare(y.employer)),
    themes: [...themes.values()].sort((x, y) => y.count - x.count || x.sector.localeCompare(y.sector)),
    resolution: { concluded: concluded.length, bands, within: cumulative, openOverTwelveMonths: overTwelve },
    timeliness: [
      timeliness(calendar, 'LADO informed within 1 working day of the employer knowing', 'Managing Allegations 81', received.flatMap((a) => (a.awareAt ? [{ start: a.awareAt, done: a.receivedAt, days: 1 }] : [])), today),
      timeliness(
        calendar,
        'Strategy meeting within 2 working days of receipt (1 when child-led)',
        'Managing Allegations 83',
        received.map((a) => ({ start: a.receivedAt, done: a.meetings[0]?.heldAt ?? null, days: a.childLed ? 1 : 2 })),
        today,
      ),
      timeliness(
        calendar,
        'Strategy meeting notes distributed within 2 working days',
        'Managing Allegations 84',
        received.flatMap((a) => a.meetings.map((m) => ({ start: m.heldAt, done: m.notesDistributedAt, days: 2 }))),
        today,
      ),
      timeliness(
        calendar,
        'Enquiries responded to within 1 working day',
        'Managing Allegations 82',
        received.flatMap((a) => a.enquiries.map((q) => ({ start: q.receivedAt, done: q.respondedAt, days: 1 }))),
        today,
      ),
    ],
  };
}

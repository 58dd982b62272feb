import { isIsoDate } from '../calendar/localDate';
import type { Problem } from '../people/personDetails';

/**
 * Whether a child who starts to be looked after had left an earlier period of care through
 * adoption, a special guardianship order or a child arrangements (or residence) order: what the
 * SSDA903 return calls previous permanence (table previous_permanence: PREV_PERM, LA_PERM,
 * DATE_PERM; ssda903/rules-2024-25.csv 630-635). The worker answers in these words on the In care
 * page ("Becoming looked after"); the return writes the DfE code (issue 10: "a worker never types
 * a DfE code").
 *
 * The DfE's code set, as its guide gives it: P1 adoption; P2 special guardianship order; P3
 * residence order or child arrangements order which sets out with whom the child is to live; P4
 * unknown (the authority does not know whether the child had one); Z1 the child has not previously
 * had a permanence option. Only orders that ended an earlier period of care count: an adoption or
 * order for a child who was never looked after before is left out, so "No" is the answer then.
 *
 * Stored on cic.started as data.previousPermanence = { option, on?, authority? }: for one of the
 * orders, the date it was made (YYYY-MM-DD, or YYYY-MM when the day is not known, or YYYY when only
 * the year is) and the council that arranged it (its name, or its 3-digit DfE code, as the worker
 * typed it).
 */
export const previousPermanenceOptions = [
  { value: 'none', text: 'No: the child has not left care before through adoption, special guardianship or a child arrangements order', dfe: 'Z1' },
  { value: 'adopted', text: 'Yes: the child was adopted', dfe: 'P1' },
  { value: 'special_guardianship', text: 'Yes: the child lived with a special guardian under a special guardianship order', dfe: 'P2' },
  { value: 'child_arrangements', text: 'Yes: the child lived with someone under a child arrangements order (or a residence order, before April 2014)', dfe: 'P3' },
  { value: 'not_known', text: 'Not known', dfe: 'P4' },
] as const;

export type PreviousPermanenceOption = (typeof previousPermanenceOptions)[number]['value'];

/** The options that are orders: each has the date it was made and the council that arranged it. */
export const permanenceOrders: ReadonlySet<string> = new Set(['adopted', 'special_guardianship', 'child_arrangements']);

export interface PreviousPermanence {
  option: PreviousPermanenceOption;
  /** When the order was made: YYYY-MM-DD, YYYY-MM (day not known) or YYYY (only the year known). */
  on?: string;
  /** The council that arranged the order, as the worker typed it: its name or its DfE code. */
  authority?: string;
}

const optionValues: ReadonlySet<string> = new Set(previousPermanenceOptions.map((o) => o.value));

/** The DfE code of an option (PREV_PERM); null for a value that is not one. */
export const prevPermCodeOf = (option: unknown): string | null => previousPermanenceOptions.find((o) => o.value === option)?.dfe ?? null;

const partialPattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether a stored date of an order is a real full date, month or year (YYYY-MM-DD, YYYY-MM, YYYY). */
export function isPermanenceDate(on: string): boolean {
  const m = partialPattern.exec(on);
  if (!m || Number(m[1]) < 1900) return false;
  if (m[3] !== undefined) return isIsoDate(on);
  return m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 12);
}

/** The first and the last day a full date, month or year may be (2016-05 is 2016-05-01 to 2016-05-31). */
export function permanenceDateRange(on: string): { earliest: string; latest: string } {
  const [year, month, day] = on.split('-');
  if (day) return { earliest: on, latest: on };
  if (month) {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { earliest: `${year}-${month}-01`, latest: `${year}-${month}-${String(last).padStart(2, '0')}` };
  }
  return { earliest: `${year}-01-01`, latest: `${year}-12-31` };
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A date as the page shows one: 3 May 2026. */
const shown = (iso: string) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** What the page sends: the option, the date of the order in three boxes (day and month may be left blank), and the council. */
export interface PreviousPermanenceAnswer {
  option: unknown;
  day: unknown;
  month: unknown;
  year: unknown;
  authority: unknown;
}

/** The form's fields, for the problems: the radios, the date boxes and the council. */
export const previousPermanenceFields = { option: 'previousPermanence', on: 'previousPermanenceOn', authority: 'previousPermanenceAuthority' } as const;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * The worker's answer checked: an option from the list; for an order, the year it was made (the
 * month and day too where known), on a day that could be before the child came into care
 * (`careStartsOn`) and not after today — a month or year that runs into the day care began needs
 * the day, since the return's rule 632 reads an unknown day as the latest it could be — and the
 * council that arranged it. What is not asked for (a date for "No") is not kept.
 */
export function previousPermanenceOf(answer: PreviousPermanenceAnswer, careStartsOn: string | null, today: string): { value: PreviousPermanence | null; problems: Problem[] } {
  const f = previousPermanenceFields;
  const option = text(answer.option);
  if (!optionValues.has(option)) {
    return { value: null, problems: [{ field: f.option, message: 'Select whether the child had been adopted, or lived with someone under a special guardianship or child arrangements order, before this' }] };
  }
  if (!permanenceOrders.has(option)) return { value: { option: option as PreviousPermanenceOption }, problems: [] };
  const problems: Problem[] = [];
  const [day, month, year] = [text(answer.day), text(answer.month), text(answer.year)];
  let on: string | null = null;
  if (!year) problems.push({ field: `${f.on}-year`, message: 'Enter the year the order was made, and the month and day if you know them' });
  else if (!/^\d{4}$/.test(year)) problems.push({ field: `${f.on}-year`, message: 'The year the order was made must be a real year, like 2016' });
  else if (month && !/^\d{1,2}$/.test(month)) problems.push({ field: `${f.on}-month`, message: 'The month the order was made must be a number from 1 to 12' });
  else if (day && !month) problems.push({ field: `${f.on}-month`, message: 'Enter the month the order was made, or leave the day blank' });
  else if (day && !/^\d{1,2}$/.test(day)) problems.push({ field: `${f.on}-day`, message: 'The date the order was made must be a real date' });
  else {
    const candidate = [year, month && month.padStart(2, '0'), day && day.padStart(2, '0')].filter(Boolean).join('-');
    if (!isPermanenceDate(candidate)) {
      const field = month && (Number(month) < 1 || Number(month) > 12) ? `${f.on}-month` : day ? `${f.on}-day` : `${f.on}-year`;
      problems.push({ field, message: field.endsWith('month') ? 'The month the order was made must be a number from 1 to 12' : 'The date the order was made must be a real date' });
    } else {
      const { earliest, latest } = permanenceDateRange(candidate);
      if (earliest > today) problems.push({ field: `${f.on}-year`, message: 'The date the order was made must be in the past' });
      else if (careStartsOn && earliest >= careStartsOn) problems.push({ field: `${f.on}-year`, message: `The order must have been made before the child came into care on ${shown(careStartsOn)}` });
      else if (careStartsOn && latest >= careStartsOn) problems.push({ field: `${f.on}-${month ? 'day' : 'month'}`, message: `The order was made close to when the child came into care on ${shown(careStartsOn)}: enter the ${month ? 'day' : 'month and day'} it was made` });
      else on = candidate;
    }
  }
  const authority = text(answer.authority);
  if (!authority) problems.push({ field: f.authority, message: 'Enter the council that arranged the order, or its DfE code' });
  else if (authority.length > 200) problems.push({ field: f.authority, message: 'The council that arranged the order must be 200 characters or fewer' });
  if (problems.length > 0 || on === null) return { value: null, problems };
  return { value: { option: option as PreviousPermanenceOption, on, authority }, problems: [] };
}

/**
 * What is wrong with data.previousPermanence as history may hold it (an import, the API), or null:
 * the shape the page stores, so the return can read it. Whether the order came before the care is
 * for the page, which knows the day care began.
 */
export function storedPreviousPermanenceProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'must be an object like { option: "none" }';
  const v = value as Record<string, unknown>;
  if (typeof v.option !== 'string' || !optionValues.has(v.option)) return `option must be one of ${[...optionValues].join(', ')}`;
  const order = permanenceOrders.has(v.option);
  if (!order) return v.on !== undefined || v.authority !== undefined ? `${v.option} has no date or council: leave out on and authority` : null;
  if (typeof v.on !== 'string' || !isPermanenceDate(v.on)) return 'on must be the date the order was made: YYYY-MM-DD, or YYYY-MM, or YYYY';
  if (typeof v.authority !== 'string' || v.authority.trim() === '' || v.authority.length > 200) return 'authority must be the council that arranged the order (1 to 200 characters)';
  return null;
}

/** The DfE's own codes for an order arranged outside England (LA_PERM): Wales, Scotland, Northern Ireland, outside the UK. */
const outsideEngland: ReadonlySet<string> = new Set(['WAL', 'SCO', 'NIR', 'NUK']);

/**
 * The council as the return's LA_PERM: the code when the worker typed one (3 digits, or WAL, SCO,
 * NIR, NUK for an order outside England); null for a name, which Hearth cannot turn into a code.
 */
export function laPermCodeOf(authority: unknown): string | null {
  const t = text(authority).toUpperCase();
  return /^\d{3}$/.test(t) || outsideEngland.has(t) ? t : null;
}

const shortText: Record<PreviousPermanenceOption, string> = {
  none: 'No',
  adopted: 'Adopted: adoption order',
  special_guardianship: 'Special guardianship order',
  child_arrangements: 'Child arrangements order (or residence order)',
  not_known: 'Not known',
};

/** The answer as the In care page shows it: "Special guardianship order made in March 2019, arranged by Leeds City Council"; null when none is held. */
export function previousPermanenceText(value: unknown): string | null {
  if (value === undefined || storedPreviousPermanenceProblem(value) !== null) return null;
  const p = value as PreviousPermanence;
  if (!p.on) return shortText[p.option];
  const [year, month, day] = p.on.split('-');
  const when = day ? `on ${shown(p.on)}` : month ? `in ${months[Number(month) - 1]} ${year}` : `in ${year}`;
  return `${shortText[p.option]} made ${when}, arranged by ${p.authority}`;
}

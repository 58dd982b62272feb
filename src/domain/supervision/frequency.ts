import { addDays, addMonths } from '../calendar/localDate';

/**
 * How often a member of staff is supervised (specialist-service-statement.txt 5.4: "All CYPSS staff
 * will receive supervision at least monthly. Specific arrangements will be made for induction
 * periods and assessed and supported years in employment to include more frequent supervision
 * (weekly or fortnightly)"). The same words the workforce profile's `supervisionFrequencyOn` uses.
 */
export type Frequency = 'weekly' | 'fortnightly' | 'monthly';

/** Most frequent first. */
export const frequencies: readonly Frequency[] = ['weekly', 'fortnightly', 'monthly'];

export const frequencyLabels: Record<Frequency, string> = {
  weekly: 'Weekly',
  fortnightly: 'Fortnightly',
  monthly: 'Monthly',
};

export function isFrequency(value: unknown): value is Frequency {
  return typeof value === 'string' && (frequencies as readonly string[]).includes(value);
}

/** The more frequent of two frequencies: what a supervisee is owed when the contract and the profile differ. */
export function moreFrequent(a: Frequency, b: Frequency): Frequency {
  return frequencies.indexOf(a) <= frequencies.indexOf(b) ? a : b;
}

/** May a contract agree `chosen` when the profile asks for `required`? More frequent, never less (5.4). */
export function atLeastAsFrequent(chosen: Frequency, required: Frequency): boolean {
  return frequencies.indexOf(chosen) <= frequencies.indexOf(required);
}

/** The frequencies a contract may agree when the profile asks for `required`. */
export function allowedFrequencies(required: Frequency): Frequency[] {
  return frequencies.filter((f) => atLeastAsFrequent(f, required));
}

/**
 * The date the next session is due after one held (or a contract agreed) on `date`, in calendar
 * days (DESIGN.md, Time and working days: "within N weeks" counts calendar days; "within N months"
 * is the same day of the month, clamped to the month's end). A weekend or bank holiday does not
 * move it: supervision is a date in the diary, and a session can be held before it.
 */
export function dueAfter(date: string, frequency: Frequency): string {
  switch (frequency) {
    case 'weekly':
      return addDays(date, 7);
    case 'fortnightly':
      return addDays(date, 14);
    case 'monthly':
      return addMonths(date, 1);
  }
}

import type { Interval, Rule } from './rule';

const unitWords: Record<Interval['unit'], [string, string]> = {
  hours: ['hour', 'hours'],
  'working-days': ['working day', 'working days'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
};

export function intervalText(interval: Interval): string {
  if (interval.amount === 0) return interval.unit === 'hours' ? 'at once' : 'the same day';
  const [one, many] = unitWords[interval.unit];
  return `${interval.amount} ${interval.amount === 1 ? one : many}`;
}

/** A rule's timescale in words: "within 15 working days", "every 6 weeks", "before the 17th birthday". */
export function timescaleText(rule: Rule): string {
  switch (rule.kind) {
    case 'after':
      if (rule.fromDateIn) return rule.within.amount === 0 ? 'by the date set' : `within ${intervalText(rule.within)} of the date set`;
      return rule.within.amount === 0 ? intervalText(rule.within) : `within ${intervalText(rule.within)}`;
    case 'recurring':
      return `every ${intervalText(rule.every)}${rule.first ? `, the first within ${intervalText(rule.first)}` : ''}${rule.times ? `, ${rule.times} times` : ''}`;
    case 'before-birthday':
      return rule.ahead.unit === 'days' && rule.ahead.amount === 1 ? `before the ${ordinal(rule.age)} birthday` : `${intervalText(rule.ahead)} before the ${ordinal(rule.age)} birthday`;
    case 'before-event':
      if (rule.beforeDateIn) return rule.ahead.amount === 0 ? 'by the date set' : `${intervalText(rule.ahead)} before the date set`;
      // "0 days before" is the day of the event itself.
      return rule.ahead.amount === 0 ? (rule.ahead.unit === 'hours' ? 'before it starts' : 'by the day of it') : `${intervalText(rule.ahead)} before`;
  }
}

export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

import { disruptionCauses, placementEndings, providerDocuments } from '../../domain/placements/placementState';
import { providerTypes, ratingText } from '../../domain/placements/providers';
import { labelOfReferrerAgency } from '../../domain/frontDoor/referrerAgencies';
import { settingChoices } from '../../domain/placements/settings';
import { criterionChoices } from '../../domain/panel/criteria';

/** The words for a value from a list of choices; the value itself when it is not in the list (history from an older system). */
const textOf = (list: readonly { value: string; text: string }[], value: string) => list.find((c) => c.value === value)?.text ?? value;
import * as codes from '../../domain/people/codes';
import { formatNhsNumber } from '../../domain/people/nhsNumber';
import { londonDate } from '../../domain/calendar/localDate';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});

/** "2014-03-27" → "27 March 2014" (GOV.UK style for dates); an instant gives its London date. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (value instanceof Date) return formatDate(londonDate(value));
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? String(value) : dateFormat.format(d);
}

/** An instant as London time: "27 March 2014 at 3:04pm". */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = value instanceof Date ? value : new Date(value);
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${String(parts.dayPeriod ?? '').toLowerCase()}`;
}

/** Whole pence as pounds and pence: 145000 → "£1,450.00" (money is kept as whole pence; issue 7). */
export function formatPounds(pence: number | null | undefined): string {
  if (pence === null || pence === undefined || !Number.isFinite(pence)) return '';
  const whole = Math.abs(Math.trunc(pence));
  return `${pence < 0 ? '-' : ''}£${Math.floor(whole / 100).toLocaleString('en-GB')}.${String(whole % 100).padStart(2, '0')}`;
}

export const viewFilters: Record<string, (...args: never[]) => unknown> = {
  pounds: formatPounds,
  // A provider's kind and Ofsted judgement in words (src/domain/placements/providers.ts).
  // Who referred a contact, in the words the front door chose it in (src/domain/frontDoor/referrerAgencies.ts).
  referrerAgencyText: (value: string) => labelOfReferrerAgency(value) || value,
  providerTypeText: (value: string) => providerTypes.find((t) => t.value === value)?.text ?? value,
  ratingText: (value: string) => ratingText(value),
  placementSettingText: (value: string) => textOf(settingChoices, value),
  // Why a case comes to the Resource and Care Panel (src/domain/panel/criteria.ts).
  criterionText: (value: string) => textOf(criterionChoices, value),
  placementEndingText: (value: string) => textOf(placementEndings, value),
  disruptionCauseText: (value: string) => textOf(disruptionCauses, value),
  providerDocumentText: (value: string) => textOf(providerDocuments, value),
  date: formatDate,
  dateTime: formatDateTime,
  nhs: (value: string | null) => (value ? formatNhsNumber(value) : ''),
  codeLabel: (value: string | null, list: string) =>
    codes.labelOf((codes as unknown as Record<string, codes.Code[]>)[list] ?? [], value),
  /** For GOV.UK select and radio items: [{ value, text, selected }] from a code list. */
  asItems: (list: readonly codes.Code[], selected: string | null, blank?: string) => [
    ...(blank !== undefined ? [{ value: '', text: blank }] : []),
    ...list.map((c) => ({ value: c.code, text: c.label, selected: c.code === selected, checked: c.code === selected })),
  ],
  asCheckboxItems: (list: readonly codes.Code[], selected: string[] | null) =>
    list.map((c) => ({ value: c.code, text: c.label, checked: (selected ?? []).includes(c.code) })),
  dateParts: (value: string | null | undefined) => {
    const [year, month, day] = (value ?? '').split('-');
    return { day: day ? String(Number(day)) : '', month: month ? String(Number(month)) : '', year: year ?? '' };
  },
};

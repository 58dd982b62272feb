/**
 * Bank holidays announced after the date-holidays package was published, or missing from it.
 * Add a line when the government announces one (a jubilee, a coronation, a state funeral);
 * `npx hearth calendar add-working-days` and every due date will count it from then on.
 */
export const extraBankHolidays: { date: string; name: string }[] = [];

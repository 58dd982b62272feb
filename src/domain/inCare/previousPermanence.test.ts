import { describe, expect, it } from 'vitest';
import { laPermCodeOf, permanenceDateRange, prevPermCodeOf, previousPermanenceOf, previousPermanenceOptions, previousPermanenceText, storedPreviousPermanenceProblem } from './previousPermanence';

const today = '2026-06-10';
const careStarts = '2026-05-10';
const answer = (a: Partial<Record<'option' | 'day' | 'month' | 'year' | 'authority', string>>) => ({ option: '', day: '', month: '', year: '', authority: '', ...a });
const messages = (a: Parameters<typeof answer>[0]) => previousPermanenceOf(answer(a), careStarts, today).problems.map((p) => `${p.field}: ${p.message}`);

describe('previous permanence, in Hearth words (SSDA903 PREV_PERM)', () => {
  it('maps each answer to the DfE code: P1 adoption, P2 special guardianship, P3 child arrangements or residence order, P4 not known, Z1 none', () => {
    expect(Object.fromEntries(previousPermanenceOptions.map((o) => [o.value, o.dfe]))).toEqual({ none: 'Z1', adopted: 'P1', special_guardianship: 'P2', child_arrangements: 'P3', not_known: 'P4' });
    expect(prevPermCodeOf('adopted_abroad')).toBeNull();
  });

  it('needs an answer', () => {
    expect(messages({})).toEqual(['previousPermanence: Select whether the child had been adopted, or lived with someone under a special guardianship or child arrangements order, before this']);
    expect(messages({ option: 'maybe' })).toHaveLength(1);
  });

  it('keeps "No" and "Not known" without a date or council, whatever else was typed', () => {
    expect(previousPermanenceOf(answer({ option: 'none', year: '2016', authority: 'Leeds' }), careStarts, today)).toEqual({ value: { option: 'none' }, problems: [] });
    expect(previousPermanenceOf(answer({ option: 'not_known' }), careStarts, today)).toEqual({ value: { option: 'not_known' }, problems: [] });
  });

  it('keeps an order with a full date, a month and year, or a year, and the council as typed', () => {
    expect(previousPermanenceOf(answer({ option: 'special_guardianship', day: '3', month: '5', year: '2016', authority: ' 873 ' }), careStarts, today).value).toEqual({ option: 'special_guardianship', on: '2016-05-03', authority: '873' });
    expect(previousPermanenceOf(answer({ option: 'adopted', month: '5', year: '2016', authority: 'Leeds City Council' }), careStarts, today).value).toEqual({ option: 'adopted', on: '2016-05', authority: 'Leeds City Council' });
    expect(previousPermanenceOf(answer({ option: 'child_arrangements', year: '2016', authority: 'WAL' }), careStarts, today).value).toEqual({ option: 'child_arrangements', on: '2016', authority: 'WAL' });
  });

  it('needs the year and the council for an order', () => {
    expect(messages({ option: 'adopted' })).toEqual([
      'previousPermanenceOn-year: Enter the year the order was made, and the month and day if you know them',
      'previousPermanenceAuthority: Enter the council that arranged the order, or its DfE code',
    ]);
  });

  it('refuses a date that is not a real one, or a day without its month', () => {
    expect(messages({ option: 'adopted', year: '16', authority: 'Leeds' })).toEqual(['previousPermanenceOn-year: The year the order was made must be a real year, like 2016']);
    expect(messages({ option: 'adopted', month: '13', year: '2016', authority: 'Leeds' })).toEqual(['previousPermanenceOn-month: The month the order was made must be a number from 1 to 12']);
    expect(messages({ option: 'adopted', day: '31', month: '4', year: '2016', authority: 'Leeds' })).toEqual(['previousPermanenceOn-day: The date the order was made must be a real date']);
    expect(messages({ option: 'adopted', day: '3', year: '2016', authority: 'Leeds' })).toEqual(['previousPermanenceOn-month: Enter the month the order was made, or leave the day blank']);
  });

  it('needs the order before the child came into care, and not in the future', () => {
    expect(messages({ option: 'adopted', day: '10', month: '5', year: '2026', authority: 'Leeds' })).toEqual(['previousPermanenceOn-year: The order must have been made before the child came into care on 10 May 2026']);
    expect(messages({ option: 'adopted', year: '2027', authority: 'Leeds' })).toEqual(['previousPermanenceOn-year: The date the order was made must be in the past']);
    // May 2026 could be before 10 May or after it: the return reads it as 31 May, so the day is needed.
    expect(messages({ option: 'adopted', month: '5', year: '2026', authority: 'Leeds' })).toEqual(['previousPermanenceOn-day: The order was made close to when the child came into care on 10 May 2026: enter the day it was made']);
    expect(messages({ option: 'adopted', year: '2026', authority: 'Leeds' })).toEqual(['previousPermanenceOn-month: The order was made close to when the child came into care on 10 May 2026: enter the month and day it was made']);
    expect(messages({ option: 'adopted', day: '9', month: '5', year: '2026', authority: 'Leeds' })).toEqual([]);
    expect(messages({ option: 'adopted', month: '4', year: '2026', authority: 'Leeds' })).toEqual([]);
  });

  it('gives the range a month or year may be', () => {
    expect(permanenceDateRange('2024-02')).toEqual({ earliest: '2024-02-01', latest: '2024-02-29' });
    expect(permanenceDateRange('2016')).toEqual({ earliest: '2016-01-01', latest: '2016-12-31' });
    expect(permanenceDateRange('2016-05-03')).toEqual({ earliest: '2016-05-03', latest: '2016-05-03' });
  });

  it('writes LA_PERM only for a code: 3 digits, or the DfE codes for outside England', () => {
    expect(['873', ' wal ', 'NUK', 'Leeds City Council', '87', '8731', '', undefined].map(laPermCodeOf)).toEqual(['873', 'WAL', 'NUK', null, null, null, null, null]);
  });

  it('checks the stored shape history may bring', () => {
    expect(storedPreviousPermanenceProblem({ option: 'none' })).toBeNull();
    expect(storedPreviousPermanenceProblem({ option: 'adopted', on: '2016-05', authority: 'Leeds' })).toBeNull();
    expect(storedPreviousPermanenceProblem('none')).toMatch(/object/);
    expect(storedPreviousPermanenceProblem({ option: 'P1' })).toMatch(/option must be one of/);
    expect(storedPreviousPermanenceProblem({ option: 'none', on: '2016' })).toMatch(/no date or council/);
    expect(storedPreviousPermanenceProblem({ option: 'adopted', on: '12/05/2016', authority: 'Leeds' })).toMatch(/^on must be/);
    expect(storedPreviousPermanenceProblem({ option: 'adopted', on: '2016-13', authority: 'Leeds' })).toMatch(/^on must be/);
    expect(storedPreviousPermanenceProblem({ option: 'adopted', on: '2016' })).toMatch(/^authority must be/);
  });
});

describe('previousPermanenceText', () => {
  it('says what was answered, in words', () => {
    expect(previousPermanenceText({ option: 'none' })).toBe('No');
    expect(previousPermanenceText({ option: 'special_guardianship', on: '2019-03', authority: 'Leeds City Council' })).toBe('Special guardianship order made in March 2019, arranged by Leeds City Council');
    expect(previousPermanenceText({ option: 'adopted', on: '2016-05-03', authority: '873' })).toBe('Adopted: adoption order made on 3 May 2016, arranged by 873');
    expect(previousPermanenceText(undefined)).toBeNull();
  });
});

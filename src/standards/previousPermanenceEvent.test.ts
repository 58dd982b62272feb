import { describe, expect, it } from 'vitest';
import { problemsOf } from '../platform/validation';
import { eventTypeOf } from './index';

/** cic.started data.previousPermanence (src/domain/inCare/previousPermanence.ts): optional, so history imports; checked when present. */
describe('cic.started data.previousPermanence', () => {
  const parse = (data: Record<string, unknown>) => eventTypeOf('cic.started')!.data!.safeParse({ legalStatus: 'C2', ...data });

  it('is optional, and accepts the shapes the page stores', () => {
    expect(parse({}).success).toBe(true);
    expect(parse({ previousPermanence: { option: 'none' } }).success).toBe(true);
    expect(parse({ previousPermanence: { option: 'special_guardianship', on: '2019-03', authority: 'Leeds City Council' } }).success).toBe(true);
  });

  it('refuses what the return could not read, saying what it must be', () => {
    const refused = parse({ previousPermanence: { option: 'P2' } });
    expect(refused.success).toBe(false);
    if (!refused.success) expect(problemsOf(refused.error).map((p) => `${p.field}: ${p.message}`)).toEqual(['previousPermanence: option must be one of none, adopted, special_guardianship, child_arrangements, not_known']);
    expect(parse({ previousPermanence: { option: 'adopted', on: '12/05/2016', authority: '873' } }).success).toBe(false);
    expect(parse({ previousPermanence: { option: 'adopted', on: '2016' } }).success).toBe(false);
    expect(parse({ previousPermanence: 'none' }).success).toBe(false);
  });
});

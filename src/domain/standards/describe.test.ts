import { describe, expect, it } from 'vitest';
import { intervalText, timescaleText } from './describe';
import type { Rule } from './rule';

const base = { id: 'x.y', title: 'A test rule', citation: { document: 'practice-standards', section: 'S', paragraph: '1' }, quote: 'A quote for testing', responsible: 'social-worker', starts: [], satisfiedBy: [] } as const;

describe('timescales in words', () => {
  it('says intervals as people say them', () => {
    expect(intervalText({ amount: 1, unit: 'working-days' })).toBe('1 working day');
    expect(intervalText({ amount: 15, unit: 'working-days' })).toBe('15 working days');
    expect(intervalText({ amount: 0, unit: 'days' })).toBe('the same day');
    expect(intervalText({ amount: 24, unit: 'hours' })).toBe('24 hours');
  });

  it('says each kind of rule', () => {
    expect(timescaleText({ ...base, kind: 'after', within: { amount: 15, unit: 'working-days' } } as Rule)).toBe('within 15 working days');
    expect(timescaleText({ ...base, kind: 'recurring', every: { amount: 6, unit: 'weeks' } } as Rule)).toBe('every 6 weeks');
    expect(timescaleText({ ...base, kind: 'before-birthday', age: 17, ahead: { amount: 1, unit: 'days' } } as Rule)).toBe('before the 17th birthday');
    expect(timescaleText({ ...base, kind: 'before-birthday', age: 18, ahead: { amount: 1, unit: 'months' } } as Rule)).toBe('1 month before the 18th birthday');
    expect(timescaleText({ ...base, kind: 'before-birthday', age: 21, ahead: { amount: 1, unit: 'days' } } as Rule)).toBe('before the 21st birthday');
    expect(timescaleText({ ...base, kind: 'before-event', ahead: { amount: 5, unit: 'working-days' } } as Rule)).toBe('5 working days before');
    expect(timescaleText({ ...base, kind: 'before-event', ahead: { amount: 0, unit: 'days' } } as Rule)).toBe('by the day of it');
    expect(timescaleText({ ...base, kind: 'before-event', beforeDateIn: 'releaseOn', ahead: { amount: 1, unit: 'months' } } as Rule)).toBe('1 month before the date set');
    expect(timescaleText({ ...base, kind: 'after', within: { amount: 0, unit: 'days' }, fromDateIn: 'returnDate' } as Rule)).toBe('by the date set');
    expect(timescaleText({ ...base, kind: 'after', within: { amount: 2, unit: 'working-days' }, fromDateIn: 'returnDate' } as Rule)).toBe('within 2 working days of the date set');
  });
});

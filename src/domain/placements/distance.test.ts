import { describe, expect, it } from 'vitest';
import { milesBetween, milesBetweenPostcodes, outcodeOf } from './distance';

describe('distance between postcode districts', () => {
  it('takes the outward code of full and partial postcodes, in any case and spacing', () => {
    expect(outcodeOf('WM5 7QR')).toBe('WM5');
    expect(outcodeOf('nw1 8nu')).toBe('NW1');
    expect(outcodeOf('EC1A1BB')).toBe('EC1A');
    expect(outcodeOf('SW1A 2AA')).toBe('SW1A');
    expect(outcodeOf('WM12')).toBe('WM12');
    expect(outcodeOf('not a postcode')).toBeNull();
    expect(outcodeOf('')).toBeNull();
  });

  it('measures great-circle miles: London to Birmingham is about 101 miles', () => {
    const london = { latitude: 51.5074, longitude: -0.1278 };
    const birmingham = { latitude: 52.4862, longitude: -1.8904 };
    expect(milesBetween(london, birmingham)).toBeGreaterThan(99);
    expect(milesBetween(london, birmingham)).toBeLessThan(103);
    expect(milesBetween(london, london)).toBe(0);
  });

  it('is unknown when a district has no known centre', () => {
    const centres = new Map([['WM1', { latitude: 52.0, longitude: -1.0 }], ['WM5', { latitude: 52.1, longitude: -1.0 }]]);
    expect(milesBetweenPostcodes('WM1 4AB', 'WM5 7QR', centres)).toBeCloseTo(6.9, 1);
    expect(milesBetweenPostcodes('WM1 4AB', 'ZZ9 9ZZ', centres)).toBeNull();
    expect(milesBetweenPostcodes(null, 'WM5 7QR', centres)).toBeNull();
  });
});

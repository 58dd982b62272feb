/**
 * How far a placement is from a child's home and school (issue 7: matching by "location (distance
 * from home and school)"; the DfE's distance-from-home measure): straight-line miles between the
 * centres of two postcode districts. A district is a postcode's outward code ("WM5 7QR" is WM5).
 */

/** The outward code of a UK postcode, or null when it does not look like one. */
export function outcodeOf(postcode: string | null | undefined): string | null {
  const compact = (postcode ?? '').toUpperCase().replace(/\s+/g, '');
  const match = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/.exec(compact) ?? /^([A-Z]{1,2}[0-9][A-Z0-9]?)$/.exec(compact);
  return match ? match[1]! : null;
}

export interface Point {
  latitude: number;
  longitude: number;
}

const earthRadiusMiles = 3958.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle miles between two points, to one decimal place. */
export function milesBetween(a: Point, b: Point): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * earthRadiusMiles * Math.asin(Math.sqrt(h)) * 10) / 10;
}

/** Miles between two postcodes' districts, or null when either district's centre is not known. */
export function milesBetweenPostcodes(from: string | null | undefined, to: string | null | undefined, centres: ReadonlyMap<string, Point>): number | null {
  const a = centres.get(outcodeOf(from) ?? '');
  const b = centres.get(outcodeOf(to) ?? '');
  return a && b ? milesBetween(a, b) : null;
}

/** The DfE's distance bands for children placed away from home. */
export const distanceBands = [
  { text: 'Under 5 miles', below: 5 },
  { text: '5 to 10 miles', below: 10 },
  { text: '10 to 20 miles', below: 20 },
  { text: '20 miles or more', below: Infinity },
] as const;

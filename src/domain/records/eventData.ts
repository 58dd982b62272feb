/**
 * Reading an event's `data`, which is JSON as recorded (or imported from an older system): a
 * value of the expected kind, or a plain default, never a cast that lies.
 */
export const text = (v: unknown): string => (typeof v === 'string' ? v : '');
export const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
export const numberOr = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

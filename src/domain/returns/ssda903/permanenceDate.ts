import { isIsoDate } from '../../calendar/localDate';

/**
 * DATE_PERM, the date of a previous permanence order, is the one SSDA903 date that may be partly
 * unknown: the DfE's guide writes DD/MM/YYYY with zz for what is not known, from the left — the day
 * (zz/05/2016), the day and month (zz/zz/2016), or all of it (zz/zz/zzzz) (ssda903/rules-2024-25.csv
 * 632). So it stays the DfE's text throughout Hearth's tables, not an ISO date like the other date
 * columns (ssda903Types.ts ssda903DateColumns leaves it out), and is read and written as it is.
 */

/** Hearth's date of an order (YYYY-MM-DD, YYYY-MM or YYYY; null when none is held) as DATE_PERM. */
export function dfePermanenceDate(on: string | null | undefined): string {
  if (!on) return 'zz/zz/zzzz';
  const [year, month, day] = on.split('-');
  return `${day ?? 'zz'}/${month ?? 'zz'}/${year}`;
}

/**
 * DATE_PERM read: null when it is not a date in the DfE's form (05/zz/2016 and 31/04/2016 are not);
 * else the last day it could be (zz/05/2016 could be 31 May 2016), which rule 632 holds against
 * the day care began, and null `latest` when nothing of it is known (zz/zz/zzzz). The DfE's guide
 * writes zz; Data to Insight's validator ZZ: either is read.
 */
export function readDfePermanenceDate(text: string): { latest: string | null } | null {
  const m = /^(zz|\d{2})\/(zz|\d{2})\/(zzzz|\d{4})$/i.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [m[1]!.toLowerCase(), m[2]!.toLowerCase(), m[3]!.toLowerCase()];
  if (year === 'zzzz') return day === 'zz' && month === 'zz' ? { latest: null } : null;
  if (month === 'zz') {
    if (day !== 'zz') return null;
    return { latest: `${year}-12-31` };
  }
  if (Number(month) < 1 || Number(month) > 12) return null;
  if (day === 'zz') {
    const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    return { latest: `${year}-${month}-${String(last).padStart(2, '0')}` };
  }
  const iso = `${year}-${month}-${day}`;
  return isIsoDate(iso) ? { latest: iso } : null;
}

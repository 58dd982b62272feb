import { normaliseNhsNumber } from './nhsNumber';
import { searchKey } from './searchKey';

export interface ParsedSearch {
  nameTerms: string[];
  nhsNumber: string | null;
  hearthId: number | null;
}

/**
 * One search box takes a name (whole or part), an NHS number or a Hearth ID, as a duty worker
 * would type them: "jay smi", "943 476 5919", "100123".
 */
export function parseSearchText(text: string | null | undefined): ParsedSearch {
  const value = (text ?? '').trim();
  if (value === '') return { nameTerms: [], nhsNumber: null, hearthId: null };
  const digits = normaliseNhsNumber(value);
  if (/^\d{10}$/.test(digits)) return { nameTerms: [], nhsNumber: digits, hearthId: null };
  if (/^\d{1,9}$/.test(value)) return { nameTerms: [], nhsNumber: null, hearthId: Number(value) };
  const nameTerms = searchKey(value)
    .split(/[\s,]+/)
    .map((t) => t.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''))
    .filter((t) => t.length > 0)
    .slice(0, 5);
  return { nameTerms, nhsNumber: null, hearthId: null };
}

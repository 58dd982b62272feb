/**
 * How names are compared when searching and when looking for duplicates: without case, accents
 * or extra spaces, the same on every database whatever its locale ("Ó Súilleabháin" is found by
 * "o suilleabhain"; "Łukasz" by "lukasz"). A PostgreSQL server initialised with the C locale
 * lower-cases only ASCII letters, so this is done here, not in SQL.
 */
const letters: Record<string, string> = { ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

export function searchKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøßæœđðþıħ]/g, (c) => letters[c] ?? c)
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Same name (given and family names) for the likely-duplicate warning. */
export function duplicateKey(givenNames: string, familyName: string): string {
  return `${searchKey(givenNames)}|${searchKey(familyName)}`;
}

/** Everything a person can be found by: their names now, their preferred name, and former names. */
export function searchText(names: { givenNames: string; familyName: string; preferredName: string | null; formerNames: string }): string {
  return searchKey([names.givenNames, names.familyName, names.preferredName ?? '', names.formerNames].join(' '));
}

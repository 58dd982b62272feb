import type { Obligation } from './obligation';

/**
 * A person's obligations as one short text, for the full recompute to tell at a glance whether
 * what it has worked out is what was stored (issue 9: the full recompute of the large authority,
 * 6.8 million obligations, under 60 s). It is the count, then two 32-bit sums of a hash of each
 * obligation's every stored field.
 *
 * - A sum, so the order the obligations come in does not matter and nothing is sorted.
 * - No text is built for an obligation: numbers go in as numbers, text character by character.
 *   Building and hashing a line of text per obligation was a quarter of the recompute's own time.
 * - Every step of an obligation's hash is a bijection of the state for a given input, so two
 *   obligations that differ in one word (a number, an instant's half, two characters of text of
 *   the same length) always hash differently, in both halves. Other changes differ as any 64-bit
 *   hash does; the second half's shifts carry a change into the low bits, where the first
 *   half's multiplications carry it only upwards.
 *
 * It is only ever compared with a digest made here; the stored one is forgotten whenever the
 * person's rows change (migration 0017), so it never has to be made again by the database.
 */
export function obligationsDigest(list: readonly Obligation[]): string {
  let sumA = 0;
  let sumB = 0;
  for (const o of list) {
    a = 0x811c9dc5;
    b = 0x2545f491;
    text(o.ruleId);
    word(o.ruleVersion);
    text(o.startEventId);
    word(o.cycle);
    instant(o.startedAt);
    text(o.dueDate);
    instant(o.deadline);
    text(o.outcome);
    instant(o.doneAt);
    text(o.doneEventId);
    instant(o.closedAt);
    text(o.lateReason);
    text(o.responsible);
    sumA = (sumA + finish(a)) | 0;
    sumB = (sumB + finish(b)) | 0;
  }
  return `${list.length}.${(sumA >>> 0).toString(16)}.${(sumB >>> 0).toString(16)}`;
}

// The obligation being hashed, in two halves: module state, so no closure or array is made per field.
let a = 0;
let b = 0;

/** One 32-bit word into both halves: FNV-1a in one, multiply and xor-shift in the other. */
function word(n: number): void {
  a = Math.imul(a ^ n, 0x01000193);
  b = Math.imul(b ^ n, 0x5bd1e995);
  b ^= b >>> 15;
}

/** Text: its length first (so fields cannot run into each other), -1 for none, then two characters (UTF-16 units) to a word. */
function text(s: string | null): void {
  if (s === null) return word(-1);
  const n = s.length;
  word(n);
  let i = 0;
  for (; i + 1 < n; i += 2) word(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
  if (i < n) word(s.charCodeAt(i));
}

/** An instant as whole milliseconds, in two words, after a word saying whether there is one. */
function instant(d: Date | null): void {
  if (d === null) return word(0);
  const ms = d.getTime();
  word(1);
  word(ms >>> 0);
  word(Math.floor(ms / 4294967296));
}

/** Spreads every bit across the word before it is added in (MurmurHash3's finaliser: a bijection). */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

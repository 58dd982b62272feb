import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { emptyTables } from '../ssda903Types';
import { ssda903RuleByCode, ssda903Rules, tablesByChild, validateSsda903 } from './index';
import { period, scenario } from './testChildren';

const ruleList = fileURLToPath(new URL('../../../../../../shared/returns-reference/ssda903/rules-2024-25.csv', import.meta.url));

describe('ssda903Rules', () => {
  it('finds a rule by its code', () => {
    expect(ssda903RuleByCode('503A')?.message).toMatch(/reason for new episode/);
    expect(ssda903RuleByCode('nope')).toBeUndefined();
  });

  it('gives every rule a fix in Hearth\'s words and the DfE severity', () => {
    for (const r of ssda903Rules) {
      expect(r.return).toBe('ssda903');
      expect(r.fix).not.toMatch(/^\s*$/);
      expect(['error', 'query']).toContain(r.severity);
    }
    expect(ssda903Rules.filter((r) => r.severity === 'query').map((r) => r.code).sort()).toEqual(['582', '583', 'EPI']);
  });

  it.skipIf(!existsSync(ruleList))('words each rule as the DfE rule list does', () => {
    const rows = parse(readFileSync(ruleList), { columns: true }) as Record<string, string>[];
    const messages = new Map(rows.map((r) => [r['Rule code']!, r['Rule message']!]));
    for (const r of ssda903Rules) expect([r.code, r.message]).toEqual([r.code, messages.get(r.code)]);
  });
});

describe('validateSsda903', () => {
  it('splits the tables by CHILD and checks each child with their own rows from last year', () => {
    const lac = scenario('lac');
    const leaver = scenario('leaver');
    const tables = emptyTables();
    const previous = emptyTables();
    for (const s of [lac, leaver]) {
      for (const name of Object.keys(tables) as (keyof typeof tables)[]) {
        (tables[name] as unknown[]).push(...s.t[name]);
        (previous[name] as unknown[]).push(...s.prev[name]);
      }
    }
    expect([...tablesByChild(tables).keys()]).toEqual(['C1', 'C3']);
    expect(validateSsda903(tables, { period, laCode: '123', previous })).toEqual([]);

    // Last year's return without the looked-after child: their episode from before this year is now unexplained.
    const withoutC1 = emptyTables();
    withoutC1.header.push(...previous.header.filter((h) => h.CHILD === 'C3'));
    withoutC1.episodes.push(...previous.episodes.filter((e) => e.CHILD === 'C3'));
    const codes = validateSsda903(tables, { period, laCode: '123', previous: withoutC1 }).map((f) => `${f.childId} ${f.code}`);
    expect(codes).toContain('C1 NoE');
    expect(codes.some((c) => c.startsWith('C3'))).toBe(false);

    // With no previous return at all, the rules that compare years say nothing.
    expect(validateSsda903(tables, { period, laCode: '123', previous: null })).toEqual([]);
  });
});

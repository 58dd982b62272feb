import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventTypesByType } from '../../standards/index';
import { readByTheReturns } from './eventsRead';

const here = path.dirname(new URL(import.meta.url).pathname);
const read = (dir: string, skip: readonly string[]): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (skip.includes(e.name) ? [] : read(path.join(dir, e.name), skip)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'eventsRead.ts' ? [path.join(dir, e.name)] : [],
  );
/** Every event type a file names in quotes. */
const named = (files: readonly string[]) => new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'([a-z0-9_]+\.[a-z0-9_]+)'/g)].map((m) => m[1] as string).filter((t) => eventTypesByType.has(t))));

describe('the event types the returns read', () => {
  it('are real event types', () => {
    expect(readByTheReturns.filter((t) => !eventTypesByType.has(t))).toEqual([]);
  });

  it('include every event type the CIN census and SSDA903 projections, their rules and what they call name', () => {
    const files = [...read(here, ['annexA', 'import']), path.join(here, '../inCare/missingEpisodes.ts'), path.join(here, '../careLeaver/careLeaverStatus.ts'), path.join(here, '../inCare/previousPermanence.ts'), path.join(here, '../inCare/healthOutcomes.ts')];
    expect([...named(files)].filter((t) => !readByTheReturns.includes(t)).sort()).toEqual([]);
  });

  it('would notice a reader that names more: Annex A reads visits, which the returns leave behind', () => {
    const annex = [...named(read(path.join(here, 'annexA'), []))];
    expect(annex.filter((t) => !readByTheReturns.includes(t))).toContain('cin.visit');
  });
});

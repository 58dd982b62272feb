import { describe, expect, it } from 'vitest';
import { catalogueRules, episodes } from '../../standards/index';
import type { RuleTimeline } from './evaluate';
import { touchIndex, typesRead } from './touchedBy';
import type { Rule } from './rule';

const timelineOf = (rule: Rule): RuleTimeline => ({ id: rule.id, versions: [{ rule, version: 1, effectiveFrom: '2020-01-01', enabled: true }] });
const byId = new Map(episodes.map((e) => [e.id, e]));
const timelines = catalogueRules.map(timelineOf);

describe('the rules an event can change', () => {
  it('reads what starts, satisfies, cancels and counts a rule, and what opens and closes its episode', () => {
    const rule = catalogueRules.find((r) => r.id === 'cin.visit') as Rule;
    const types = typesRead(timelineOf(rule), byId);
    for (const m of [...rule.starts, ...rule.satisfiedBy, ...(rule.cancelledBy ?? []), ...(rule.countFrom ?? [])]) expect(types).toContain(m.type);
    const episode = byId.get(rule.episode as string);
    expect(episode).toBeDefined();
    for (const m of [...(episode?.starts ?? []), ...(episode?.ends ?? [])]) expect(types).toContain(m.type);
  });

  it('reads the types of every version of a rule, not only the first', () => {
    const rule = catalogueRules.find((r) => r.id === 'cp.visit') as Rule;
    const later = { ...rule, satisfiedBy: [...rule.satisfiedBy, { type: 'test.only_in_a_later_version' }] } as Rule;
    const timeline: RuleTimeline = { id: rule.id, versions: [{ rule, version: 1, effectiveFrom: '2020-01-01', enabled: true }, { rule: later, version: 2, effectiveFrom: '2027-01-01', enabled: true }] };
    expect(typesRead(timeline, byId)).toContain('test.only_in_a_later_version');
  });

  it('finds a visit touches the visit standards, a case note none, and reads no more than those rules name', () => {
    const index = touchIndex(timelines, episodes);
    const touched = index.rulesTouchedBy('cin.visit').map((r) => r.id);
    expect(touched).toContain('cin.visit');
    expect(touched).not.toContain('cic.health-assessment');
    expect(touched.length).toBeLessThan(timelines.length / 4);
    expect(index.rulesTouchedBy('case_note.recorded')).toEqual([]);
    // What a recompute after a visit reads: the index of only the rules it touches.
    const reads = touchIndex(index.rulesTouchedBy('cin.visit'), episodes).typesReadByAny;
    expect(reads).toContain('cin.visit');
    expect(reads).not.toContain('case_note.recorded');
    expect(index.typesReadByAny).toEqual(expect.arrayContaining([...reads]));
    expect(index.typesReadByAny).toContain('cic.started');
    expect(index.typesReadByAny).not.toContain('case_note.recorded');
  });

  it('refuses a rule that lives in an episode the catalogue does not have', () => {
    const rule = { ...(catalogueRules.find((r) => r.id === 'cin.visit') as Rule), episode: 'no-such-episode' } as Rule;
    expect(() => typesRead(timelineOf(rule), byId)).toThrow(/unknown episode no-such-episode/);
  });
});

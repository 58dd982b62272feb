import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isRole } from '../domain/access/roles';
import { policyDocuments, type EventMatch, type Rule } from '../domain/standards/rule';
import { catalogueRules, episodes, eventTypes, notModelled, ruleById } from './index';

const referencedEvents = (rule: Rule): EventMatch[] => [...rule.starts, ...rule.satisfiedBy, ...(rule.cancelledBy ?? []), ...(rule.countFrom ?? [])];

describe('the standards catalogue', () => {
  it('has every rule issue 3 names', () => {
    const named = [
      'front-door.contact-recorded', 'front-door.mash-enquiry-red', 'front-door.mash-enquiry-amber', 'front-door.threshold-decision',
      'assessment.complete', 'strategy.minutes', 's47.child-visited', 's47.complete', 'cp.icpc', 'cp.decision-circulated',
      'cp.first-core-group', 'cp.core-group', 'cp.visit', 'cp.first-review-conference', 'cp.review-conference', 'cin.visit', 'cin.review',
      'cic.notification', 'cic.iro-appointed', 'cic.placement-planning-meeting', 'cic.care-plan', 'cic.health-assessment', 'cic.first-review',
      'cic.second-review', 'cic.visit', 'cic.return-interview', 'care-leaver.pa-allocated', 'care-leaver.contact', 'lado.strategy-meeting',
    ];
    for (const id of named) expect(ruleById(id), id).toBeDefined();
  });

  it('gives every rule a unique stable id, a citation, its words and a responsible role', () => {
    const ids = catalogueRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of catalogueRules) {
      expect(rule.id, rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(Object.keys(policyDocuments), rule.id).toContain(rule.citation.document);
      expect(rule.citation.section.length, rule.id).toBeGreaterThan(3);
      expect(rule.citation.paragraph, rule.id).toMatch(/\S/);
      expect(rule.quote.length, rule.id).toBeGreaterThan(15);
      expect(isRole(rule.responsible), `${rule.id}: ${rule.responsible}`).toBe(true);
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
    }
  });

  it('gives each episode a unique id, and cites what it leaves out', () => {
    const ids = episodes.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const left of notModelled) {
      expect(Object.keys(policyDocuments)).toContain(left.citation.document);
      expect(left.quote.length, left.citation.paragraph).toBeGreaterThan(10);
      expect(left.reason.length, left.citation.paragraph).toBeGreaterThan(10);
    }
  });

  it('declares each event type once, so its schema and title are not two different things', () => {
    const types = eventTypes.map((e) => e.type);
    const twice = types.filter((type, i) => types.indexOf(type) !== i);
    expect(twice).toEqual([]);
  });

  it('uses only declared event types and episodes, and whole positive intervals', () => {
    const declared = new Set(eventTypes.map((e) => e.type));
    const episodeIds = new Set(episodes.map((e) => e.id));
    for (const rule of catalogueRules) {
      for (const match of referencedEvents(rule)) expect(declared.has(match.type), `${rule.id} uses ${match.type}`).toBe(true);
      if (rule.episode) expect(episodeIds.has(rule.episode), `${rule.id}: episode ${rule.episode}`).toBe(true);
      const intervals = rule.kind === 'after' ? [rule.within] : rule.kind === 'recurring' ? [rule.every, ...(rule.first ? [rule.first] : [])] : [rule.ahead];
      for (const interval of intervals) {
        expect(Number.isInteger(interval.amount) && interval.amount >= 0, `${rule.id}: ${interval.amount}`).toBe(true);
      }
      if (!rule.satisfiedByRecording) expect(rule.satisfiedBy.length, rule.id).toBeGreaterThan(0);
      if (rule.alternativeTo) expect(ruleById(rule.alternativeTo), `${rule.id} is an alternative to ${rule.alternativeTo}`).toBeDefined();
    }
    for (const episode of episodes) {
      for (const match of [...episode.starts, ...episode.ends]) expect(declared.has(match.type), `${episode.id} uses ${match.type}`).toBe(true);
    }
    for (const definition of eventTypes) {
      if (definition.during) expect(episodeIds.has(definition.during), definition.type).toBe(true);
    }
  });

  it('declares in the event type every data field a rule or episode reads, so a typo cannot silently never match', () => {
    const byType = new Map(eventTypes.map((e) => [e.type, e]));
    const fieldsOf = (type: string): string[] => {
      const data = byType.get(type)?.data;
      return data instanceof z.ZodObject ? Object.keys(data.shape) : [];
    };
    const matches: [string, EventMatch][] = [
      ...catalogueRules.flatMap((rule) => referencedEvents(rule).map((m): [string, EventMatch] => [rule.id, m])),
      ...episodes.flatMap((episode) => [...episode.starts, ...episode.ends].map((m): [string, EventMatch] => [episode.id, m])),
    ];
    // A date the rule counts from is read from the start event's data too.
    for (const rule of catalogueRules) {
      if (rule.kind === 'after' && rule.fromDateIn) for (const m of rule.starts) matches.push([rule.id, { type: m.type, where: { ...m.where, [rule.fromDateIn]: true } }]);
    }
    const undeclared = matches.flatMap(([owner, match]) =>
      Object.keys(match.where ?? {})
        .filter((field) => !fieldsOf(match.type).includes(field))
        .map((field) => `${owner} reads ${match.type}.${field}`),
    );
    expect(undeclared).toEqual([]);
  });
});

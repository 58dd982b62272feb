import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { adopterJourneyOf, adopterStepRefusal, isApprovedAdopter, supportRequestsOf, supportStepRefusal } from './adopters';

const e = (id: string, type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id, type, occurredAt: new Date(at), recordedByName: 'Owen Parry', data });

describe('prospective adopters (specialist-service-statement.txt 7.4.2-7.4.3)', () => {
  const registered = [e('r', 'adoption.adopter_registered', '2026-01-05T10:00:00Z', { household: 'Sarah and James Whitfield', assessingWorker: 'Lucy Barnes' })];
  const assessed = [...registered, e('a', 'adoption.adopter_assessment_completed', '2026-04-02T10:00:00+01:00')];
  const atPanel = [...assessed, e('p', 'adoption.adopter_panel_recommended', '2026-04-16T10:00:00+01:00', { recommendation: 'recommended', panelOn: '2026-04-16' })];
  const approved = [...atPanel, e('d', 'adoption.adopter_decided', '2026-04-23T10:00:00+01:00', { decision: 'agreed', decisionOn: '2026-04-23' })];

  it('goes from assessment to panel to the ADM, in that order', () => {
    expect(adopterJourneyOf([]).stage).toBeNull();
    expect([registered, assessed, atPanel, approved].map((s) => adopterJourneyOf(s).stage)).toEqual(['assessment', 'assessed', 'at_panel', 'approved']);
    expect(isApprovedAdopter(adopterJourneyOf(approved))).toBe(true);
    expect(adopterStepRefusal(adopterJourneyOf([]), 'assessment')).toContain('Register');
    expect(adopterStepRefusal(adopterJourneyOf(registered), 'panel')).toContain('completed assessment');
    // An approval cannot be recorded without the panel's recommendation.
    expect(adopterStepRefusal(adopterJourneyOf(assessed), 'decision')).toContain("without the adoption panel's recommendation");
    expect(adopterStepRefusal(adopterJourneyOf(atPanel), 'decision')).toBeNull();
    expect(adopterStepRefusal(adopterJourneyOf(approved), 'decision')).toContain('already recorded');
    expect(adopterStepRefusal(adopterJourneyOf(approved), 'register')).toContain('already registered');
  });

  it('a withdrawal ends the approval; a new registration starts again', () => {
    const withdrawn = [...approved, e('w', 'adoption.adopter_withdrawn', '2026-06-01T10:00:00+01:00', { summary: 'Moved abroad' })];
    expect(isApprovedAdopter(adopterJourneyOf(withdrawn))).toBe(false);
    expect(adopterStepRefusal(adopterJourneyOf(withdrawn), 'register')).toBeNull();
    expect(adopterJourneyOf([...withdrawn, e('r2', 'adoption.adopter_registered', '2026-09-01T10:00:00+01:00', { household: 'Sarah Whitfield' })]).stage).toBe('assessment');
  });
});

describe('post-adoption support and section 51 counselling requests', () => {
  it('are requested, allocated by the team manager, then closed', () => {
    const stream = [
      e('s1', 'adoption.support_requested', '2026-12-24T10:00:00Z', { from: 'Sarah Whitfield', needs: ['therapeutic'] }),
      e('c1', 'adoption.s51_requested', '2026-12-29T10:00:00Z', { from: 'Mark Ellis' }),
      e('x', 'adoption.support_allocated', '2026-12-30T10:00:00Z', { requestId: 's1', worker: 'Lucy Barnes' }),
    ];
    const [support, s51] = supportRequestsOf(stream);
    expect([support?.kind, support?.allocated?.worker, s51?.kind, s51?.allocated]).toEqual(['support', 'Lucy Barnes', 's51', null]);
    expect(supportStepRefusal(s51, 'close')).toContain('Allocate');
    expect(supportStepRefusal(support, 'allocate')).toContain('already allocated');
    expect(supportStepRefusal(support, 'close')).toBeNull();
    expect(supportStepRefusal(undefined, 'close')).toBe('Select an open request');
  });
});

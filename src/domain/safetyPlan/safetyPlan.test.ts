import { describe, expect, it } from 'vitest';
import { conclusionRefusals, contentOf, safetyPlanOf, type SafetyPlanEvent } from './safetyPlan';

let n = 0;
const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}): SafetyPlanEvent => ({ id: `e${++n}`, type, occurredAt: new Date(occurredAt), recordedByName: 'Sam Worker', data });
const plan = (extra: Record<string, unknown> = {}) =>
  contentOf({
    kind: 'full',
    dangers: [{ danger: 'Dad shouts when drunk', goal: 'A sober adult cares for Ruby', scaling: [{ who: 'Mum', score: 6, why: 'A month sober' }] }],
    prevention: 'Grandma on Fridays',
    redFlags: 'Dad home after 9pm',
    response: 'Mum and Ruby go to Grandma',
    network: [{ name: 'Joan Hale', contact: '07700 900123', role: 'Grandma' }],
    ...extra,
  });

describe('a safety plan read from the record (practice-standards.txt, Section 2: Safety Planning)', () => {
  it('reads a stored plan with parts missing as empty, never failing on an import', () => {
    expect(contentOf({ kind: 'interim', dangers: [{ danger: 'x' }], network: 'nonsense' })).toMatchObject({ kind: 'interim', dangers: [{ danger: 'x', goal: '', scaling: [] }], network: [], redFlags: '' });
    expect(contentOf(null).kind).toBe('full');
  });

  it("counts signatures on the current version only: a revision is signed again (standard 5)", () => {
    const v1 = event('safety_plan.recorded', '2027-01-08T10:00:00Z', { plan: plan() });
    const signed = event('safety_plan.network_signed', '2027-01-08T11:00:00Z', { version: 1, member: 'joan hale ' });
    expect(conclusionRefusals(safetyPlanOf([v1, signed]))).toEqual([]);
    const v2 = event('safety_plan.recorded', '2027-02-01T10:00:00Z', { plan: plan() });
    const state = safetyPlanOf([v1, signed, v2]);
    expect([state.current?.version, state.versions.length]).toEqual([2, 2]);
    expect(conclusionRefusals(state)).toEqual(['Every member of the network signs their copy of this version first: not yet Joan Hale']);
  });

  it('says everything a plan lacks before it can be concluded (standards 1, 5 and 7)', () => {
    const bare = event('safety_plan.recorded', '2027-01-08T10:00:00Z', { plan: plan({ dangers: [{ danger: 'd', goal: 'g', scaling: [] }], prevention: ' ', redFlags: '', response: '', network: [] }) });
    expect(conclusionRefusals(safetyPlanOf([bare]))).toEqual([
      'Scale every danger statement and safety goal (Safety Planning 1)',
      'Write the prevention plan (Safety Planning 7)',
      'Write the red flags (Safety Planning 7)',
      'Write the response plan (Safety Planning 7)',
      'Agree the safety network with the family: name each member, their contact details and role (Safety Planning 5)',
    ]);
    expect(conclusionRefusals(safetyPlanOf([]))).toEqual(['There is no safety plan to conclude: write it first']);
  });
});

import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../domain/records/events';
import { carerCheck, placementData, type PlacementFacts } from '../placements/placementDetails';
import type { Provider } from '../../domain/placements/providers';
import { placementsWithCarers } from './carerPlacements';

let seq = 0;
const ev = (personId: string, type: string, at: string, data: Record<string, unknown> = {}): RecordedEvent => ({ id: `e${++seq}`, seq, personId, type, occurredAt: new Date(at), recordedAt: new Date(at), recordedBy: null, recordedByName: null, data, reason: null, refersTo: null });

describe("children's placements with a carer", () => {
  it('follows each child from the placement naming the carer until it ends, or the child leaves care', () => {
    const events = [
      ev('a', 'cic.placement_started', '2026-04-03T10:00:00Z', { carerId: 'joan', placementId: 'p1' }),
      ev('b', 'cic.placement_started', '2026-04-06T10:00:00Z', { carerId: 'joan', placementId: 'p2' }),
      ev('a', 'cic.placement_ended', '2026-05-04T10:00:00Z', { placementId: 'p1' }),
      ev('b', 'cic.placement_started', '2026-05-25T10:00:00Z', { carerId: 'other', placementId: 'p3' }),
      ev('c', 'cic.placement_started', '2026-08-31T10:00:00Z', { placementId: 'p4' }),
    ];
    const linked = new Set(['p4']);
    const byCarer = placementsWithCarers(events, (e) => (e.data.carerId === 'joan' || linked.has(String(e.data.placementId)) ? 'joan' : null));
    expect(byCarer.get('joan')?.map((p) => [p.childId, p.from.toISOString().slice(0, 10), p.to?.toISOString().slice(0, 10) ?? null])).toEqual([
      ['a', '2026-04-03', '2026-05-04'],
      ['b', '2026-04-06', '2026-05-25'],
      ['c', '2026-08-31', null],
    ]);
  });
});

describe('the placement-start check against the terms (Family Placement 18)', () => {
  const approvedAt = new Date('2025-04-18T10:00:00Z');
  const facts = (exemptions: { id: string; childId: string; outside: string[]; termsAt?: Date }[] = [], temporaryUntil: string | null = null): PlacementFacts => ({
    providers: new Map(), centres: new Map(), exceptions: [],
    carers: new Map([['joan', { id: 'joan', name: 'Joan Okafor', terms: { children: 1, ageFrom: 0, ageTo: 4, gender: 'any', careTypes: ['short_term'] }, termsSince: approvedAt, temporaryUntil, placed: ['isla'], exemptions: exemptions.map((x) => ({ termsAt: approvedAt, ...x })) }]]),
    child: { id: 'leo', name: 'Leo Shore', dateOfBirth: '2024-12-25', gender: 'M' },
  });
  const at = new Date('2026-12-28T10:00:00Z');

  it('refuses a carer not on the register, and a setting that is not the authority’s own foster care', () => {
    expect(carerCheck('nobody', 'in_house_fostering', facts(), at).problems[0]?.field).toBe('carerId');
    expect(carerCheck('joan', 'residential', facts(), at).problems).toEqual([{ field: 'setting', message: "Joan Okafor is an approved foster carer: choose the authority's own foster carers, or a connected person" }]);
  });

  it('refuses a second child when approved for one, unless a head of service has exempted this child from the number', () => {
    expect(carerCheck('joan', 'in_house_fostering', facts(), at).problems.map((p) => p.message)).toEqual([
      "Leo Shore is outside Joan Okafor's terms of approval (number: approved for 1 child and 1 is placed now). A head of service must record an exemption on the carer's record first (Family Placement 18)",
    ]);
    expect(carerCheck('joan', 'in_house_fostering', facts([{ id: 'x1', childId: 'someone-else', outside: ['number'] }]), at).problems).toHaveLength(1);
    expect(carerCheck('joan', 'in_house_fostering', facts([{ id: 'x1', childId: 'leo', outside: ['number'] }]), at)).toMatchObject({ problems: [], exemptionId: 'x1' });
  });

  it('refuses an exemption agreed under terms since changed (Family Placement 18)', () => {
    expect(carerCheck('joan', 'in_house_fostering', facts([{ id: 'x1', childId: 'leo', outside: ['number'], termsAt: new Date('2024-01-01T10:00:00Z') }]), at).problems).toHaveLength(1);
  });

  it("refuses a connected person whose temporary approval has ended (reg 24-25)", () => {
    const f = facts([], '2026-12-24');
    expect(carerCheck('joan', 'connected_person', { ...f, child: { id: 'leo', name: 'Leo Shore', dateOfBirth: '2024-12-25', gender: 'M' } }, at).problems).toEqual([
      { field: 'carerId', message: "Joan Okafor's temporary approval as a connected person ended on 24 December 2026: they are not approved foster carers now" },
    ]);
    // On its last day it is still in force (the number is then what is checked).
    expect(carerCheck('joan', 'connected_person', f, new Date('2026-12-24T10:00:00Z')).problems[0]?.message).toMatch(/^Leo Shore is outside Joan Okafor's terms/);
  });

  it("refuses a typed name for the authority's own foster carers, a connected person, or the in-house fostering service: the approved carer is selected", () => {
    const wealdmoor = { id: '3b0c1a52-8f39-4a53-9f1d-6c1f3f0a2b11', name: 'Wealdmoor Fostering Service', type: 'in_house_fostering', rating: 'good', postcode: 'WM2 1AA', closedOn: null } as unknown as Provider;
    const f = { ...facts(), providers: new Map([[wealdmoor.id, wealdmoor]]) };
    for (const body of [{ setting: 'in_house_fostering', carer: 'Joan Okafor' }, { setting: 'connected_person', carer: 'Aunt Lisa' }, { setting: 'in_house_fostering', providerId: wealdmoor.id }]) {
      expect(placementData(body, f, null, at, 'p').problems).toEqual([{ field: 'carerId', message: 'Select the approved foster carer from the list' }]);
    }
    expect(placementData({ setting: 'in_house_fostering', carer: 'Typed', carerId: '', providerId: wealdmoor.id }, f, null, at, 'p').problems.map((p) => p.field)).toEqual(['carerId']);
  });
});

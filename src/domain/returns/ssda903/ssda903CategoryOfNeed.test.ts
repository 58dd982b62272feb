import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../calendar/workingDays';
import { emptyDetails } from '../../people/personDetails';
import type { WorkflowEvent } from '../../records/events';
import { collectionPeriod } from '../collectionYear';
import type { ReturnContext, ReturnSubject } from '../subject';
import { ssda903ChildOf } from './ssda903Projection';

let n = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Sam Worker', data });
const context: ReturnContext = { period: collectionPeriod(2026), laCode: '931', providers: new Map(), calendar: workingCalendar([]) };
const child = (events: WorkflowEvent[]): ReturnSubject => ({
  personId: 'p1',
  childId: 'C1',
  details: { ...emptyDetails, givenNames: 'Kayden', familyName: 'Campbell', dateOfBirth: '2016-03-02', gender: 'M', ethnicity: 'MWBC' },
  addresses: [],
  events,
});

// Came into care the day after the Duty Manager's decision, before any assessment was signed off.
const intoCare = [
  ev('contact.received', '2025-06-02T02:30:00+01:00', { contactId: 'c1', source: 'police' }),
  ev('threshold.decided', '2025-06-02T09:00:00+01:00', { contactId: 'c1', outcome: 'strategy_discussion', primaryNeed: 'absent_parenting' }),
  ev('cic.started', '2025-06-03T16:00:00+01:00', { legalStatus: 'V2' }),
  ev('cic.placement_started', '2025-06-03T18:00:00+01:00', { setting: 'in_house_fostering', placementId: 'pl1' }),
];
const cin = (events: WorkflowEvent[]) => ssda903ChildOf(child(events), context)!.episodes.map((r) => r.CIN);

describe("ssda903ChildOf: the episode's category of need (CIN, rules-2024-25.csv 504)", () => {
  it("falls back last to the need the threshold decision recorded, when no assessment recorded one", () => {
    expect(cin(intoCare)).toEqual(['N8']);
    // Without it, nothing: the return asks for it.
    expect(cin(intoCare.map((e) => (e.type === 'threshold.decided' ? { ...e, data: { outcome: 'strategy_discussion' } } : e)))).toEqual([null]);
  });

  it("takes an assessment's need, even one signed off after care began, before the threshold decision's", () => {
    expect(cin([...intoCare, ev('assessment.completed', '2025-07-10T14:00:00+01:00', { primaryNeed: 'abuse_or_neglect' })])).toEqual(['N1']);
  });

  it('takes the need recorded when the child came into care before either', () => {
    const recorded = intoCare.map((e) => (e.type === 'cic.started' ? { ...e, data: { ...e.data, primaryNeed: 'family_dysfunction' } } : e));
    expect(cin([...recorded, ev('assessment.completed', '2025-07-10T14:00:00+01:00', { primaryNeed: 'abuse_or_neglect' })])).toEqual(['N5']);
  });
});

import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../records/events';
import { assistRecordOf, earliestFor, informationDueOn, isUpcoming, programmeRefusal, stageOf, stepRefusal } from './assistCase';

let n = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++n}`, type, occurredAt: new Date(at), recordedByName: 'Rachel Kim', data });

describe('ASSIST, from the events (ASSIST 1-5)', () => {
  const marf = ev('assist.marf_received', '2026-03-30T09:00:00+01:00', { referrer: 'SENCo', support: 'school', reason: 'Meltdowns' });

  it('follows a MARF through the Hub, allocation, the letter and contact', () => {
    const hub = ev('assist.hub_discussed', '2026-04-02T14:00:00+01:00', { decision: 'allocate_to_assist', summary: 'For ASSIST' });
    const allocated = ev('assist.allocated', '2026-04-07T11:00:00+01:00');
    expect(stageOf(assistRecordOf([marf]).open!)).toBe('awaiting_hub');
    expect(stageOf(assistRecordOf([marf, hub]).open!)).toBe('awaiting_allocation');
    expect(stageOf(assistRecordOf([marf, hub, allocated]).open!)).toBe('awaiting_letter');
    expect(stageOf(assistRecordOf([marf, hub, allocated, ev('assist.family_written_to', '2026-04-09T16:00:00+01:00', { outcome: 'waiting_list' })]).open!)).toBe('waiting_list');
    const letter = ev('assist.family_written_to', '2026-04-09T16:00:00+01:00', { outcome: 'contact_to_follow' });
    expect(stageOf(assistRecordOf([marf, hub, allocated, letter]).open!)).toBe('contact_due');
    expect(earliestFor(assistRecordOf([marf, hub, allocated, letter]).open!, 'contact').at).toEqual(letter.occurredAt);
    const closed = assistRecordOf([marf, hub, allocated, letter, ev('assist.closed', '2026-06-01T10:00:00+01:00', { reason: 'work_completed' })]);
    expect([closed.open, stageOf(closed.referrals[0]!)]).toEqual([null, 'closed']);
  });

  it('refuses steps out of order, saying what to record first', () => {
    expect(stepRefusal(assistRecordOf([]), 'hub')).toBe('There is no open ASSIST referral: record the MARF first');
    const open = assistRecordOf([marf]);
    expect(stepRefusal(open, 'allocate')).toMatch(/^Record the Early Help Hub discussion first/);
    expect(stepRefusal(open, 'letter')).toMatch(/^Record the allocation to ASSIST first/);
    expect(stepRefusal(open, 'contact')).toMatch(/^Write to the family first/);
    expect(stepRefusal(assistRecordOf([marf, ev('assist.hub_discussed', '2026-04-02T14:00:00+01:00')]), 'hub')).toBe('The referral was discussed at the Early Help Hub on 2 April 2026');
  });

  it('sends programme information 6 weeks (42 days) before the start, whatever the day (standard 2)', () => {
    // Tuesday 7 April 2026, the day after Easter Monday: 24 February.
    expect(informationDueOn('2026-04-07')).toBe('2026-02-24');
    expect(informationDueOn('2027-01-04')).toBe('2026-11-23');
  });

  it('offers the next available programme: one starting at least 6 weeks after the family asked', () => {
    expect(programmeRefusal('2026-02-20', '2026-04-03')).toBeNull();
    expect(programmeRefusal('2026-02-20', '2026-04-02')).toBe('Information is sent 6 weeks before a programme starts (ASSIST 2): choose the next programme starting on or after 3 April 2026');
    expect(programmeRefusal('2026-02-20', '2026-02-20')).toBe('The programme must start after the date the family asked');
  });

  it('pairs information and withdrawal with their own request; a place is upcoming until the programme starts', () => {
    const record = assistRecordOf([
      ev('assist.programme_requested', '2026-02-20T10:00:00Z', { requestId: 'r1', programme: 'Cygnet', programmeStartsOn: '2026-04-13', informationBy: '2026-03-02' }),
      ev('assist.programme_information_sent', '2026-03-03T10:00:00Z', { requestId: 'r1' }),
      ev('assist.programme_requested', '2026-05-01T10:00:00+01:00', { requestId: 'r2', programme: 'Early Bird', programmeStartsOn: '2026-09-14', informationBy: '2026-08-03' }),
      ev('assist.programme_withdrawn', '2026-05-10T10:00:00+01:00', { requestId: 'r2', reason: 'Moved away' }),
    ]);
    expect(record.programmes.map((p) => [p.programme, p.informationSentAt !== null, p.withdrawn?.reason ?? null])).toEqual([['Cygnet', true, null], ['Early Bird', false, 'Moved away']]);
    expect(isUpcoming(record.programmes[0]!, '2026-04-13')).toBe(true);
    expect(isUpcoming(record.programmes[0]!, '2026-04-14')).toBe(false);
    expect(isUpcoming(record.programmes[1]!, '2026-05-11')).toBe(false);
  });

  it('pairs each contact with its own answer (standard 1)', () => {
    const record = assistRecordOf([ev('assist.enquiry_received', '2026-04-02T16:00:00+01:00', { enquiryId: 'q1', from: 'Mrs Hale' }), ev('assist.enquiry_responded', '2026-04-07T09:00:00+01:00', { enquiryId: 'q1' })]);
    expect(record.enquiries[0]!.respondedAt?.toISOString()).toBe('2026-04-07T08:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/workingDays';
import type { WorkflowEvent } from '../records/events';
import { allegationsOf, isAllegationEvent, isAllegationRule, nextStep, openAllegationOf, outcomeBlockedBy, resolutionBand, reviewDue, standingAllegations } from './allegation';
import { annualReport, reportingYear, reportingYearOf } from './annualReport';

// England and Wales bank holidays of 2026 that the dates below cross.
const calendar = workingCalendar(['2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
let seq = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): WorkflowEvent => ({ id: `e${++seq}`, type, occurredAt: new Date(at), recordedByName: 'Fiona Grant', data });

function allegation(id: string, o: { aware: string; received: string; childLed?: boolean; meeting?: string; notes?: string; reviewOn?: string; concluded?: string; outcome?: string; source?: string; category?: string; sector?: string; employer?: string; dbs?: boolean }) {
  return [
    ev('lado.employer_became_aware', o.aware, { allegationId: id }),
    ev('lado.allegation_received', o.received, { allegationId: id, employer: o.employer ?? 'Wealdmoor Primary School', role: 'Teaching assistant', sector: o.sector ?? 'education', source: o.source ?? 'employer', referrer: 'Head teacher', category: o.category ?? 'physical', nature: 'Grabbed a pupil by the arm', childIds: ['c1'], childLed: o.childLed ?? false }),
    ...(o.meeting ? [ev('lado.strategy_meeting_held', o.meeting, { allegationId: id, attendees: 'LADO, police, head', summary: 'Police to investigate', investigation: 'police', reviewOn: o.reviewOn ?? null })] : []),
    ...(o.notes ? [ev('lado.strategy_notes_distributed', o.notes, { allegationId: id })] : []),
    ...(o.concluded ? [ev('lado.allegation_concluded', o.concluded, { allegationId: id, outcome: o.outcome ?? 'unfounded', dbsReferral: o.dbs ?? false, regulator: 'none', summary: 'Done' })] : []),
  ];
}

describe('an allegation from its events (Managing Allegations 80-86)', () => {
  it('folds the events of each allegation apart, by allegationId', () => {
    const stream = [
      ...allegation('a1', { aware: '2025-01-06T09:00:00Z', received: '2025-01-06T15:00:00Z', meeting: '2025-01-07T10:00:00Z', notes: '2025-01-08T10:00:00Z', concluded: '2025-01-20T10:00:00Z' }),
      ...allegation('a2', { aware: '2026-04-02T09:00:00Z', received: '2026-04-07T09:00:00Z', childLed: true }),
      ev('cic.visit', '2026-04-08T09:00:00Z', {}),
    ];
    const list = allegationsOf('p1', stream);
    expect(list.map((a) => a.allegationId)).toEqual(['a1', 'a2']);
    expect(list[0]!.outcome?.outcome).toBe('unfounded');
    expect(nextStep(list[0]!)).toBe('concluded');
    expect(openAllegationOf(list)?.allegationId).toBe('a2');
    expect(list[1]!.awareAt?.toISOString()).toBe('2026-04-02T09:00:00.000Z');
    expect(list[1]!.events.map((e) => e.type)).toEqual(['lado.employer_became_aware', 'lado.allegation_received']);
    expect(list[1]!.childLed).toBe(true);
    expect(nextStep(list[1]!)).toBe('strategy_meeting');
  });

  it('goes strategy meeting, then notes, then reviews or outcome', () => {
    const [a] = allegationsOf('p1', allegation('a', { aware: '2026-05-01T09:00:00Z', received: '2026-05-01T12:00:00Z', meeting: '2026-05-05T10:00:00Z', reviewOn: '2026-06-02' }));
    expect(nextStep(a!)).toBe('notes');
    expect(reviewDue(a!, '2026-06-02')).toEqual({ on: '2026-06-02', overdue: false });
    expect(reviewDue(a!, '2026-06-03')).toEqual({ on: '2026-06-02', overdue: true });
  });

  it('takes the review date from the latest review, and none once a review sets no further date', () => {
    const stream = [...allegation('a', { aware: '2026-05-01T09:00:00Z', received: '2026-05-01T12:00:00Z', meeting: '2026-05-05T10:00:00Z', notes: '2026-05-06T10:00:00Z', reviewOn: '2026-06-02' })];
    stream.push(ev('lado.review_held', '2026-06-02T10:00:00Z', { allegationId: 'a', summary: 'Police still investigating', nextReviewOn: '2026-07-01' }));
    expect(reviewDue(allegationsOf('p', stream)[0]!, '2026-06-10')).toEqual({ on: '2026-07-01', overdue: false });
    stream.push(ev('lado.review_held', '2026-07-01T10:00:00Z', { allegationId: 'a', summary: 'Awaiting the outcome', nextReviewOn: null }));
    expect(reviewDue(allegationsOf('p', stream)[0]!, '2026-07-10')).toBeNull();
  });

  it('reads the same allegation whatever order the events come in, an enquiry dated before receipt included', () => {
    // Received Tuesday 7 April 2026 (after Easter Monday); an enquiry dated Thursday 2 April, recorded afterwards.
    const received = allegation('a', { aware: '2026-04-02T09:00:00Z', received: '2026-04-07T09:00:00Z', meeting: '2026-04-08T10:00:00Z', notes: '2026-04-09T10:00:00Z' });
    const enquiry = ev('lado.enquiry_received', '2026-04-02T15:00:00Z', { allegationId: 'a', enquiryId: 'q1', from: 'Head teacher', question: 'Suspend?' });
    const response = ev('lado.enquiry_responded', '2026-04-07T10:00:00Z', { allegationId: 'a', enquiryId: 'q1', advice: 'Not yet' });
    const bySeq = [...received, enquiry, response];
    const byDate = [...bySeq].sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime());
    const read = (stream: WorkflowEvent[]) => allegationsOf('p', stream).map((a) => ({ enquiries: a.enquiries, notes: a.meetings.map((m) => m.notesDistributedAt), events: a.events.map((e) => e.id) }));
    expect(read(byDate)).toEqual(read(bySeq));
    expect(read([...bySeq].reverse())).toEqual(read(bySeq));
    expect(allegationsOf('p', byDate)[0]!.enquiries).toEqual([{ enquiryId: 'q1', receivedAt: new Date('2026-04-02T15:00:00Z'), from: 'Head teacher', question: 'Suspend?', respondedAt: new Date('2026-04-07T10:00:00Z'), advice: 'Not yet' }]);
  });

  it('refuses the outcome until the notes are distributed and every enquiry answered (82, 84)', () => {
    const base = allegation('a', { aware: '2026-05-22T09:00:00Z', received: '2026-05-22T10:00:00Z' });
    expect(outcomeBlockedBy(allegationsOf('p', base)[0]!)).toMatch(/^Record the allegations strategy meeting first/);
    const met = allegation('a', { aware: '2026-05-22T09:00:00Z', received: '2026-05-22T10:00:00Z', meeting: '2026-05-27T10:00:00Z' });
    expect(outcomeBlockedBy(allegationsOf('p', met)[0]!)).toMatch(/^Record when the strategy meeting notes were distributed/);
    const noted = allegation('a', { aware: '2026-05-22T09:00:00Z', received: '2026-05-22T10:00:00Z', meeting: '2026-05-27T10:00:00Z', notes: '2026-05-29T10:00:00Z' });
    const asked = [...noted, ev('lado.enquiry_received', '2026-05-23T10:00:00Z', { allegationId: 'a', enquiryId: 'q', from: 'Head teacher', question: '?' })];
    expect(outcomeBlockedBy(allegationsOf('p', asked)[0]!)).toBe('Record the response to the enquiry from Head teacher before the outcome (Managing Allegations 82)');
    expect(outcomeBlockedBy(allegationsOf('p', [...asked, ev('lado.enquiry_responded', '2026-05-26T10:00:00Z', { allegationId: 'a', enquiryId: 'q', advice: 'x' })])[0]!)).toBeNull();
  });

  it('keeps an allegation recorded in error, out of the open ones and the annual report', () => {
    const stream = [...allegation('a', { aware: '2026-08-28T09:00:00Z', received: '2026-08-28T14:00:00Z' }), ev('lado.recorded_in_error', '2026-08-29T09:00:00Z', { allegationId: 'a', reason: 'Wrong adult' })];
    const list = allegationsOf('p', stream);
    expect(list[0]!.inError?.reason).toBe('Wrong adult');
    expect(openAllegationOf(list)).toBeNull();
    expect(nextStep(list[0]!)).toBe('recorded_in_error');
    expect(standingAllegations(list)).toEqual([]);
    expect(annualReport(list, reportingYear(2026), calendar, '2026-09-01').received).toBe(0);
  });

  it('has no awareness date when the employer may not know, and the report leaves it out of timeliness (81)', () => {
    const stream = allegation('a', { aware: '2026-12-24T09:00:00Z', received: '2026-12-24T15:00:00Z', source: 'child' }).filter((e) => e.type !== 'lado.employer_became_aware');
    const list = allegationsOf('p', stream);
    expect(list[0]!.awareAt).toBeNull();
    const r = annualReport(list, reportingYear(2026), calendar, '2027-01-04');
    expect(r.received).toBe(1);
    expect([r.timeliness[0]!.inTime, r.timeliness[0]!.late, r.timeliness[0]!.notYet]).toEqual([0, 0, 0]);
  });

  it('knows which events and standards are about allegations', () => {
    expect(isAllegationEvent('lado.allegation_received')).toBe(true);
    expect(isAllegationEvent('fostering.review_required')).toBe(false);
    expect(isAllegationRule('lado.strategy-meeting')).toBe(true);
    expect(isAllegationRule('fostering.review')).toBe(false);
  });
});

describe('the resolution measure (Managing Allegations 87)', () => {
  it('bands by calendar months from the London date of receipt, clamped to the month end', () => {
    // Received Saturday 31 January 2026: one month is Saturday 28 February.
    expect(resolutionBand(new Date('2026-01-31T10:00:00Z'), new Date('2026-02-28T16:00:00Z'))).toBe('one_month');
    expect(resolutionBand(new Date('2026-01-31T10:00:00Z'), new Date('2026-03-02T09:00:00Z'))).toBe('three_months');
    expect(resolutionBand(new Date('2026-01-31T10:00:00Z'), new Date('2026-04-30T09:00:00Z'))).toBe('three_months');
    expect(resolutionBand(new Date('2026-01-31T10:00:00Z'), new Date('2026-05-01T09:00:00Z'))).toBe('twelve_months');
    expect(resolutionBand(new Date('2025-01-31T10:00:00Z'), new Date('2026-02-02T09:00:00Z'))).toBe('over_twelve_months');
    // 23:30 UTC on 30 April 2026 is 1 May in London (BST): a month runs to 1 June.
    expect(resolutionBand(new Date('2026-04-30T23:30:00Z'), new Date('2026-06-01T10:00:00Z'))).toBe('one_month');
  });
});

describe('the annual report (Managing Allegations 88)', () => {
  it('is for the reporting year from 1 April to 31 March', () => {
    expect(reportingYearOf('2026-03-31')).toBe(2025);
    expect(reportingYearOf('2026-04-01')).toBe(2026);
    expect(reportingYear(2026)).toEqual({ label: 'April 2026 to March 2027', from: '2026-04-01', to: '2027-03-31' });
  });

  it('counts sources, nature, outcomes, themes, the resolution measure and timeliness across bank holidays', () => {
    const stream = [
      // Employer knew on Maundy Thursday 2 April 2026: Good Friday and Easter Monday do not count, so Tuesday 7 April is in time.
      ...allegation('easter', { aware: '2026-04-02T14:00:00Z', received: '2026-04-07T09:00:00Z', meeting: '2026-04-09T09:00:00Z', notes: '2026-04-13T09:00:00Z', concluded: '2026-05-07T09:00:00Z', outcome: 'substantiated', dbs: true }),
      // Received Friday 1 May: 2 working days skip the May bank holiday (Monday 4 May) to Wednesday 6 May, so Thursday 7 May is late; the notes follow in time.
      ...allegation('may', { aware: '2026-05-01T09:00:00Z', received: '2026-05-01T11:00:00Z', meeting: '2026-05-07T09:00:00Z', notes: '2026-05-11T16:00:00Z', concluded: '2026-07-15T09:00:00Z', outcome: 'unfounded', source: 'police', category: 'sexual', sector: 'sport', employer: 'Wealdmoor Football Club' }),
      // Child-led, received Thursday 24 December: 1 working day is Tuesday 29 December (25 and 28 December are bank holidays).
      ...allegation('christmas', { aware: '2026-12-23T09:00:00Z', received: '2026-12-24T09:00:00Z', childLed: true, meeting: '2026-12-29T15:00:00Z', employer: 'wealdmoor primary school ' }),
      // Last year's, concluded this year after more than 12 months.
      ...allegation('old', { aware: '2025-03-01T09:00:00Z', received: '2025-03-03T09:00:00Z', meeting: '2025-03-04T09:00:00Z', concluded: '2026-04-20T09:00:00Z', outcome: 'malicious', source: 'parent' }),
    ];
    const list = allegationsOf('p', stream);
    const r = annualReport(list, reportingYear(2026), calendar, '2027-01-04');
    expect(r.received).toBe(3);
    expect(r.concluded).toBe(3);
    expect(r.openAtEnd).toBe(1);
    expect(r.sources.find((s) => s.value === 'employer')!.count).toBe(2);
    expect(r.sources.find((s) => s.value === 'police')!.count).toBe(1);
    expect(r.nature.find((s) => s.value === 'sexual')!.count).toBe(1);
    expect(r.outcomes.filter((o) => o.count > 0).map((o) => o.value)).toEqual(['substantiated', 'unfounded', 'malicious']);
    expect(r.dbsReferrals).toBe(1);
    expect(r.childLed).toBe(1);
    expect(r.repeatEmployers).toEqual([{ employer: 'Wealdmoor Primary School', count: 2 }]);
    // One within a month (7 April to 7 May), one within three, one over twelve: 33%, 66%, 66%.
    expect(r.resolution.bands).toEqual({ one_month: 1, three_months: 1, twelve_months: 0, over_twelve_months: 1 });
    expect(r.resolution.within.map((w) => [w.percent, w.met])).toEqual([[33, false], [66, false], [66, false]]);
    const [informed, meeting, notes] = r.timeliness;
    expect([informed!.inTime, informed!.late]).toEqual([3, 0]);
    expect([meeting!.inTime, meeting!.late]).toEqual([2, 1]);
    expect([notes!.inTime, notes!.late, notes!.notYet]).toEqual([2, 1, 0]);
  });
});

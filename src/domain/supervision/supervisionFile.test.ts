import { describe, expect, it } from 'vitest';
import { amending, awaitingSignatures, signing } from './signatures';
import { contractOn, supervisionEvent, supervisionFileOf, supervisionStart, type StaffFact } from './supervisionFile';

const worker = 'w0000000-0000-0000-0000-000000000001';
const tom = 's0000000-0000-0000-0000-000000000002';
const aisha = 's0000000-0000-0000-0000-000000000003';
let n = 0;
function fact(type: string, data: Record<string, unknown>, extra: Partial<StaffFact> = {}): StaffFact {
  n++;
  const at = new Date(Date.UTC(2026, 3, 1, 9, n));
  return { id: `e${n}`, userId: worker, type, occurredAt: at, recordedAt: at, recordedBy: tom, recordedByName: 'Tom Reilly', data, reason: null, refersTo: null, ...extra };
}
const sign = (refersTo: string, party: 'supervisee' | 'supervisor') => fact(supervisionEvent.signed, { party }, { refersTo, recordedBy: party === 'supervisee' ? worker : tom, recordedByName: party === 'supervisee' ? 'Sam Patel' : 'Tom Reilly' });

/** Contracts, sessions, signatures and amendments read from a member of staff's record (specialist-service-statement.txt 5.4). */
describe('a supervision file', () => {
  const contract = fact(supervisionEvent.contractAgreed, { supervisorId: tom, supervisorName: 'Tom Reilly', frequency: 'fortnightly', requiredFrequency: 'monthly', covers: 'Cases, reflection, wellbeing', agreedOn: '2026-01-05' });
  const session = fact(supervisionEvent.sessionRecorded, { contractId: contract.id, supervisorId: tom, supervisorName: 'Tom Reilly', heldOn: '2026-01-19', cases: [], reflections: 'Reflected on a hard visit.', wellbeing: 'Tired but coping.', actions: [] });
  const base = [contract, sign(contract.id, 'supervisee'), sign(contract.id, 'supervisor'), session];

  it('knows the contract in force and where the clock starts', () => {
    const replacement = fact(supervisionEvent.contractAgreed, { supervisorId: aisha, supervisorName: 'Aisha Rahman', frequency: 'monthly', requiredFrequency: 'monthly', covers: 'Cases', agreedOn: '2026-06-01' }, { reason: 'Moved team', refersTo: contract.id });
    const file = supervisionFileOf(worker, [...base, replacement]);
    expect(file.contract?.supervisorName).toBe('Aisha Rahman');
    expect(contractOn(file, '2026-05-31')?.supervisorName).toBe('Tom Reilly');
    expect(contractOn(file, '2026-01-04')).toBeNull();
    expect(supervisionStart(file)).toBe('2026-01-05');
  });

  it('needs both parties to sign, each as themselves, once', () => {
    const file = supervisionFileOf(worker, base);
    expect(awaitingSignatures(file).map((a) => [a.kind, a.party])).toEqual([['session', 'supervisee'], ['session', 'supervisor']]);
    expect(signing(file, worker, { kind: 'session', id: session.id })).toEqual({ party: 'supervisee' });
    expect(signing(file, tom, { kind: 'session', id: session.id })).toEqual({ party: 'supervisor' });
    expect(signing(file, aisha, { kind: 'session', id: session.id })).toMatchObject({ kind: 'forbidden' });
    const signedOnce = supervisionFileOf(worker, [...base, sign(session.id, 'supervisee')]);
    expect(signing(signedOnce, worker, { kind: 'session', id: session.id })).toMatchObject({ kind: 'invalid', message: 'You have already signed this supervision record' });
    expect(signing(signedOnce, worker, { kind: 'contract', id: contract.id })).toMatchObject({ message: 'You have already signed this supervision contract' });
  });

  it('changes a signed record only by an amendment, which both sign again after the session', () => {
    const signed = [...base, sign(session.id, 'supervisee'), sign(session.id, 'supervisor')];
    expect(supervisionFileOf(worker, signed).sessions[0]?.signedByBoth).toBe(true);
    const amendment = fact(supervisionEvent.amended, { part: 'wellbeing', text: 'Tired; agreed a day of leave.' }, { refersTo: session.id, reason: 'The leave agreed was left out' });
    const file = supervisionFileOf(worker, [...signed, amendment]);
    const s = file.sessions[0];
    expect(s?.signedByBoth).toBe(false);
    expect(s?.wellbeing).toBe('Tired but coping.');
    expect(s?.current.wellbeing).toBe('Tired; agreed a day of leave.');
    expect(awaitingSignatures(file).map((a) => [a.kind, a.party])).toEqual([['amendment', 'supervisee'], ['amendment', 'supervisor']]);
    expect(amending(file, worker, session.id, { part: 'wellbeing', text: 'Tired; agreed a day of leave.' })).toMatchObject({ field: 'text' });
    expect(amending(file, aisha, session.id, { part: 'other', text: 'x' })).toMatchObject({ kind: 'forbidden' });
    const both = supervisionFileOf(worker, [...signed, amendment, sign(amendment.id, 'supervisee'), sign(amendment.id, 'supervisor')]);
    expect(both.sessions[0]?.signedByBoth).toBe(true);
  });

  it('refuses an amendment signed before the session it amends', () => {
    const amendment = fact(supervisionEvent.amended, { part: 'other', text: 'The action on the Brown case is by 30 April.' }, { refersTo: session.id, reason: 'Wrong date typed' });
    const file = supervisionFileOf(worker, [...base, amendment]);
    expect(signing(file, worker, { kind: 'amendment', id: amendment.id })).toMatchObject({ kind: 'invalid', message: 'Sign the session record first, then its amendment' });
    expect(file.sessions[0]?.current.corrections.map((c) => c.text)).toEqual(['The action on the Brown case is by 30 April.']);
  });
});

import { amendablePartLabels, type AmendablePart, type Amendment, type Party, type Signatures, type SupervisionFile } from './supervisionFile';

/**
 * Signing and amending supervision records (specialist-service-statement.txt 5.4: "Records will be
 * made of all supervision sessions, by the supervising manager, and signed off by both parties";
 * issue 12: "supervision records cannot be changed after both signatures except by an amendment").
 */
export type SignableKind = 'contract' | 'session' | 'amendment';

export interface AwaitingSignature {
  kind: SignableKind;
  id: string;
  /** The session an amendment belongs to (the session itself for a session). */
  sessionId: string | null;
  /** Whose signature is missing. */
  party: Party;
  signerId: string;
  /** A date to show: the contract agreed, the session held, the amendment made. */
  on: Date | string;
}

/** Every signature still missing from the contract in force, each session and each amendment. */
export function awaitingSignatures(file: SupervisionFile): AwaitingSignature[] {
  const missing: AwaitingSignature[] = [];
  const add = (kind: SignableKind, id: string, sessionId: string | null, signatures: Signatures, supervisorId: string, on: Date | string) => {
    if (!signatures.supervisee) missing.push({ kind, id, sessionId, party: 'supervisee', signerId: file.userId, on });
    if (!signatures.supervisor) missing.push({ kind, id, sessionId, party: 'supervisor', signerId: supervisorId, on });
  };
  if (file.contract) add('contract', file.contract.id, null, file.contract.signatures, file.contract.supervisorId, file.contract.agreedOn);
  for (const s of file.sessions) {
    add('session', s.id, s.id, s.signatures, s.supervisorId, s.heldAt);
    for (const a of s.amendments) add('amendment', a.id, s.id, a.signatures, s.supervisorId, a.at);
  }
  return missing;
}

export type Refusal = { kind: 'forbidden' | 'invalid'; field: string; message: string };

/**
 * May this person sign this contract, session or amendment, and as which party? Each party signs
 * as themselves, once; an amendment is signed after the session it amends (5.4: "signed off by
 * both parties"; issue 12: "supervision records cannot be changed after both signatures except by
 * an amendment").
 */
export function signing(file: SupervisionFile, signerId: string, target: { kind: SignableKind; id: string }): { party: Party } | Refusal {
  const forbidden = (message: string): Refusal => ({ kind: 'forbidden', field: 'sign', message });
  const invalid = (message: string): Refusal => ({ kind: 'invalid', field: 'sign', message });
  const partyOf = (supervisorId: string): Party | null => (signerId === file.userId ? 'supervisee' : signerId === supervisorId ? 'supervisor' : null);
  if (target.kind === 'contract') {
    const contract = file.contracts.find((c) => c.id === target.id);
    if (!contract) return invalid('That supervision contract is not on this record');
    if (contract !== file.contract) return invalid('This contract has been replaced by a later one: sign the contract in force');
    const party = partyOf(contract.supervisorId);
    if (!party) return forbidden('Only the supervisee and their supervisor sign a supervision contract, each as themselves');
    if (contract.signatures[party]) return invalid('You have already signed this supervision contract');
    return { party };
  }
  const session = target.kind === 'session' ? file.sessions.find((s) => s.id === target.id) : file.sessions.find((s) => s.amendments.some((a) => a.id === target.id));
  if (!session) return invalid(target.kind === 'session' ? 'That supervision session is not on this record' : 'That amendment is not on this record');
  const party = partyOf(session.supervisorId);
  if (!party) return forbidden('Only the supervisee and the supervisor who held the session sign its record, each as themselves');
  if (target.kind === 'session') {
    if (session.signatures[party]) return invalid('You have already signed this supervision record');
    return { party };
  }
  const amendment = session.amendments.find((a) => a.id === target.id) as Amendment;
  if (!session.signatures[party]) return invalid('Sign the session record first, then its amendment');
  if (amendment.signatures[party]) return invalid('You have already signed this amendment');
  return { party };
}

/**
 * An amendment to a session record, made by either party (never an overwrite: the record keeps
 * what it said, and the amendment says what changed and why, for both to sign again).
 */
export function amending(file: SupervisionFile, amenderId: string, sessionId: string, change: { part: AmendablePart; text: string }): Refusal | null {
  const session = file.sessions.find((s) => s.id === sessionId);
  if (!session) return { kind: 'invalid', field: 'part', message: 'That supervision session is not on this record' };
  if (amenderId !== file.userId && amenderId !== session.supervisorId) {
    return { kind: 'forbidden', field: 'part', message: 'Only the supervisee and the supervisor who held the session amend its record' };
  }
  if (change.part !== 'other' && session.current[change.part].trim() === change.text.trim()) {
    return { kind: 'invalid', field: 'text', message: `The ${amendablePartLabels[change.part].toLowerCase()} already says that: enter the changed text` };
  }
  return null;
}

import { chronological } from '../records/events';

/**
 * Transfers of a case between teams (issue 12: "a manager allocates and transfers cases between
 * workers and teams (with the transfer meeting and the receiving manager chairing the transfer
 * review)"). The sending team's manager records the transfer meeting and the case is allocated to
 * the receiving team and worker with it; the transfer review (the Transfer Child In Need meeting)
 * is then chaired by a manager of the receiving team (practice-standards.txt, Section 2: Child in
 * Need Plans and Reviews 9: "A Transfer Child In Need meeting needs to be attended by the manager of
 * the receiving team who will chair the review").
 */
export const transferEvent = {
  meetingHeld: 'case.transfer_meeting_held',
  reviewHeld: 'case.transfer_review_held',
} as const;

export interface TeamAndWorker {
  teamId: string | null;
  teamName: string | null;
  workerId: string | null;
  workerName: string | null;
}

export interface TransferReview {
  eventId: string;
  at: Date;
  chairId: string | null;
  chairName: string | null;
  attended: string;
  summary: string;
}

export interface Transfer {
  transferId: string;
  eventId: string;
  meetingAt: Date;
  from: TeamAndWorker;
  to: TeamAndWorker;
  attended: string;
  summary: string;
  recordedByName: string | null;
  review: TransferReview | null;
}

export interface TransferEventLike {
  id: string;
  type: string;
  occurredAt: Date;
  recordedByName: string | null;
  data: Record<string, unknown>;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const side = (v: unknown): TeamAndWorker => {
  const d = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  return { teamId: textOrNull(d.teamId), teamName: textOrNull(d.teamName), workerId: textOrNull(d.workerId), workerName: textOrNull(d.workerName) };
};

/** A child's transfers, oldest first, each with its review when held. */
export function transfersOf(stream: readonly TransferEventLike[]): Transfer[] {
  const transfers: Transfer[] = [];
  for (const event of chronological(stream)) {
    if (event.type === transferEvent.meetingHeld) {
      transfers.push({
        transferId: text(event.data.transferId),
        eventId: event.id,
        meetingAt: event.occurredAt,
        from: side(event.data.from),
        to: side(event.data.to),
        attended: text(event.data.attended),
        summary: text(event.data.meetingSummary),
        recordedByName: event.recordedByName,
        review: null,
      });
    } else if (event.type === transferEvent.reviewHeld) {
      const transfer = transfers.find((t) => t.transferId === event.data.transferId);
      if (transfer && !transfer.review) {
        transfer.review = { eventId: event.id, at: event.occurredAt, chairId: textOrNull(event.data.chairId), chairName: textOrNull(event.data.chairName), attended: text(event.data.attended), summary: text(event.data.reviewSummary) };
      }
    }
  }
  return transfers;
}

/** The latest transfer, when its review is still to be held. */
export function awaitingReview(transfers: readonly Transfer[]): Transfer | null {
  const last = transfers.at(-1);
  return last && !last.review ? last : null;
}

/** Why a case cannot be transferred to this team and worker, or null. */
export function transferRefusal(current: { teamId: string | null }, to: { teamId: string }): string | null {
  if (current.teamId === null) return 'The case is not held by a team yet: allocate it instead';
  if (current.teamId === to.teamId) return 'The case is already held by this team: to change its worker, allocate it instead. A transfer moves a case to another team';
  return null;
}

/**
 * Why this person may not chair (and record) a transfer's review, or null: only a manager of the
 * receiving team (Child in Need Plans and Reviews 9). Not the sending team's manager, not a worker
 * of the receiving team, and not a senior manager from outside it.
 */
export function reviewChairRefusal(transfer: Transfer, chair: { teamIds: readonly string[]; isManager: boolean }): string | null {
  const team = transfer.to.teamName ?? 'the receiving team';
  if (chair.isManager && transfer.to.teamId !== null && chair.teamIds.includes(transfer.to.teamId)) return null;
  return `The transfer review is chaired by a manager of ${team}, the team receiving the case (practice-standards.txt, Section 2: Child in Need Plans and Reviews 9): ask them to record it`;
}

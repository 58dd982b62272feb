import { chronological, type WorkflowEvent } from '../records/events';

/** The threshold outcomes that send a referral on to further action: an assessment or a strategy discussion. */
const furtherAction = new Set(['assessment', 'strategy_discussion']);

/**
 * The child's primary need as the Duty Manager saw it at the front door (threshold.decided
 * data.primaryNeed, issue 10), for the assessment now open: the latest decision sending the child
 * on to further action since their last assessment was signed off. An earlier assessment's sign-off
 * confirmed or replaced what was said before it, so that is not offered again. The manager signing
 * off the assessment sees it chosen, and confirms it or changes it. Null when none was recorded.
 */
export function needAtReferral(stream: readonly WorkflowEvent[]): string | null {
  let need: string | null = null;
  for (const event of chronological(stream)) {
    if (event.type === 'assessment.completed') need = null;
    else if (event.type === 'threshold.decided' && furtherAction.has(String(event.data.outcome)) && typeof event.data.primaryNeed === 'string') need = event.data.primaryNeed;
  }
  return need;
}

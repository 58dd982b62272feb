import type { ObligationState } from '../../domain/standards/obligation';
import { timescaleText } from '../../domain/standards/describe';
import { ruleById } from '../../standards/index';
import { formatDate, formatDateTime } from '../../platform/views/filters';
import type { ObligationRow } from './standardsRepository';

export interface ObligationItem {
  personId: string;
  person: { name: string; hearthId: number } | null;
  ruleId: string;
  title: string;
  timescale: string;
  due: string;
  state: ObligationState;
  done: string | null;
  lateReason: string | null;
}

export const stateLabels: Record<ObligationState, { text: string; classes: string }> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  due: { text: 'Due', classes: 'govuk-tag--blue' },
  met: { text: 'Met', classes: 'govuk-tag--green' },
  met_late: { text: 'Met late', classes: 'govuk-tag--orange' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
};

/** Obligations as a page shows them: the standard in words, the due date or time, the state. */
export function obligationItems(
  rows: { obligation: ObligationRow; state: string }[],
  people: ReadonlyMap<string, { name: string; hearthId: number }> = new Map(),
): ObligationItem[] {
  return rows.map(({ obligation: o, state }) => {
    const rule = ruleById(o.ruleId);
    return {
      personId: o.personId,
      person: people.get(o.personId) ?? null,
      ruleId: o.ruleId,
      title: rule?.title ?? o.ruleId,
      timescale: rule ? timescaleText(rule) : '',
      due: o.dueDate ? formatDate(o.dueDate) : formatDateTime(o.deadline),
      state: state as ObligationState,
      done: o.doneAt ? formatDateTime(o.doneAt) : null,
      lateReason: o.lateReason,
    };
  });
}

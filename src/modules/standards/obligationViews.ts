import type { EventTypeDefinition } from '../../standards/catalogueTypes';
import type { ObligationState } from '../../domain/standards/obligation';
import { timescaleText } from '../../domain/standards/describe';
import type { Rule } from '../../domain/standards/rule';
import { eventTypeOf, isPracticeWork, ruleById } from '../../standards/index';
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
  /** The Record work form for what meets it, when it is open and the reader may record work on the record. */
  recordHref: string | null;
}

/**
 * The event a worker records to meet a rule, if one can be recorded from the Record work form:
 * not a rule met by recording its start event itself ("the visit recorded within 2 days").
 */
function recordableType(rule: Rule | undefined): string | null {
  const type = rule && !rule.satisfiedByRecording ? rule.satisfiedBy[0]?.type : undefined;
  return type && isPracticeWork(type) ? type : null;
}

/** The page where work that only its own workflow records is done, for each workflow the catalogue names. */
const workflowPages: Record<NonNullable<EventTypeDefinition['recordedOn']>, (personId: string) => string> = {
  'front-door': () => '/front-door',
  'hub-review': (id) => `/front-door/hub-reviews/${id}`,
  assessment: (id) => `/people/${id}/assessment`,
  'case-record': (id) => `/people/${id}/case-record`,
  closure: (id) => `/people/${id}/workflows/closure`,
  strategy: (id) => `/people/${id}/strategy`,
  'section-47': (id) => `/people/${id}/section-47`,
  conference: (id) => `/people/${id}/conference`,
  'core-groups': (id) => `/people/${id}/core-groups`,
  'cin-plan': (id) => `/people/${id}/cin-plan`,
  'safety-plan': (id) => `/people/${id}/safety-plan`,
  'in-care': (id) => `/people/${id}/in-care`,
  'cic-reviews': (id) => `/people/${id}/reviews`,
  missing: (id) => `/people/${id}/missing`,
  'care-leaver': (id) => `/people/${id}/care-leaver`,
  permanence: (id) => `/people/${id}/permanence`,
  'health-education': (id) => `/people/${id}/health-education`,
  placements: (id) => `/people/${id}/placements`,
  'placement-requests': (id) => `/people/${id}/placement-requests`,
  'care-packages': (id) => `/people/${id}/care-packages`,
  'family-time': (id) => `/people/${id}/family-time`,
  'panel-referral': (id) => `/people/${id}/panel-referral`,
  panel: (id) => `/people/${id}/panel-referral`,
  fostering: (id) => `/people/${id}/fostering`,
  'foster-carer': (id) => `/people/${id}/foster-carer`,
  lado: (id) => `/people/${id}/allegations`,
  adoption: (id) => `/people/${id}/adoption`,
  // Caseload weights and transfers between teams (issue 12): src/modules/workforce/.
  workforce: (id) => `/people/${id}/transfer`,
  // Children with Disabilities transitions and the hospital duty service (issue 12): src/modules/transitions/, src/modules/hospitalDuty/.
  transitions: (id) => `/people/${id}/transitions`,
  'hospital-duty': (id) => `/people/${id}/hospital-duty`,
  'occupational-therapy': (id) => `/people/${id}/occupational-therapy`,
  assist: (id) => `/people/${id}/assist`,
  // The Youth Offending Service's work (issue 12): src/modules/youthJustice/.
  'youth-justice': (id) => `/people/${id}/youth-justice`,
};

function workflowHref(rule: Rule | undefined, personId: string): string | null {
  const type = rule && !rule.satisfiedByRecording ? rule.satisfiedBy[0]?.type : undefined;
  const on = type ? eventTypeOf(type)?.recordedOn : undefined;
  return on ? workflowPages[on](personId) : null;
}

export const stateLabels: Record<ObligationState, { text: string; classes: string }> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  due: { text: 'Due', classes: 'govuk-tag--blue' },
  met: { text: 'Met', classes: 'govuk-tag--green' },
  met_late: { text: 'Met late', classes: 'govuk-tag--orange' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
};

/**
 * Obligations as a page shows them: the standard in words, the due date or time, the state.
 * `mayRecord` says, person by person, whether the reader may record work on their record (the
 * route asks can()), so that no one is shown a Record link that would refuse them.
 */
export function obligationItems(
  rows: { obligation: ObligationRow; state: string }[],
  people: ReadonlyMap<string, { name: string; hearthId: number }> = new Map(),
  mayRecord: (personId: string) => boolean = () => false,
): ObligationItem[] {
  return rows.map(({ obligation: o, state }) => {
    const rule = ruleById(o.ruleId);
    const open = state === 'due' || state === 'overdue';
    const type = open && mayRecord(o.personId) ? recordableType(rule) : null;
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
      recordHref: type ? `/people/${o.personId}/work/new?type=${encodeURIComponent(type)}&rule=${encodeURIComponent(o.ruleId)}` : open && mayRecord(o.personId) ? workflowHref(rule, o.personId) : null,
    };
  });
}

export interface Clock {
  ruleId: string;
  title: string;
  type: string | null;
  /** Whether Record work can record what meets it (not a workflow's own step). */
  recordable: boolean;
  deadline: Date;
  dueDate: string | null;
  state: string;
  doneAt: Date | null;
}

/** One obligation as a clock (a list's row, a query's answer): under its id if the catalogue no longer has its standard. */
export function asClock({ obligation: o, state }: { obligation: ObligationRow; state: string }): Clock {
  const rule = ruleById(o.ruleId);
  const type = !rule || rule.satisfiedByRecording ? null : (rule.satisfiedBy[0]?.type ?? null);
  return { ruleId: o.ruleId, title: rule?.title ?? o.ruleId, type, recordable: Boolean(type && isPracticeWork(type)), deadline: o.deadline, dueDate: o.dueDate, state, doneAt: o.doneAt };
}

/**
 * The latest obligation under each of these standards, in their order: the clocks of one piece of
 * work (an assessment's steps, a closure's). Standards not started yet are left out.
 */
export function clocksOf(rows: readonly { obligation: ObligationRow; state: string }[], ruleIds: readonly string[]): Clock[] {
  return ruleIds.flatMap((ruleId) => {
    const found = rows.filter((o) => o.obligation.ruleId === ruleId).at(-1);
    return found && ruleById(ruleId) ? [asClock(found)] : [];
  });
}

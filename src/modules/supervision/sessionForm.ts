import { z } from 'zod';
import { londonDate } from '../../domain/calendar/localDate';
import type { Problem } from '../../domain/people/personDetails';
import type { CaseDiscussed, SessionAction } from '../../domain/supervision/supervisionFile';
import { formList } from '../../platform/http/forms';
import { readDateInput } from '../../platform/validation';
import { formatDate } from '../../platform/views/filters';
import { checkedAt, whenOf } from '../../platform/when';
import { caseDiscussionSchema, sessionActionSchema, sessionSchema } from './supervisionSchemas';
import { problemsFrom } from './supervisionWrites';

/** How many actions with an owner and a due date the session form offers. */
export const sessionActionRows = 4;

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

export interface SessionForm {
  problems: Problem[];
  heldAt: Date | null;
  texts: { reflections: string; wellbeing: string } | null;
  cases: (CaseDiscussed & { discussion: string; actions: string })[];
  actions: SessionAction[];
}

/**
 * A session form read and checked, every problem collected (DESIGN.md: say everything that is
 * wrong at once): when it was held (not in the future), reflection and learning and wellbeing
 * (5.4: every session includes reflection and learning), each child discussed with its actions and
 * their timescale (practice-standards.txt, Section 1: Early Help 13, "actions and timescales
 * agreed"), and the session's own actions, each with who does it and by when.
 */
export function readSessionForm(input: Record<string, unknown>, now: Date): SessionForm {
  const problems: Problem[] = [];
  let session = null as { data: { reflections: string; wellbeing: string }; at: Date } | null;
  // When it was held, in the form's words: the date boxes read here so a problem names the session.
  const date = readDateInput(input, 'occurredOn', 'The date the session was held', true);
  const when = { ...whenOf(input), occurredOn: date.value, problems: date.problem ? [date.problem] : [] };
  problems.push(...problemsFrom(() => (session = checkedAt(sessionSchema, input, when, now))));
  const heldAt = session?.at ?? null;
  const heldOn = heldAt ? londonDate(heldAt) : null;
  const notBeforeSession = (field: string, date: string, what: string): Problem[] =>
    heldOn && date < heldOn ? [{ field, message: `${what} cannot be due before the session on ${formatDate(heldOn)}` }] : [];

  // Each child offered on the form with anything typed against them is a case discussed: once
  // each, however often the form (or a crafted post) names them, and by the id as stored (lower
  // case), so the child is matched to their record and gets one case discussion.
  const cases: SessionForm['cases'] = [];
  const named = new Set<string>();
  for (const given of formList(input, 'caseIds')) {
    if (!z.uuid().safeParse(given).success) continue;
    const personId = given.toLowerCase();
    if (named.has(personId)) continue;
    named.add(personId);
    // The form names its fields by the id it offered (as stored); a differently cased post, by its own.
    const field = [`discussion-${personId}`, `actions-${personId}`, `actionsBy-${personId}-day`].some((f) => f in input) ? personId : given;
    const [d, a] = [`discussion-${field}`, `actions-${field}`];
    const by = readDateInput(input, `actionsBy-${field}`, 'Date the actions are due by', false);
    if (!filled(input[d]) && !filled(input[a]) && !by.value && !by.problem) continue;
    const parsed = caseDiscussionSchema.safeParse({ discussion: input[d], actions: input[a] });
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ field: `${String(issue.path[0])}-${field}`, message: issue.message });
    if (by.problem) problems.push(by.problem);
    else if (!by.value) problems.push({ field: `actionsBy-${field}-day`, message: 'Enter the date the actions for the child are due by' });
    else problems.push(...notBeforeSession(`actionsBy-${field}-day`, by.value, 'The actions'));
    if (parsed.success && by.value) cases.push({ personId, actionsBy: by.value, ...parsed.data });
  }

  const actions: SessionAction[] = [];
  for (let i = 1; i <= sessionActionRows; i++) {
    const due = readDateInput(input, `dueOn${i}`, 'Date the action is due', false);
    if (!filled(input[`action${i}`]) && !filled(input[`owner${i}`]) && !due.value && !due.problem) continue;
    const parsed = sessionActionSchema.safeParse({ action: input[`action${i}`], owner: input[`owner${i}`] });
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ field: `${String(issue.path[0])}${i}`, message: issue.message });
    if (due.problem) problems.push(due.problem);
    else if (!due.value) problems.push({ field: `dueOn${i}-day`, message: 'Enter the date the action is due' });
    else problems.push(...notBeforeSession(`dueOn${i}-day`, due.value, 'The action'));
    if (parsed.success && due.value) actions.push({ ...parsed.data, dueOn: due.value });
  }
  return { problems, heldAt, texts: session ? (session as NonNullable<typeof session>).data : null, cases, actions };
}

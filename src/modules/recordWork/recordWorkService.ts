import { can } from '../../domain/access/can';
import type { Problem } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import { matches } from '../../domain/standards/evaluate';
import { orderProblems, type OrderProblem } from '../../domain/standards/order';
import type { Rule } from '../../domain/standards/rule';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { mergeProblems, problemsOf, readPastInstant } from '../../platform/validation';
import { formatDate, formatDateTime } from '../../platform/views/filters';
import { episodesById, eventTypeOf, eventTypes, eventTypesByType, isPracticeWork, ruleById } from '../../standards/index';
import type { PeopleService } from '../people/peopleService';
import type { StandardsService } from '../standards/standardsService';
import { dataField, workNotesSchema } from './recordWorkSchemas';

export interface WorkInput {
  /** The event type: what was done ("cin.visit"). */
  type: string;
  /** The London date it happened, YYYY-MM-DD; null when the date boxes could not be read (their problem is given). */
  occurredOn: string | null;
  /** The London time it happened, as typed: "14:30", "9.05", "0930". */
  occurredTime: string;
  /** The event type's own facts (a conference's kind), checked against its schema in the catalogue. */
  data: Record<string, unknown>;
  /** What happened, and why it was late: text, checked here like every other input. */
  summary?: unknown;
  lateReason?: unknown;
}

export interface MetStandard {
  ruleId: string;
  title: string;
  late: boolean;
  due: string;
}

export { readTime } from '../../platform/validation';

/** The practice work a worker may choose from, by title. */
export const workChoices = eventTypes
  .filter((d) => isPracticeWork(d.type))
  .map((d) => ({ value: d.type, text: d.title }))
  .sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));

/** An order problem in a worker's words: what to record first, or which date to check. */
function orderMessage(problem: OrderProblem, stream: readonly RecordedEvent[]): string {
  const what = `${problem.requirement.title} on ${formatDateTime(problem.at)}`;
  const titles = (list: readonly { type: string }[]) => [...new Set(list.map((m) => eventTypeOf(m.type)?.title ?? m.type))].join(' or ');
  if (problem.kind === 'before') return `${what} comes before any ${titles(problem.after).toLowerCase()}. Record that first, or check the date`;
  const episode = problem.episode;
  if (!episode) return `${what} is not during ${problem.episodeId}: check the date`;
  const during = episode.title.charAt(0).toLowerCase() + episode.title.slice(1);
  const startedBefore = stream.some((e) => e.occurredAt.getTime() <= problem.at.getTime() && episode.starts.some((m) => matches(e, m)));
  return startedBefore
    ? `${what} is after the end of ${during} (${titles(episode.ends)}). Check the date, or record the new start first`
    : `${what} is not during ${during}. Record when it started (${titles(episode.starts)}) first, or check the date`;
}

/**
 * Recording practice work from a form (issue 3: My work links "to the form that satisfies it"):
 * a visit, a review, a conference, appended through the people module in the record's own
 * transaction, and then the standards it met.
 */
export function recordWorkService(people: PeopleService, standards: StandardsService) {
  /** Everything wrong with the work as given, against the record's stream as it is now. */
  function problemsWith(input: WorkInput, stream: readonly RecordedEvent[], now: Date): { problems: Problem[]; at: Date | null } {
    const problems: Problem[] = [];
    const definition = isPracticeWork(input.type) ? eventTypeOf(input.type) : undefined;
    if (!definition) problems.push({ field: 'type', message: input.type ? 'Select what was done from the list' : 'Select what was done' });

    const when = readPastInstant(input.occurredOn, input.occurredTime, now, { date: 'occurredOn', time: 'occurredTime', what: 'it happened' });
    problems.push(...when.problems);
    const at = when.at;

    const checked = definition?.data?.safeParse(input.data);
    if (checked && !checked.success) problems.push(...problemsOf(checked.error).map((p) => ({ field: dataField(p.field), message: p.message })));

    if (definition && at) {
      const order = orderProblems(
        stream.map((e) => ({ key: e.id, type: e.type, at: e.occurredAt, data: e.data })),
        [{ key: 'new', type: definition.type, at, data: input.data }],
        eventTypesByType,
        episodesById,
      ).get('new');
      if (order) problems.push({ field: 'occurredOn', message: orderMessage(order, stream) });
    }
    return { problems, at };
  }

  return {
    /**
     * Records the work, or refuses it with every problem at once (`earlier`: those the form found
     * reading its boxes). Checked after the record is locked: permission first, then the input,
     * then its order against the stream as it stands.
     */
    async record(context: RequestContext, personId: string, input: WorkInput, earlier: Problem[] = []): Promise<{ event: RecordedEvent; met: MetStandard[] }> {
      const notes = workNotesSchema.safeParse(input);
      const [event] = await people.recordWork(context, personId, (stream, record, now) => {
        const found = problemsWith(input, stream, now);
        const professional: Problem[] = record.kind === 'professional' ? [{ field: 'type', message: "Practice work is recorded on the child's or adult's own record, not a professional's" }] : [];
        // Some work is one role's alone (a conference's decision, its chair's): refused inside the record's transaction, so audited as denied.
        const needs = eventTypeOf(input.type)?.permission;
        if (needs && !can(context.actor, needs, record)) throw new ForbiddenError(needs === 'conference:chair' ? "Only the conference's chair records its decision: ask the chair to record it" : 'You do not have permission to record this work on this record');
        const problems = mergeProblems(professional, earlier, notes.success ? [] : problemsOf(notes.error), found.problems);
        if (problems.length > 0 || !found.at || !notes.success) throw new ValidationError(problems);
        const { summary, lateReason } = notes.data;
        return [{ type: input.type, occurredAt: found.at, data: { ...input.data, ...(summary ? { summary } : {}), ...(lateReason ? { lateReason } : {}) } }];
      });
      if (!event) throw new Error('Recording work appended no event');
      // The standards the work itself met first; then those met by recording it in time ("within 48 hours").
      const byRecording = (ruleId: string) => (ruleById(ruleId)?.satisfiedByRecording ? 1 : 0);
      const met = (await standards.forPerson(personId))
        .filter((r) => r.obligation.doneEventId === event.id && (r.state === 'met' || r.state === 'met_late'))
        .sort((a, b) => byRecording(a.obligation.ruleId) - byRecording(b.obligation.ruleId))
        .map((r) => ({
          ruleId: r.obligation.ruleId,
          title: ruleById(r.obligation.ruleId)?.title ?? r.obligation.ruleId,
          late: r.state === 'met_late',
          due: r.obligation.dueDate ? formatDate(r.obligation.dueDate) : formatDateTime(r.obligation.deadline),
        }));
      return { event, met };
    },

    /** The standard a link from My work says this work meets, if the chosen work can meet it. */
    standardMet(ruleId: unknown, type: string): Rule | null {
      const rule = typeof ruleId === 'string' ? ruleById(ruleId) : undefined;
      return rule && !rule.satisfiedByRecording && rule.satisfiedBy.some((m) => m.type === type) ? rule : null;
    },

    /** When the person's open obligation under a standard falls due, and whether it is overdue now. */
    async openObligation(personId: string, ruleId: string) {
      const open = (await standards.forPerson(personId)).find((r) => r.obligation.ruleId === ruleId && (r.state === 'due' || r.state === 'overdue'));
      if (!open) return null;
      return { due: open.obligation.dueDate ? formatDate(open.obligation.dueDate) : formatDateTime(open.obligation.deadline), overdue: open.state === 'overdue' };
    },
  };
}

export type RecordWorkService = ReturnType<typeof recordWorkService>;

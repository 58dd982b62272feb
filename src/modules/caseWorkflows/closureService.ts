import { z } from 'zod';
import { can } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { copiedWorkflowEvents, copyRefusal, hasOpenWorkflow, latestClosure, letterRefusal, lettersRefusal, type ClosureState } from '../../domain/closure/closureState';
import { fullName } from '../../domain/people/personDetails';
import { closureReasons, textOf } from '../../domain/returns/cinCensus/cinWords';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { formList } from '../../platform/http/forms';
import { checked, optionalText } from '../../platform/validation';
import type { PersonRecord } from '../people/peopleRepository';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';

const siblingTypes = new Set(['sibling', 'half-sibling']);
const ids = (body: Record<string, unknown>, name: string): string[] => [...new Set(formList(body, name))];

export const letterMethods = [
  { value: 'post', text: 'By post' },
  { value: 'email', text: 'By secure email' },
  { value: 'by_hand', text: 'By hand, at the goodbye visit' },
] as const;

const lettersSchema = z.object({
  method: z.enum(['post', 'email', 'by_hand'], { error: 'Select how the letters were sent' }),
});
const copySchema = z.object({ noneReason: optionalText(1000, 'Why a sibling is not to have it') });

/**
 * The parts of the Case Closure workflow that are more than a date (practice-standards.txt,
 * Section 2: Case closures and step-down 9 and 10): copying a triggered workflow to the child's
 * siblings, and the letters to parents and professionals, written from the record and recorded as sent.
 */
export function closureService(clock: Clock, people: PeopleService, staff: StaffDirectory) {
  /** The child's current siblings and the people to write to (those with parental responsibility, parents, professionals), as recorded on the child's record. */
  async function related(context: RequestContext, record: PersonRecord) {
    const all = await people.currentRelationships(context, record);
    const siblings = all.filter((r) => siblingTypes.has(r.type) && r.person.kind === 'child' && r.person.visible);
    const recipients = all
      .filter((r) => r.person.visible && r.recordedHere && (r.parentalResponsibility || r.type === 'parent' || r.type === 'professional'))
      .map((r) => ({ personId: r.person.id, name: r.person.name, relationship: r.label }));
    return { siblings, recipients };
  }

  /**
   * The siblings the workflow may be copied to: read (and audited) to know whether each already
   * has a closure in progress and whether this manager may change their record.
   */
  async function siblingsOf(context: RequestContext, siblings: Awaited<ReturnType<typeof related>>['siblings']) {
    const records = await people.readRecords(context, siblings.map((s) => s.person.id), 'child.viewed', { for: 'case closure: siblings' });
    const latest = await people.latestOfTypes(records.map((r) => r.id), ['closure.workflow_started', 'closure.completed']);
    const inProgress = new Set(latest.filter((e) => e.type === 'closure.workflow_started').map((e) => e.personId));
    return siblings.map((s, i) => ({
      id: s.person.id,
      name: s.person.name,
      relationship: s.label,
      inProgress: inProgress.has(s.person.id),
      mayCopy: can(context.actor, 'child:allocate', records[i] as PersonRecord),
    }));
  }

  async function stateOf(personId: string): Promise<ClosureState | null> {
    return latestClosure(await people.streamOf(personId));
  }

  /** Names of the people letters went to, read now from their records (a restricted one is not named). */
  async function lettersShown(context: RequestContext, state: ClosureState | null) {
    if (!state) return [];
    const visible = await people.visibleRecords(context, state.letters.flatMap((l) => l.recipients.map((r) => r.personId)));
    return state.letters.map((l) => ({ ...l, recipients: l.recipients.map((r) => ({ ...r, name: visible.has(r.personId) ? fullName(visible.get(r.personId)!.details) : 'Restricted record' })) }));
  }

  return {
    /** For the closure workflow's page: its state, the siblings it may be copied to, the people to write to, and what the reader may do. */
    async view(context: RequestContext, record: PersonRecord) {
      const state = await stateOf(record.id);
      const mayCopy = !copyRefusal(state) && can(context.actor, 'child:allocate', record);
      const { siblings: recorded, recipients } = await related(context, record);
      const siblings = mayCopy ? await siblingsOf(context, recorded) : [];
      return {
        state,
        // Why it closed, in the words the worker chose (issue 10); null before it closes, or for history without it.
        closureReason: state?.closureReason ? textOf(closureReasons, state.closureReason) : null,
        letters: await lettersShown(context, state),
        siblings: siblings.filter((s) => s.mayCopy && !s.inProgress),
        siblingsNotOffered: siblings.filter((s) => !s.mayCopy || s.inProgress),
        recipients,
        methods: letterMethods,
        may: {
          copy: mayCopy,
          letter: !letterRefusal(state),
          letters: !lettersRefusal(state) && can(context.actor, 'work:record', record),
        },
      };
    },

    /**
     * The manager copies the triggered workflow to the siblings, in one change across all their
     * records (each locked, checked and audited): "copied to all siblings" (Case closures 9), so a
     * sibling left out needs the reason, as does recording that there is none to copy it to.
     * Either meets the 1 working day standard.
     */
    async copyToSiblings(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const { noneReason } = checked(copySchema, body);
      const chosen = ids(body, 'siblingIds');
      const record = await people.record(context, personId, 'child:allocate');
      const all = await siblingsOf(context, (await related(context, record)).siblings);
      const offered = all.filter((s) => s.mayCopy && !s.inProgress);
      const names = new Map(all.map((s) => [s.id, s.name]));
      for (const id of chosen) {
        const sibling = all.find((s) => s.id === id);
        if (!sibling) throw new ValidationError([{ field: 'siblingIds', message: 'Select siblings from the list: only the current siblings recorded on this record can be chosen' }]);
        if (sibling.inProgress) throw new ValidationError([{ field: 'siblingIds', message: `${sibling.name} already has a case closure workflow in progress` }]);
        if (!sibling.mayCopy) throw new ValidationError([{ field: 'siblingIds', message: `${sibling.name} is held by another team: ask their manager to copy it` }]);
      }
      const leftOut = offered.filter((s) => !chosen.includes(s.id));
      if (leftOut.length > 0 && !noneReason) {
        throw new ValidationError([
          chosen.length === 0
            ? { field: 'siblingIds', message: 'Select the siblings to copy the workflow to, or say why there are none' }
            : { field: 'noneReason', message: `The workflow is copied to all siblings: select ${leftOut.map((s) => s.name).join(' and ')} too, or say why not` },
        ]);
      }
      if (chosen.length === 0 && offered.length === 0 && !noneReason) throw new ValidationError([{ field: 'noneReason', message: 'Say why there are no siblings to copy the workflow to' }]);
      return people.recordOn(context, [personId, ...chosen], 'child:allocate', 'child.closure_copied', (_records, streams, now) => {
        const state = latestClosure(streams.get(personId) ?? []);
        const refusal = copyRefusal(state);
        if (refusal || !state?.workflow) throw new ValidationError([{ field: 'siblingIds', message: refusal ?? '' }]);
        const triggeredAt = state.workflow.at;
        const events = chosen.flatMap((id) => {
          const sibling = latestClosure(streams.get(id) ?? []);
          if (hasOpenWorkflow(sibling)) throw new ValidationError([{ field: 'siblingIds', message: `${names.get(id)} already has a case closure workflow in progress` }]);
          return copiedWorkflowEvents(sibling, { personId, outcome: state.outcome, decidedAt: state.decidedAt, triggeredAt }, now).map((e) => ({ personId: id, ...e }));
        });
        const why = noneReason ? { noneReason } : {};
        return [{ personId, type: 'closure.copied_to_siblings', occurredAt: now, data: { siblingIds: chosen, ...why } }, ...events];
      });
    },

    /** The letter to one of the people to write to, written from the record (Case closures 10); its reading audited with who it is to. */
    async letter(context: RequestContext, personId: string, recipientId: string) {
      const [record] = await people.readRecords(context, [personId], 'child.closure_letter_viewed', { recipientId });
      if (!record) throw new NotFoundError('The record');
      const state = await stateOf(personId);
      const refusal = letterRefusal(state);
      if (refusal || !state) throw new ValidationError([{ field: 'recipientIds', message: refusal ?? '' }]);
      const recipient = (await related(context, record)).recipients.find((r) => r.personId === recipientId);
      if (!recipient) throw new NotFoundError('The person to write to');
      const [worker, team] = await Promise.all([record.allocatedWorkerId ? staff.member(record.allocatedWorkerId) : null, record.allocatedTeamId ? staff.team(record.allocatedTeamId) : null]);
      return {
        record,
        childName: fullName(record.details),
        state,
        decidedOn: londonDate(state.decidedAt),
        closedOn: state.completedAt ? londonDate(state.completedAt) : null,
        today: londonDate(clock.now()),
        recipient,
        worker: worker?.displayName ?? null,
        team: team?.name ?? null,
      };
    },

    /** The letters recorded as sent: to whom and how (Case closures 10, within 1 working day of closure). */
    async lettersSent(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const { method } = checked(lettersSchema, body);
      const chosen = ids(body, 'recipientIds');
      const record = await people.record(context, personId, 'work:record');
      const { recipients } = await related(context, record);
      const picked = recipients.filter((r) => chosen.includes(r.personId));
      if (chosen.length === 0 || picked.length !== chosen.length) throw new ValidationError([{ field: 'recipientIds', message: 'Select who the letters were sent to, from the list' }]);
      return people.recordOn(context, [personId], 'work:record', 'child.closure_letters_sent', (_records, streams, now) => {
        const refusal = lettersRefusal(latestClosure(streams.get(personId) ?? []));
        if (refusal) throw new ValidationError([{ field: 'recipientIds', message: refusal }]);
        return [{ personId, type: 'closure.letters_sent', occurredAt: now, data: { recipients: picked.map((r) => ({ personId: r.personId, relationship: r.relationship })), method } }];
      });
    },
  };
}

export type ClosureService = ReturnType<typeof closureService>;

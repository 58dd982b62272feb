import { can } from '../../domain/access/can';
import { londonDate } from '../../domain/calendar/localDate';
import { extensionDecisionRefusal, extensionRequestRefusal, latestAssessment, outcomeFollowOn, signOffRefusal, type AssessmentState } from '../../domain/assessment/assessmentState';
import { needAtReferral } from '../../domain/assessment/needAtReferral';
import { readScore, submissionProblems, type AssessmentContent } from '../../domain/assessment/signsOfSafety';
import { fullName } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { draftStore } from '../../platform/drafts/draftStore';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { checked } from '../../platform/validation';
import type { PeopleService } from '../people/peopleService';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { clocksOf } from '../standards/obligationViews';
import { extensionDecisionSchema, extensionRequestSchema, readAssessmentDraft, returnSchema, signOffSchema, type AssessmentDraftData } from './assessmentSchemas';

const draftKind = 'assessment';

/** The assessment's own timescales (practice-standards.txt, Section 2: Child and Family Assessment 1-7), in the order the work goes. */
export const assessmentRules = [
  'assessment.case-review',
  'assessment.child-seen',
  'assessment.agency-checks',
  'assessment.progress-review',
  'assessment.family-network-meeting',
  'assessment.expected-completion',
  'assessment.complete',
] as const;

const contentOf = (data: AssessmentDraftData): AssessmentContent => {
  const { assessmentId: _ignored, ...content } = data;
  return content;
};

/**
 * The Child and Family Assessment (issue 4; practice-standards.txt, Section 2: Child and Family
 * Assessment 1-8 and Safety Planning 1): its steps and their clocks, the assessment itself written
 * as a draft kept server-side, sent for sign-off with its required parts checked, and signed off
 * (or returned) by a manager of the team who did not send it.
 */
export function assessmentService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  async function stateOf(personId: string): Promise<AssessmentState | null> {
    return latestAssessment(await people.streamOf(personId));
  }

  /**
   * For a manager's lists on My work: the children of these teams whose latest event of these types
   * is one `wanted`, with their names, only those the reader may see. Showing the names is a read
   * of those records, audited like a caseload.
   */
  async function teamLatest(context: RequestContext, teamIds: readonly string[], types: readonly string[], wanted: (event: RecordedEvent) => boolean, purpose: string) {
    const ids = (await Promise.all(teamIds.map((t) => people.allocatedToTeam(t)))).flat().map((r) => r.id);
    const events = (await people.latestOfTypes(ids, types)).filter(wanted);
    const records = await people.visibleRecords(context, events.map((e) => e.personId));
    await audit.record(db, context, { action: 'caseload.viewed', details: { for: purpose, shown: [...records.keys()] } });
    return events.flatMap((event) => {
      const record = records.get(event.personId);
      return record ? [{ event, name: fullName(record.details) }] : [];
    });
  }

  /** The open assessment, or a clear refusal saying what to record first. */
  function open(state: AssessmentState | null): AssessmentState {
    if (!state || state.stage === 'completed') throw new ValidationError([{ field: 'assessment', message: 'There is no Child and Family Assessment in progress: record that it was allocated first' }]);
    return state;
  }

  return {
    /** The child's latest assessment, its steps' clocks and what the reader may do with it. */
    async overview(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const state = latestAssessment(stream);
      const obligations = state ? (await standards.forPerson(personId)).filter((o) => o.obligation.startedAt.getTime() >= state.allocatedAt.getTime() - 1 || o.obligation.ruleId === 'assessment.complete') : [];
      const clocks = clocksOf(obligations, assessmentRules);
      const mine = state ? await draftStore.openDraftAbout(db, context.actor.userId, draftKind, personId) : null;
      return {
        record,
        name: fullName(record.details),
        state,
        clocks,
        myDraft: mine && readAssessmentDraft(mine.data).assessmentId === state?.id ? mine : null,
        /** The primary need chosen at the front door (issue 10): the sign-off's default, which the manager confirms or changes. */
        needAtReferral: state && state.stage !== 'completed' ? needAtReferral(stream) : null,
        may: {
          allocate: Boolean((!state || state.stage === 'completed') && record.allocatedTeamId && can(context.actor, 'child:allocate', record)),
          write: Boolean(state && state.stage !== 'completed' && can(context.actor, 'work:record', record)),
          signOff: Boolean(state && can(context.actor, 'assessment:sign_off', record) && !signOffRefusal(state, context.actor.userId)),
          requestExtension: Boolean(state && can(context.actor, 'work:record', record) && !extensionRequestRefusal(state)),
          decideExtension: Boolean(state && can(context.actor, 'assessment:extend', record) && !extensionDecisionRefusal(state, context.actor.userId)),
          extend: can(context.actor, 'assessment:extend', record),
          ownSubmission: Boolean(state?.submission && state.submission.by === context.actor.userId && state.stage === 'submitted'),
        },
      };
    },

    /**
     * The assistant team manager allocates the assessment to a social worker of the team the
     * threshold decision sent it to (practice-standards.txt, Section 2: Duty Team (MASH) 6): the
     * child is allocated to the worker, then the assessment's allocation is recorded, which starts
     * its clocks (48-hour review, child seen in 3 days…).
     */
    async allocate(context: RequestContext, personId: string, input: { workerId?: unknown }) {
      const record = await people.record(context, personId, 'child:allocate');
      if (!record.allocatedTeamId) throw new ValidationError([{ field: 'workerId', message: 'The child is not allocated to a team: the threshold decision names the receiving team first' }]);
      const state = await stateOf(personId);
      if (state && state.stage !== 'completed') throw new ValidationError([{ field: 'workerId', message: 'A Child and Family Assessment is already in progress' }]);
      const workerId = typeof input.workerId === 'string' ? input.workerId : '';
      if (!workerId) throw new ValidationError([{ field: 'workerId', message: 'Select the social worker who will do the assessment' }]);
      if (record.allocatedWorkerId !== workerId) await people.allocate(context, personId, { teamId: record.allocatedTeamId, workerId });
      return people.recordOn(context, [personId], 'work:record', 'child.work_recorded', (_records, streams, now) => {
        const current = latestAssessment(streams.get(personId) ?? []);
        if (current && current.stage !== 'completed') throw new ValidationError([{ field: 'workerId', message: 'A Child and Family Assessment is already in progress' }]);
        return [{ personId, type: 'assessment.allocated', occurredAt: now, data: { workerId } }];
      });
    },

    /** Who may be allocated an assessment: the members of the team that holds the child. */
    async allocatable(teamId: string | null) {
      return teamId ? (await staff.membersOf(teamId)).filter((m) => m.active && m.roles.some((r) => r === 'social-worker' || r === 'assistant-team-manager' || r === 'team-manager')) : [];
    },

    /** The reader's draft of the open assessment, started (from the last submission, if it was returned) when there is none. */
    async draft(context: RequestContext, personId: string) {
      const record = await people.record(context, personId, 'work:record');
      const state = open(await stateOf(personId));
      const existing = await draftStore.openDraftAbout(db, context.actor.userId, draftKind, personId);
      if (existing && readAssessmentDraft(existing.data).assessmentId === state.id) return { record, state, draft: existing, data: readAssessmentDraft(existing.data) };
      const start: AssessmentDraftData = { ...readAssessmentDraft(state.submission?.content ? { ...state.submission.content } : {}), assessmentId: state.id };
      const draft = await draftStore.start(db, { kind: draftKind, ownerId: context.actor.userId, personId, data: { ...start }, now: clock.now() });
      return { record, state, draft, data: start };
    },

    /**
     * The autosave every 15 seconds: the writer's own open draft about the child, saved without
     * reading the child's record again (a draft is not the record; the page that opened it read it,
     * audited), so the audit log is not filled with a view every 15 seconds.
     */
    async autosave(context: RequestContext, personId: string, update: (previous: AssessmentDraftData) => AssessmentDraftData) {
      const mine = await draftStore.openDraftAbout(db, context.actor.userId, draftKind, personId);
      if (!mine) throw new NotFoundError('Your draft of this assessment');
      return draftStore.save(db, mine.id, { state: 'saved', data: { ...update(readAssessmentDraft(mine.data)) }, now: clock.now() });
    },

    async saveDraft(context: RequestContext, draftId: string, data: AssessmentDraftData) {
      const draft = await draftStore.find(db, draftId);
      if (!draft || draft.kind !== draftKind) throw new NotFoundError('The draft');
      if (draft.ownerId !== context.actor.userId) throw new ForbiddenError('This draft belongs to someone else: only they can continue it');
      return draftStore.save(db, draftId, { state: 'saved', data: { ...data }, now: clock.now() });
    },

    /** A scaling score added to the draft: who gave it, 0 to 10, when and why (Safety Planning 1). */
    addScore(data: AssessmentDraftData, input: { person: string; score: string; on: string | null; reason: string }): AssessmentDraftData {
      const today = londonDate(clock.now());
      const { score, problems } = readScore({ ...input, on: input.on ?? today }, today);
      if (!score) throw new ValidationError(problems);
      return { ...data, scaling: [...data.scaling, score] };
    },

    /**
     * Sends the assessment for sign-off. Its required parts are checked now (not while it was a
     * draft). Not shared with the family: the reason is recorded, and the service manager alerted
     * by an event of its own (Child and Family Assessment 8).
     */
    async submit(context: RequestContext, personId: string, data: AssessmentDraftData) {
      const problems = submissionProblems(data);
      if (problems.length > 0) throw new ValidationError(problems);
      const content = contentOf(data);
      return people.recordOn(context, [personId], 'work:record', 'child.assessment_submitted', (_records, streams, now) => {
        const state = open(latestAssessment(streams.get(personId) ?? []));
        if (state.id !== data.assessmentId) throw new ConflictError('This draft is for an earlier assessment');
        if (state.stage === 'submitted') throw new ConflictError('The assessment is already waiting for sign-off');
        return [
          { personId, type: 'assessment.submitted', occurredAt: now, data: { assessmentId: state.id, content } },
          ...(data.sharedWithFamily === 'no' ? [{ personId, type: 'assessment.not_shared_with_family', occurredAt: now, data: { assessmentId: state.id, reason: data.reasonNotShared } }] : []),
        ];
      });
    },

    /**
     * The manager's sign-off: completes the assessment with its outcome, the child's primary need and
     * the factors identified (what the CIN census needs: issue 10), if they did not send it themselves.
     */
    async signOff(context: RequestContext, personId: string, unchecked: Record<string, unknown>) {
      const input = checked(signOffSchema, unchecked);
      let author: string | null = null;
      const events = await people.recordOn(context, [personId], 'assessment:sign_off', 'child.assessment_signed_off', (_records, streams, now) => {
        const state = latestAssessment(streams.get(personId) ?? []);
        const refusal = signOffRefusal(state, context.actor.userId);
        if (refusal || !state?.submission) throw new ValidationError([{ field: 'outcome', message: refusal ?? 'The assessment has not been sent for sign-off' }]);
        author = state.submission.by;
        const followOn = outcomeFollowOn(input.outcome);
        const also = (list: { type: string; data: Record<string, unknown> }[]) => list.map((e) => ({ personId, type: e.type, occurredAt: now, data: { ...e.data, assessmentId: state.id } }));
        return [
          ...also(followOn.before),
          { personId, type: 'assessment.completed', occurredAt: now, data: { assessmentId: state.id, outcome: input.outcome, primaryNeed: input.primaryNeed, factors: input.factors, ...(input.comment ? { comment: input.comment } : {}), submissionId: state.submission.eventId } },
          ...also(followOn.after),
        ];
      });
      // The author's draft has become the record: mark it so, so it is not offered again.
      if (author) {
        const draft = await draftStore.openDraftAbout(db, author, draftKind, personId);
        if (draft) await draftStore.save(db, draft.id, { state: 'submitted', data: draft.data, result: events.find((e) => e.type === 'assessment.completed')?.id ?? null, now: clock.now() });
      }
      return events;
    },

    /** Returned to the social worker with what needs to change. */
    async returnForChanges(context: RequestContext, personId: string, unchecked: Record<string, unknown>) {
      const input = checked(returnSchema, unchecked);
      return people.recordOn(context, [personId], 'assessment:sign_off', 'child.assessment_returned', (_records, streams, now) => {
        const state = latestAssessment(streams.get(personId) ?? []);
        if (!state || state.stage !== 'submitted') throw new ValidationError([{ field: 'reason', message: 'The assessment is not waiting for sign-off' }]);
        return [{ personId, type: 'assessment.returned', occurredAt: now, data: { assessmentId: state.id, reason: input.reason } }];
      });
    },

    /**
     * A request to the Team Manager to extend the assessment beyond 25 days of allocation, which
     * should be made "at the latest within 20 days of allocation" (Child and Family Assessment 7:
     * the assessment.extension-request standard times it from the allocation).
     */
    async requestExtension(context: RequestContext, personId: string, unchecked: Record<string, unknown>) {
      const input = checked(extensionRequestSchema, unchecked);
      return people.recordOn(context, [personId], 'work:record', 'child.assessment_extension_requested', (_records, streams, now) => {
        const state = latestAssessment(streams.get(personId) ?? []);
        const refusal = extensionRequestRefusal(state);
        if (refusal || !state) throw new ValidationError([{ field: 'reason', message: refusal ?? '' }]);
        return [{ personId, type: 'assessment.extension_requested', occurredAt: now, data: { assessmentId: state.id, reason: input.reason } }];
      });
    },

    /**
     * The Team Manager agrees the extension (which lifts the 25-day expectation; the 45 working day
     * limit stays) or refuses it with the reason (Child and Family Assessment 1 and 7). Not their own request.
     */
    async decideExtension(context: RequestContext, personId: string, unchecked: Record<string, unknown>) {
      const input = checked(extensionDecisionSchema, unchecked);
      return people.recordOn(context, [personId], 'assessment:extend', 'child.assessment_extension_decided', (_records, streams, now) => {
        const state = latestAssessment(streams.get(personId) ?? []);
        const refusal = extensionDecisionRefusal(state, context.actor.userId);
        if (refusal || !state?.extension) throw new ValidationError([{ field: 'decision', message: refusal ?? '' }]);
        const type = input.decision === 'agreed' ? 'assessment.extension_agreed' : 'assessment.extension_refused';
        return [{ personId, type, occurredAt: now, data: { assessmentId: state.id, requestId: state.extension.eventId, ...(input.decisionReason ? { reason: input.decisionReason } : {}) } }];
      });
    },

    /** Extension requests waiting for this team manager: the children of their teams whose latest extension event is a request not their own. */
    async extensionsAwaiting(context: RequestContext, teamIds: readonly string[]) {
      const types = ['assessment.allocated', 'assessment.extension_requested', 'assessment.extension_agreed', 'assessment.extension_refused', 'assessment.completed'];
      const shown = await teamLatest(context, teamIds, types, (e) => e.type === 'assessment.extension_requested' && e.recordedBy !== context.actor.userId, 'assessment extensions awaiting a decision');
      return shown.map(({ event: e, name }) => ({ personId: e.personId, name, requestedAt: e.occurredAt, by: e.recordedByName, reason: String(e.data.reason ?? '') }));
    },

    /**
     * Assessments of the last four weeks, in these teams, that were not shared with the family
     * before sign-off: the service manager is alerted (Child and Family Assessment 8).
     */
    async notSharedAlerts(context: RequestContext, teamIds: readonly string[]) {
      const since = clock.now().getTime() - 28 * 86_400_000;
      const shown = await teamLatest(context, teamIds, ['assessment.not_shared_with_family'], (e) => e.occurredAt.getTime() >= since, 'assessments not shared with the family');
      return shown.map(({ event: e, name }) => ({ personId: e.personId, name, at: e.occurredAt, reason: String(e.data.reason ?? ''), by: e.recordedByName }));
    },

    /** Assessments waiting for this manager's sign-off: the children of their teams whose latest assessment event is a submission. */
    async awaitingSignOff(context: RequestContext, teamIds: readonly string[]) {
      const stages = ['assessment.allocated', 'assessment.submitted', 'assessment.returned', 'assessment.completed'];
      const shown = await teamLatest(context, teamIds, stages, (e) => e.type === 'assessment.submitted' && e.recordedBy !== context.actor.userId, 'assessments awaiting sign-off');
      return shown.map(({ event: e, name }) => ({ personId: e.personId, name, submittedAt: e.occurredAt, by: e.recordedByName }));
    },
  };
}

export type AssessmentService = ReturnType<typeof assessmentService>;

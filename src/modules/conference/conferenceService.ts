import { minutesOf } from '../childDocuments/childDocuments';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can, rolesAllow } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { abuseCategories, conferenceAgencies, conferenceState, isQuorate, nextKind, type ConferenceState, participationLevels } from '../../domain/conference/conferenceState';
import { fullName, type Problem } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import { formList } from '../../platform/http/forms';
import { formatDateTime } from '../../platform/views/filters';
import { choiceValues, mergeProblems, optionalText, problemsOf, requiredText } from '../../platform/validation';
import { checkedAt, instantOf, notBefore, type When } from '../../platform/when';
import type { PersonRecord } from '../people/peopleRepository';
import type { PeopleService } from '../people/peopleService';
import { recordStep } from '../people/recordStep';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';

/** The conference standards shown on its page (practice-standards.txt, Section 4: Child Protection Conferences), in the order the work goes. */
export const conferenceRules = [
  'cp.icpc',
  'cp.icpc-from-s47',
  'cp.conference-setup-form',
  'cp.conference-invites',
  'cp.icpc-report-submitted',
  'cp.icpc-report-shared',
  'cp.review-report-shared',
  'cp.chair-early-conversation',
  'cp.decision-circulated',
  'cp.conference-minutes',
  'cp.conference-minutes-20-days',
  'cp.first-review-conference',
  'cp.review-conference',
] as const;

/** Preparation for the next conference, each once since the last one: who records it, and what it asks. */
export const preparations = {
  setup: { type: 'cp.conference_setup_submitted', permission: 'work:record', title: 'Set-up form and invite list sent to the Child Protection Admin Team' },
  invites: { type: 'cp.conference_invites_sent', permission: 'work:record', title: 'Invitations sent' },
  report: { type: 'cp.conference_report_submitted', permission: 'work:record', title: "Social worker's report given to the chair" },
  shared: { type: 'cp.conference_report_shared', permission: 'work:record', title: 'Report shared with the parents and older children' },
  conversation: { type: 'cp.chair_discussed_with_social_worker', permission: 'conference:chair', title: "Chair's early conversation with the social worker" },
} as const satisfies Record<string, { type: string; permission: Permission; title: string }>;
export type Preparation = keyof typeof preparations;

const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message });
const categoryValues = choiceValues(abuseCategories);
const heldSchema = z.object({
  planMade: yesNo('Select whether a child protection plan was made').optional(),
  planContinues: yesNo('Select whether the child protection plan continues').optional(),
  // The select sends '' when no category is chosen (a conference that makes no plan).
  category: z.union([z.literal(''), z.enum(categoryValues, { error: 'Select the category of abuse' })]).optional(),
  coreGroup: optionalText(2000, 'The core group'),
  proceedReason: optionalText(2000, 'Why the chair proceeded'),
  dissent: optionalText(5000, 'Dissent'),
});
const participation = z.enum(choiceValues(participationLevels), { error: 'Select how they took part' });
/**
 * The chair's quality audit form (Child Protection Conferences 27): "timeliness of reports, were
 * reports shared with the family before the conference, participation of children and parents,
 * quoracy and multi-agency input"; quoracy is the conference's own record.
 */
const checklistSchema = z.object({
  reportsOnTime: yesNo('Select whether the reports came in time'),
  reportsShared: yesNo('Select whether the reports were shared with the family before the conference'),
  childParticipation: participation,
  parentParticipation: participation,
  multiAgencyInput: z.enum(['good', 'adequate', 'poor'], { error: 'Select how good the multi-agency input was' }),
  notes: optionalText(5000, 'Notes on the conference'),
});
const sharedSchema = z.object({ sharedWith: requiredText('Enter who the report was shared with', 500, 'Who it was shared with') });
const setupSchema = z.object({ invitees: requiredText('Enter the invite list', 5000, 'The invite list') });

const agenciesOf = (body: Record<string, unknown>) => [...new Set(formList(body, 'agencies').filter((a) => conferenceAgencies.some((c) => c.value === a)))];

/**
 * Preparation and follow-up are dated when they were done, and belong to the conference they come
 * before or after: one dated before the last conference was that conference's, so it is refused
 * rather than counted for the wrong one.
 */
function afterLast(state: ConferenceState, at: Date, when: When | null): Date {
  return state.last ? notBefore(at, state.last.at, when?.fields?.date ?? 'occurredOn', 'This is dated before the last conference, ', 'it belonged to that one, so check the date and time') : at;
}

/**
 * Child protection conferences (issue 5; practice-standards.txt, Section 4: Child Protection
 * Conferences 1-34): the preparation (set-up form, invitations, reports, the chair's early
 * conversation), the conference itself recorded by its chair (quoracy, the decision, category,
 * lead social worker and core group, dissent), and what follows (decision circulated, the signed
 * record sent, the chair's checklist). A review that ends the plan ends it: a plan ends no other way.
 */
export function conferenceService(people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  const read = (stream: Parameters<typeof conferenceState>[0]) => conferenceState(stream);
  const always = () => null;

  /** The child's current siblings whose records the chair can see: those who may be at the same conference. */
  async function siblingsOf(context: RequestContext, record: PersonRecord) {
    const related = await people.currentRelationships(context, record);
    return related.filter((r) => (r.type === 'sibling' || r.type === 'half-sibling') && r.person.kind === 'child' && r.person.visible).map((r) => ({ id: r.person.id, name: r.person.name }));
  }

  async function leadOptions(record: PersonRecord) {
    if (!record.allocatedTeamId) return [];
    return (await staff.membersOf(record.allocatedTeamId)).filter((m) => m.active && m.roles.some((r) => r === 'social-worker' || r === 'assistant-team-manager' || r === 'team-manager'));
  }

  return {
    async view(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const state = read(stream);
      const since = state.last ? state.last.at.getTime() - 1 : 0;
      const obligations = (await standards.forPerson(personId)).filter((o) => o.obligation.startedAt.getTime() >= since || o.obligation.outcome === 'open');
      const chair = can(context.actor, 'conference:chair', record);
      const write = can(context.actor, 'work:record', record);
      return {
        record,
        name: fullName(record.details),
        minutes: minutesOf(stream, 'conference_minutes', can(context.actor, 'work:record', record)),
        state,
        kind: nextKind(state),
        preparation: Object.entries(preparations).map(([key, p]) => ({ key, ...p, doneAt: state.preparation.get(p.type) ?? null, may: !state.preparation.has(p.type) && (p.permission === 'conference:chair' ? chair : write) })),
        followUp: { circulated: state.followUp.get('cp.decision_circulated') ?? null, minutes: state.followUp.get('cp.conference_minutes_sent') ?? null, checklist: state.followUp.get('cp.chair_checklist_completed') ?? null },
        clocks: clocksOf(obligations, conferenceRules),
        categories: abuseCategories,
        participation: participationLevels,
        agencies: conferenceAgencies,
        leads: (await leadOptions(record)).map((m) => ({ value: m.id, text: m.displayName })),
        siblings: chair ? await siblingsOf(context, record) : [],
        may: { hold: chair, followUp: Boolean(state.last) && (chair || write), chair },
      };
    },

    /** One preparation step for the next conference, once; the set-up form carries the invite list, the shared report who it went to. */
    prepare(context: RequestContext, personId: string, which: Preparation, body: Record<string, unknown>, when: When) {
      const step = preparations[which];
      return recordStep(
        people,
        context,
        personId,
        step.permission,
        'child.conference_recorded',
        { read, refusal: (s: ConferenceState | null) => (s?.preparation.has(step.type) ? `${step.title}: already recorded for the next conference` : null), field: which },
        (state, now) => {
          const at = instantOf(when, now);
          const data = which === 'setup' ? { summary: checkedAt(setupSchema, body, null, now).data.invitees } : which === 'shared' ? { summary: checkedAt(sharedSchema, body, null, now).data.sharedWith } : {};
          return [{ type: step.type, occurredAt: afterLast(state, at, when), data }];
        },
      );
    },

    /**
     * The conference, by its chair: when, which agencies came (quorate, or the chair's reason to
     * proceed), and the decision. An initial conference that makes a plan needs its category, lead
     * social worker and core group; a review says whether the plan continues (and its category), and
     * one that ends it also records the plan ended (Child Protection Conferences; the issue: "a plan
     * cannot end without a review conference decision").
     */
    async hold(context: RequestContext, personId: string, body: Record<string, unknown>, when: When) {
      const record = await people.record(context, personId, 'conference:chair');
      const leads = await leadOptions(record);
      // Siblings at the same conference (the issue: "a conference or plan can cover several children"), each with their own decision and category.
      const offered = await siblingsOf(context, record);
      const chosen = [...new Set(formList(body, 'siblings'))];
      const unknown = chosen.filter((id) => !offered.some((o) => o.id === id));
      if (unknown.length > 0) throw new ValidationError([{ field: 'siblings', message: 'Choose the siblings from the list' }]);
      const children = [{ id: personId, name: fullName(record.details), suffix: '' }, ...chosen.map((id) => ({ id, name: offered.find((o) => o.id === id)!.name, suffix: `-${id}` }))];
      return people.recordOn(context, children.map((c) => c.id), 'conference:chair', 'child.conference_recorded', (_records, streams, now) => {
        const states = children.map((c) => read(streams.get(c.id) ?? []));
        const kind = nextKind(states[0]!);
        const parsed = heldSchema.safeParse(body);
        let at: Date | null = null;
        let problems: Problem[] = [];
        try {
          at = instantOf(when, now);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          problems = error.problems;
        }
        const agencies = agenciesOf(body);
        const quorate = isQuorate(agencies);
        const d = parsed.success ? parsed.data : null;
        const lead = leads.find((m) => m.id === body.leadSocialWorker);
        const decision: Problem[] = [];
        if (!agencies.includes('social_care')) decision.push({ field: 'agencies', message: "Select the agencies that attended: children's social care must be one" });
        if (!quorate && !d?.proceedReason) decision.push({ field: 'proceedReason', message: "The conference was not quorate (children's social care and at least two other agencies): enter the chair's reason for proceeding" });
        // Each child's own decision and category: the first child's from the form's own boxes, a sibling's from theirs.
        const decisions = children.map((c, i) => {
          const field = kind === 'initial' ? 'planMade' : 'planContinues';
          const plan = body[`${field}${c.suffix}`];
          const category = body[`category${c.suffix}`];
          const who = i === 0 ? '' : ` for ${c.name}`;
          if (plan !== 'yes' && plan !== 'no') decision.push({ field: `${field}${c.suffix}`, message: kind === 'initial' ? `Select whether a child protection plan was made${who}` : `Select whether the child protection plan continues${who}` });
          if (category !== undefined && category !== '' && !categoryValues.includes(String(category))) decision.push({ field: `category${c.suffix}`, message: `Select the category of abuse${who} from the list` });
          else if (plan === 'yes' && !category) decision.push({ field: `category${c.suffix}`, message: `Select the category of abuse${who}: a plan needs one` });
          if (i > 0 && nextKind(states[i]!) !== kind) decision.push({ field: 'siblings', message: `${c.name}'s next conference is ${kind === 'initial' ? 'a review' : 'an initial conference'}: record it from their own page` });
          if (at && states[i]!.last && at.getTime() <= states[i]!.last!.at.getTime()) {
            problems = [...problems, { field: 'occurredOn', message: `The conference cannot be on or before ${i === 0 ? 'the last one' : `${c.name}'s last one`}, ${formatDateTime(states[i]!.last!.at)}: check the date and time` }];
          }
          return { planned: plan === 'yes', category: plan === 'yes' && category ? String(category) : null };
        });
        const anyPlan = decisions.some((x) => x.planned);
        if (kind === 'initial' && anyPlan && !lead) decision.push({ field: 'leadSocialWorker', message: 'Select the lead social worker: a plan needs one' });
        if (kind === 'initial' && anyPlan && !d?.coreGroup) decision.push({ field: 'coreGroup', message: 'Enter the core group members: a plan needs a core group' });
        const all = mergeProblems(problems, parsed.success ? [] : problemsOf(parsed.error), decision);
        if (all.length > 0 || !d || !at) throw new ValidationError(all);
        const conferenceId = randomUUID();
        return children.flatMap((c, i) => {
          const { planned, category } = decisions[i]!;
          const held = {
            personId: c.id,
            type: 'cp.conference_held',
            occurredAt: at,
            data: {
              kind,
              ...(kind === 'initial' ? { planMade: planned } : { planContinues: planned }),
              ...(category ? { category } : {}),
              ...(lead && planned ? { leadSocialWorker: lead.displayName, leadSocialWorkerId: lead.id } : {}),
              ...(d.coreGroup && planned ? { coreGroup: d.coreGroup } : {}),
              agencies,
              quorate,
              chairId: context.actor.userId,
              ...(children.length > 1 ? { conferenceId, withSiblings: children.filter((o) => o.id !== c.id).map((o) => o.id) } : {}),
              ...(d.proceedReason && !quorate ? { proceedReason: d.proceedReason } : {}),
              ...(d.dissent ? { dissent: d.dissent } : {}),
            },
          };
          const ends = kind === 'review' && !planned ? [{ personId: c.id, type: 'cp.plan_ended', occurredAt: at, data: { summary: 'The review child protection conference decided the plan should end' } }] : [];
          // An inquorate conference's decision to end the plan opens the written consultation of the agencies (10 + 10 working days).
          const inquorate = kind === 'review' && !planned && !quorate ? [{ personId: c.id, type: 'cp.inquorate_discontinuation_decided', occurredAt: at, data: {} }] : [];
          return [held, ...inquorate, ...ends];
        });
      });
    },

    /** What follows the conference: the decision circulated (chair or admin), the signed record sent and the checklist (the chair). */
    followUp(context: RequestContext, personId: string, which: 'circulated' | 'minutes' | 'checklist', body: Record<string, unknown>, when: When | null) {
      const type = { circulated: 'cp.decision_circulated', minutes: 'cp.conference_minutes_sent', checklist: 'cp.chair_checklist_completed' }[which];
      const permission: Permission = which === 'circulated' && !rolesAllow(context.actor, 'conference:chair') ? 'work:record' : 'conference:chair';
      return recordStep(
        people,
        context,
        personId,
        permission,
        'child.conference_recorded',
        { read, refusal: (s) => (!s?.last ? 'No conference has been recorded yet' : s.followUp.has(type) ? 'Already recorded for this conference' : null), field: which },
        (state, now) => {
          // The signed record and the audit form are the chair's own (Child Protection Conferences 27): not another chair's.
          if (which !== 'circulated' && state.last?.chairId && state.last.chairId !== context.actor.userId) {
            throw new ValidationError([{ field: which, message: `Only ${state.last.chair ?? 'the chair'}, who chaired this conference, can record ${which === 'minutes' ? 'signing its record' : 'its quality audit'}` }]);
          }
          const data = which === 'checklist' ? (({ reportsOnTime, reportsShared, notes, ...rest }) => ({ reportsOnTime: reportsOnTime === 'yes', reportsShared: reportsShared === 'yes', ...rest, quorate: state.last?.quorate ?? null, ...(notes ? { summary: notes } : {}) }))(checkedAt(checklistSchema, body, null, now).data) : {};
          const at = when ? instantOf(when, now) : now;
          return [{ type, occurredAt: afterLast(state, at, when), data }];
        },
      );
    },
  };
}

export type ConferenceService = ReturnType<typeof conferenceService>;

import { chronological, type WorkflowEvent } from '../records/events';

/** An event as this needs it. */
export type SafetyPlanEvent = WorkflowEvent;

/** One person's scaling of a danger statement against its safety goal: 0 is the danger, 10 the goal (Safety Planning 1). */
export interface Scaling {
  who: string;
  score: number;
  why: string;
}

/** A danger statement paired with its safety goal and their scaling (Safety Planning 1). */
export interface DangerAndGoal {
  danger: string;
  goal: string;
  scaling: Scaling[];
}

/** A member of the safety network: name, contact details and role in the plan (Safety Planning 5). */
export interface NetworkMember {
  name: string;
  contact: string;
  role: string;
}

/**
 * A safety plan as the Signs of Safety standards set it out (practice-standards.txt, Section 2:
 * Safety Planning 1-10). An interim plan (4) says who does what now and when the network meets;
 * a full plan has everything else.
 */
export interface SafetyPlanContent {
  kind: 'interim' | 'full';
  dangers: DangerAndGoal[];
  /** 2: the processes that sustain safety. */
  bottomLines: string;
  /** 3: who supports the family, how and when. */
  timeframe: string;
  /** 4: the interim plan: who does what and when to keep the children safe now. */
  immediateSafety: string;
  /** 4: when the full network meeting takes place (a date, yyyy-mm-dd). */
  networkMeetingOn: string;
  /** 6: what things look like when everything is going well. */
  goingWell: string;
  /** 6: triggers and stressors. */
  triggers: string;
  /** 7: prevention plan, red flags, response plan. */
  prevention: string;
  redFlags: string;
  response: string;
  /** 9: where the plan is reviewed, how the network communicates, how the child can say it is not working. */
  reviewMeetings: string;
  networkCommunication: string;
  childCanSay: string;
  /** 8, 10: the child's voice, and how the plan is explained to them. */
  childsVoice: string;
  network: NetworkMember[];
}

export interface SafetyPlanVersion {
  version: number;
  eventId: string;
  at: Date;
  byName: string | null;
  content: SafetyPlanContent;
}

export interface SafetyPlanState {
  versions: SafetyPlanVersion[];
  current: SafetyPlanVersion | null;
  /** Who of the current version's network has signed it, by name. */
  signedBy: Map<string, { at: Date; signedOn: string }>;
  concluded: { at: Date; byName: string | null; version: number } | null;
}

const key = (name: string) => name.trim().toLowerCase();
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : []);
const textFields = ['bottomLines', 'timeframe', 'immediateSafety', 'networkMeetingOn', 'goingWell', 'triggers', 'prevention', 'redFlags', 'response', 'reviewMeetings', 'networkCommunication', 'childCanSay', 'childsVoice'] as const;

/** A stored plan as the page reads it, whatever an import left out: missing text is empty, missing lists are empty. */
export function contentOf(stored: unknown): SafetyPlanContent {
  const plan = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const texts = Object.fromEntries(textFields.map((f) => [f, text(plan[f])])) as Record<(typeof textFields)[number], string>;
  return {
    kind: plan.kind === 'interim' ? 'interim' : 'full',
    ...texts,
    dangers: list(plan.dangers).map((d) => ({ danger: text(d.danger), goal: text(d.goal), scaling: list(d.scaling).map((s) => ({ who: text(s.who), score: Number(s.score ?? 0), why: text(s.why) })) })),
    network: list(plan.network).map((m) => ({ name: text(m.name), contact: text(m.contact), role: text(m.role) })),
  };
}

/**
 * The child's safety plan read from the record: every version kept (a revision is a new version,
 * never an overwrite), the current one, who in its network has signed it, and its conclusion.
 */
export function safetyPlanOf(stream: readonly SafetyPlanEvent[]): SafetyPlanState {
  const state: SafetyPlanState = { versions: [], current: null, signedBy: new Map(), concluded: null };
  for (const e of chronological(stream)) {
    if (e.type === 'safety_plan.recorded') {
      const version: SafetyPlanVersion = { version: state.versions.length + 1, eventId: e.id, at: e.occurredAt, byName: e.recordedByName, content: contentOf(e.data.plan) };
      state.versions.push(version);
      state.current = version;
      state.signedBy = new Map();
    } else if (e.type === 'safety_plan.network_signed' && state.current && e.data.version === state.current.version) {
      state.signedBy.set(key(String(e.data.member ?? '')), { at: e.occurredAt, signedOn: String(e.data.signedOn ?? '') });
    } else if (e.type === 'safety_plan.concluded') {
      state.concluded = { at: e.occurredAt, byName: e.recordedByName, version: Number(e.data.version ?? state.current?.version ?? 0) };
    }
  }
  return state;
}

/** Has this member of the current version's network signed it? */
export function hasSigned(state: SafetyPlanState, member: string): boolean {
  return state.signedBy.has(key(member));
}

/**
 * Safety Planning 5, 7 and 1: a plan is concluded once it is a full plan whose danger statements
 * each have a safety goal and a scaling, with its prevention plan, red flags and response plan,
 * and a network every member of which has signed this version. Every reason it may not be yet.
 */
export function conclusionRefusals(state: SafetyPlanState): string[] {
  const plan = state.current?.content;
  if (!plan) return ['There is no safety plan to conclude: write it first'];
  if (state.concluded && state.concluded.version === state.current?.version) return ['This version of the safety plan is already concluded'];
  const problems: string[] = [];
  if (plan.kind !== 'full') problems.push('An interim safety plan cannot be concluded: write the full safety plan with the network');
  if (plan.dangers.length === 0) problems.push('Add at least one danger statement with its safety goal');
  if (plan.dangers.some((d) => d.scaling.length === 0)) problems.push('Scale every danger statement and safety goal (Safety Planning 1)');
  for (const [field, text] of [
    [plan.prevention, 'the prevention plan'],
    [plan.redFlags, 'the red flags'],
    [plan.response, 'the response plan'],
  ] as const) {
    if (!field.trim()) problems.push(`Write ${text} (Safety Planning 7)`);
  }
  if (plan.network.length === 0) problems.push('Agree the safety network with the family: name each member, their contact details and role (Safety Planning 5)');
  const unsigned = plan.network.filter((m) => !hasSigned(state, m.name)).map((m) => m.name);
  if (unsigned.length > 0) problems.push(`Every member of the network signs their copy of this version first: not yet ${unsigned.join(', ')}`);
  return problems;
}

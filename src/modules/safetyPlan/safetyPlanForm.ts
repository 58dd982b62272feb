import type { DangerAndGoal, NetworkMember, SafetyPlanContent } from '../../domain/safetyPlan/safetyPlan';
import type { Problem } from '../../domain/people/personDetails';
import { readDateInput } from '../../platform/validation';

const maxText = 4000;

/** The plan's free-text parts, each with the words the form and its problems use. */
export const planTexts = [
  { name: 'immediateSafety', label: 'Who is doing what, and when, to keep the children safe now', interim: true },
  { name: 'bottomLines', label: 'Bottom lines' },
  { name: 'timeframe', label: 'Timeframe and trajectory' },
  { name: 'goingWell', label: 'What things look like when everything is going well' },
  { name: 'triggers', label: 'Triggers and stressors' },
  { name: 'prevention', label: 'Prevention plan' },
  { name: 'redFlags', label: 'Red flags and warning signs' },
  { name: 'response', label: 'Response plan' },
  { name: 'reviewMeetings', label: 'Meetings where the plan is reviewed' },
  { name: 'networkCommunication', label: 'How the network keeps in touch' },
  { name: 'childCanSay', label: 'How the child can tell us the plan is not working' },
  { name: 'childsVoice', label: "The child's views and how the plan is explained to them" },
] as const;

const text = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');

/** The numbers of the rows a form sent for a prefix (`danger-2` → 2), in order. */
function rowsOf(body: Record<string, unknown>, pattern: RegExp): number[] {
  const rows = new Set<number>();
  for (const name of Object.keys(body)) {
    const match = pattern.exec(name);
    if (match?.[1] && Number(match[1]) <= 50) rows.add(Number(match[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

function dangersOf(body: Record<string, unknown>, problems: Problem[]): DangerAndGoal[] {
  const dangers: DangerAndGoal[] = [];
  for (const n of rowsOf(body, /^(?:danger|goal)-(\d+)$/)) {
    const danger = text(body, `danger-${n}`);
    const goal = text(body, `goal-${n}`);
    const scaling = [];
    for (const m of rowsOf(body, new RegExp(`^scale(?:Who|Score|Why)-${n}-(\\d+)$`))) {
      const who = text(body, `scaleWho-${n}-${m}`);
      const score = text(body, `scaleScore-${n}-${m}`);
      const why = text(body, `scaleWhy-${n}-${m}`);
      if (!who && !score && !why) continue;
      if (!who) problems.push({ field: `scaleWho-${n}-${m}`, message: `Enter who gave scaling ${m} of danger statement ${n}` });
      if (!/^(10|[0-9])$/.test(score)) problems.push({ field: `scaleScore-${n}-${m}`, message: `Scaling ${m} of danger statement ${n} must be a whole number from 0 (the danger) to 10 (the safety goal)` });
      if (!why) problems.push({ field: `scaleWhy-${n}-${m}`, message: `Say why ${who || 'they'} gave scaling ${m} of danger statement ${n} that number` });
      scaling.push({ who, score: Number(score), why });
    }
    if (!danger && !goal && scaling.length === 0) continue;
    if (!danger) problems.push({ field: `danger-${n}`, message: `Enter danger statement ${n}: the harmful adult behaviour and its impact on the child` });
    if (!goal) problems.push({ field: `goal-${n}`, message: `Enter the safety goal for danger statement ${n}: what the family need to do or change` });
    for (const [value, field] of [
      [danger, `danger-${n}`],
      [goal, `goal-${n}`],
    ] as const) {
      if (value.length > maxText) problems.push({ field, message: `Danger statement ${n} and its goal must each be ${maxText} characters or fewer` });
    }
    dangers.push({ danger, goal, scaling });
  }
  return dangers;
}

function networkOf(body: Record<string, unknown>, problems: Problem[]): NetworkMember[] {
  const network: NetworkMember[] = [];
  const names = new Set<string>();
  for (const n of rowsOf(body, /^member(?:Name|Contact|Role)-(\d+)$/)) {
    const member = { name: text(body, `memberName-${n}`), contact: text(body, `memberContact-${n}`), role: text(body, `memberRole-${n}`) };
    if (!member.name && !member.contact && !member.role) continue;
    if (!member.name) problems.push({ field: `memberName-${n}`, message: `Enter the name of network member ${n}` });
    if (!member.contact) problems.push({ field: `memberContact-${n}`, message: `Enter how to contact ${member.name || `network member ${n}`}` });
    if (!member.role) problems.push({ field: `memberRole-${n}`, message: `Enter ${member.name || `network member ${n}`}'s role in the safety plan` });
    if (member.name && names.has(member.name.toLowerCase())) problems.push({ field: `memberName-${n}`, message: `${member.name} is in the network twice: give each member once` });
    names.add(member.name.toLowerCase());
    network.push(member);
  }
  return network;
}

/**
 * A safety plan from its form (practice-standards.txt, Section 2: Safety Planning), with every
 * problem at once. Rows left blank are dropped; a row half filled says what it lacks. An interim
 * plan (4) needs the immediate plan and the date of the network meeting; a full plan needs at least
 * one danger statement with its goal.
 */
export function readSafetyPlan(body: Record<string, unknown>): { plan: SafetyPlanContent | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const kind = body.kind === 'interim' || body.kind === 'full' ? body.kind : null;
  if (!kind) problems.push({ field: 'kind', message: 'Select whether this is an interim or a full safety plan' });
  const texts = Object.fromEntries(planTexts.map((t) => [t.name, text(body, t.name)])) as Record<(typeof planTexts)[number]['name'], string>;
  for (const t of planTexts) if (texts[t.name].length > maxText) problems.push({ field: t.name, message: `${t.label} must be ${maxText} characters or fewer` });
  const meeting = readDateInput(body, 'networkMeetingOn', 'The date of the network meeting', kind === 'interim');
  if (meeting.problem) problems.push(meeting.problem);
  if (kind === 'interim' && !texts.immediateSafety) problems.push({ field: 'immediateSafety', message: 'Enter who is doing what, and when, to keep the children safe now (Safety Planning 4)' });
  const dangers = dangersOf(body, problems);
  if (kind === 'full' && dangers.length === 0) problems.push({ field: 'danger-1', message: 'Enter at least one danger statement with its safety goal (Safety Planning 1)' });
  const network = networkOf(body, problems);
  if (problems.length > 0 || !kind) return { plan: null, problems };
  return { plan: { kind, ...texts, networkMeetingOn: meeting.value ?? '', dangers, network }, problems };
}

/** A stored plan as the form's fields, to start a revision from. */
export function formValuesOf(plan: SafetyPlanContent): Record<string, string> {
  const values: Record<string, string> = { kind: plan.kind };
  for (const t of planTexts) values[t.name] = plan[t.name];
  if (plan.networkMeetingOn) {
    const [year, month, day] = plan.networkMeetingOn.split('-');
    Object.assign(values, { 'networkMeetingOn-day': String(Number(day)), 'networkMeetingOn-month': String(Number(month)), 'networkMeetingOn-year': year ?? '' });
  }
  plan.dangers.forEach((d, i) => {
    values[`danger-${i + 1}`] = d.danger;
    values[`goal-${i + 1}`] = d.goal;
    d.scaling.forEach((s, j) => Object.assign(values, { [`scaleWho-${i + 1}-${j + 1}`]: s.who, [`scaleScore-${i + 1}-${j + 1}`]: String(s.score), [`scaleWhy-${i + 1}-${j + 1}`]: s.why }));
  });
  plan.network.forEach((m, i) => Object.assign(values, { [`memberName-${i + 1}`]: m.name, [`memberContact-${i + 1}`]: m.contact, [`memberRole-${i + 1}`]: m.role }));
  return values;
}

/** How many rows the form shows: those filled, and a spare to add one (or a few, for scalings and members). */
export function formRows(all: Record<string, unknown>) {
  const values = Object.fromEntries(Object.entries(all).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  const filled = (pattern: RegExp) => Math.max(0, ...rowsOf(values, pattern));
  const dangers = filled(/^(?:danger|goal)-(\d+)$/) + 1;
  const scalings = Array.from({ length: dangers }, (_, i) => Math.max(filled(new RegExp(`^scale(?:Who|Score|Why)-${i + 1}-(\\d+)$`)) + 1, 3));
  return { dangers, scalings, members: Math.max(filled(/^member(?:Name|Contact|Role)-(\d+)$/) + 2, 4) };
}

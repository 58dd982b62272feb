/**
 * The Signs of Safety content of a Child and Family Assessment (practice-standards.txt, Section 2:
 * Child and Family Assessment 2 and Safety Planning 1): danger statements, safety goals and the
 * scaling question answered by each person over time. Pure: no I/O.
 */

export interface ScalingScore {
  /** Who gave the score: "Mother", "Social worker", "Class teacher". */
  person: string;
  /** 0 (certain the child will be harmed) to 10 (safe enough to close). */
  score: number;
  /** The London date it was asked, YYYY-MM-DD. */
  on: string;
  reason: string;
}

/** What the assessment says: kept as a draft while written, sent for sign-off as one piece. */
export interface AssessmentContent {
  dangerStatements: string[];
  safetyGoals: string[];
  scaling: ScalingScore[];
  worries: string;
  workingWell: string;
  childsViews: string;
  analysis: string;
  /** Was the draft report sent to the family before sign-off (Child and Family Assessment 8)? */
  sharedWithFamily: 'yes' | 'no' | '';
  familyComments: string;
  reasonNotShared: string;
  recommendation: string;
}

/** The outcomes of an assessment (issue 4): close, step down, a plan, a strategy discussion, or care. */
export const assessmentOutcomes = [
  { value: 'close', text: 'Close: no further involvement' },
  { value: 'step_down', text: 'Step down to Early Help' },
  { value: 'child_in_need', text: 'Child in need plan' },
  { value: 'strategy_discussion', text: 'Strategy discussion' },
  { value: 'care', text: 'Care: the child to become looked after' },
] as const;
export type AssessmentOutcome = (typeof assessmentOutcomes)[number]['value'];
export const assessmentOutcomeValues = assessmentOutcomes.map((o) => o.value) as [AssessmentOutcome, ...AssessmentOutcome[]];

export interface ContentProblem {
  field: string;
  message: string;
}

/**
 * What an assessment must have before a manager is asked to sign it off. A draft may have any of
 * it missing; these are checked on submission (issue 4: "Required parts of each form are checked
 * when it is submitted for sign-off, not when saved as a draft").
 */
export function submissionProblems(content: AssessmentContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // Safety Planning 1: "create a Danger Statement and Safety Goals for the child, along with matching Scaling Questions".
  if (content.dangerStatements.length === 0) problems.push({ field: 'dangerStatements', message: 'Write at least one danger statement: what harmful adult behaviour, and its impact on the child' });
  if (content.safetyGoals.length === 0) problems.push({ field: 'safetyGoals', message: 'Write at least one safety goal: what professionals need to see the family do' });
  if (content.scaling.length === 0) problems.push({ field: 'scaling', message: 'Record at least one scaling score, with who gave it and why' });
  if (!content.childsViews.trim()) problems.push({ field: 'childsViews', message: "Record the child's views and wishes, in their words where you can" });
  if (!content.analysis.trim()) problems.push({ field: 'analysis', message: 'Write the analysis: what the information means for the child' });
  if (!content.recommendation) problems.push({ field: 'recommendation', message: 'Select the recommended outcome' });
  // Child and Family Assessment 8: the family comments on the draft, or the reason it was not shared.
  if (content.sharedWithFamily === '') problems.push({ field: 'sharedWithFamily', message: 'Say whether the draft was sent to the family for their comments' });
  if (content.sharedWithFamily === 'no' && !content.reasonNotShared.trim()) {
    problems.push({ field: 'reasonNotShared', message: 'Record why the assessment was not shared with the family: the service manager is alerted' });
  }
  return problems;
}

/** A scaling score from the form's boxes, or what is wrong with them. */
export function readScore(input: { person: string; score: string; on: string; reason: string }, today: string): { score: ScalingScore | null; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const person = input.person.trim();
  const value = Number(input.score);
  if (!person) problems.push({ field: 'scalePerson', message: 'Enter who gave the score' });
  if (input.score.trim() === '' || !Number.isInteger(value) || value < 0 || value > 10) problems.push({ field: 'scaleScore', message: 'Score must be a whole number from 0 to 10' });
  if (!input.reason.trim()) problems.push({ field: 'scaleReason', message: 'Enter why they gave that score' });
  if (input.on > today) problems.push({ field: 'scaleOn', message: 'Date the score was given must be today or in the past' });
  return problems.length > 0 ? { score: null, problems } : { score: { person, score: value, on: input.on, reason: input.reason.trim() }, problems };
}

export interface ChartLine {
  person: string;
  points: { x: number; y: number; score: number; on: string }[];
  path: string;
}

/**
 * The scaling chart: each person's scores over time as a line on a 0-10 scale, in an SVG box of
 * `width` by `height`. Dates are spread evenly by their order, so a chart of two weeks and one of
 * six months read the same way.
 */
export function scalingChart(scores: readonly ScalingScore[], width = 480, height = 200): { lines: ChartLine[]; dates: { on: string; x: number }[] } {
  const dates = [...new Set(scores.map((s) => s.on))].sort();
  const pad = 30;
  const x = (on: string) => (dates.length <= 1 ? width / 2 : pad + (dates.indexOf(on) * (width - 2 * pad)) / (dates.length - 1));
  const y = (score: number) => height - pad - (score * (height - 2 * pad)) / 10;
  const people = [...new Set(scores.map((s) => s.person))];
  const lines = people.map((person) => {
    const points = scores
      .filter((s) => s.person === person)
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
      .map((s) => ({ x: Math.round(x(s.on)), y: Math.round(y(s.score)), score: s.score, on: s.on }));
    return { person, points, path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ') };
  });
  return { lines, dates: dates.map((on) => ({ on, x: Math.round(x(on)) })) };
}

import { describe, expect, it } from 'vitest';
import { readScore, scalingChart, submissionProblems, type AssessmentContent } from './signsOfSafety';

const complete: AssessmentContent = {
  dangerStatements: ['Social workers are worried that Kyle may hit Jade again when he has been drinking, and that Leo could be hurt trying to stop it.'],
  safetyGoals: ['Leo and Mia will live in a home where adults sort out arguments without anyone being hurt.'],
  scaling: [{ person: 'Social worker', score: 4, on: '2026-08-24', reason: 'Mother has asked Kyle to leave but he still visits.' }],
  worries: 'Domestic abuse witnessed by the children.',
  workingWell: 'Jade takes the children to school every day.',
  childsViews: 'Leo: "I want Kyle to stop shouting."',
  analysis: 'The risk is from Kyle; Jade is protective but isolated.',
  sharedWithFamily: 'yes',
  familyComments: 'Jade agrees with the plan.',
  reasonNotShared: '',
  recommendation: 'child_in_need',
};

describe('what an assessment needs before sign-off (Child and Family Assessment 2 and 8; Safety Planning 1)', () => {
  it('has nothing to say about a complete assessment', () => {
    expect(submissionProblems(complete)).toEqual([]);
  });

  it('asks for danger statements, safety goals and scaling, the child’s views, the analysis and the outcome', () => {
    const empty: AssessmentContent = { ...complete, dangerStatements: [], safetyGoals: [], scaling: [], childsViews: ' ', analysis: '', recommendation: '', sharedWithFamily: '' };
    expect(submissionProblems(empty).map((p) => p.field)).toEqual(['dangerStatements', 'safetyGoals', 'scaling', 'childsViews', 'analysis', 'recommendation', 'sharedWithFamily']);
  });

  it('needs the reason when the draft was not shared with the family, and not otherwise', () => {
    expect(submissionProblems({ ...complete, sharedWithFamily: 'no' })).toEqual([{ field: 'reasonNotShared', message: 'Record why the assessment was not shared with the family: the service manager is alerted' }]);
    expect(submissionProblems({ ...complete, sharedWithFamily: 'no', reasonNotShared: 'Mother has left the area with no address' })).toEqual([]);
  });
});

describe('a scaling score', () => {
  it('is a whole number from 0 to 10 with who gave it, when and why', () => {
    expect(readScore({ person: ' Mother ', score: '7', on: '2026-08-24', reason: 'Kyle has moved out' }, '2026-08-24').score).toEqual({ person: 'Mother', score: 7, on: '2026-08-24', reason: 'Kyle has moved out' });
    expect(readScore({ person: '', score: '11', on: '2026-08-25', reason: '' }, '2026-08-24').problems.map((p) => p.field)).toEqual(['scalePerson', 'scaleScore', 'scaleReason', 'scaleOn']);
    expect(readScore({ person: 'A', score: '4.5', on: '2026-08-24', reason: 'r' }, '2026-08-24').problems.map((p) => p.field)).toEqual(['scaleScore']);
    expect(readScore({ person: 'A', score: '0', on: '2026-08-24', reason: 'r' }, '2026-08-24').score?.score).toBe(0);
  });
});

describe('the scaling chart', () => {
  it('draws each person as a line over the dates in order, 10 at the top and 0 at the bottom', () => {
    const chart = scalingChart(
      [
        { person: 'Mother', score: 8, on: '2026-09-01', reason: '' },
        { person: 'Social worker', score: 3, on: '2026-08-24', reason: '' },
        { person: 'Mother', score: 6, on: '2026-08-24', reason: '' },
        { person: 'Social worker', score: 5, on: '2026-09-01', reason: '' },
      ],
      480,
      200,
    );
    expect(chart.dates).toEqual([{ on: '2026-08-24', x: 30 }, { on: '2026-09-01', x: 450 }]);
    expect(chart.lines.map((l) => [l.person, l.path])).toEqual([
      ['Mother', 'M30,86 L450,58'],
      ['Social worker', 'M30,128 L450,100'],
    ]);
  });

  it('puts a single date in the middle', () => {
    expect(scalingChart([{ person: 'A', score: 10, on: '2026-08-24', reason: '' }], 480, 200).lines[0]?.points).toEqual([{ x: 240, y: 30, score: 10, on: '2026-08-24' }]);
  });
});

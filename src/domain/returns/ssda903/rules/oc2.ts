/**
 * SSDA903 rules on the OC2 table: health, the Strengths and Difficulties Questionnaire, offending
 * and substance misuse for children looked after continuously for 12 months at 31 March
 * (ssda903/rules-2024-25.csv).
 */
import type { Oc2Row, Ssda903Child, Ssda903RuleContext } from '../ssda903Types';
import { sdqReasonCodes, zeroOne } from './codes';
import { ageOn, dobOf, failure, lookedAfter12Months, rule, type Ssda903Rule } from './helpers';
import { oc2HasItems, oc2ItemFields } from './oc3';

const FIX = 'Record it on the Health and education page.';
const notDue = 'Nothing to record: a child not looked after for 12 months at 31 March is returned without these details. Check the period of care on the In care page.';
const mainItems = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;

interface Oc2Facts { row: Oc2Row; cohort: boolean; ageStart: number | null; ageEnd: number | null }

/** A check of each OC2 row with the facts the rules keep needing: the 12-month cohort and ages at the start and end of the year. */
const oc2Check = (code: string, fields: string[], fails: (f: Oc2Facts) => boolean) =>
  (child: Ssda903Child, ctx: Ssda903RuleContext) => {
    const dob = dobOf(child);
    const cohort = lookedAfter12Months(child, ctx);
    const ageStart = dob ? ageOn(dob, ctx.period.start) : null;
    const ageEnd = dob ? ageOn(dob, ctx.period.end) : null;
    return child.tables.oc2.filter((row) => fails({ row, cohort, ageStart, ageEnd })).map(() => failure(code, child, fields));
  };

const sdqGiven = (r: Oc2Row): boolean => r.SDQ_SCORE != null || r.SDQ_REASON != null;

export const oc2Rules: Ssda903Rule[] = [
  // ssda903/rules-2024-25.csv 180
  rule('180', 'Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.', 'Correct the SDQ score (0 to 40) on the Health and education page.',
    oc2Check('180', ['SDQ_SCORE'], ({ row }) => row.SDQ_SCORE != null && !(/^\d{1,2}$/.test(row.SDQ_SCORE) && Number(row.SDQ_SCORE) <= 40))),
  // 181
  rule('181', 'Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.', 'Correct the health and offending details on the Health and education page.',
    oc2Check('181', [...oc2ItemFields], ({ row }) => oc2ItemFields.some((f) => row[f] != null && !zeroOne.has(row[f]!)))),
  // 182
  rule('182', 'Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.', FIX,
    oc2Check('182', [...oc2ItemFields], ({ row }) => {
      const given = mainItems.filter((f) => row[f] != null).length;
      return given > 0 && given < mainItems.length;
    })),
  // 185
  rule('185', 'Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.', notDue,
    oc2Check('185', ['SDQ_SCORE'], ({ row, cohort }) => !cohort && row.SDQ_SCORE != null)),
  // 186: 4 or over at the start of the year and under 17 at the end.
  rule('186', 'Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.',
    'Record the SDQ score, or why there is none, on the Health and education page.',
    (child, ctx) => {
      const dob = dobOf(child);
      if (!dob || !lookedAfter12Months(child, ctx) || ageOn(dob, ctx.period.start) < 4 || ageOn(dob, ctx.period.end) >= 17) return [];
      const row = child.tables.oc2[0];
      return !row || !sdqGiven(row) ? [failure('186', child, ['SDQ_SCORE'])] : [];
    }),
  // 188
  rule('188', 'Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed. ',
    'Remove the SDQ score on the Health and education page (the child is under 4), or check their date of birth on the Correct details page.',
    oc2Check('188', ['SDQ_REASON', 'SDQ_SCORE'], ({ row, ageEnd }) => ageEnd != null && ageEnd < 4 && sdqGiven(row))),
  // 189
  rule('189', 'Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.',
    'Remove the SDQ score on the Health and education page (the young person is 17 or over), or check their date of birth on the Correct details page.',
    oc2Check('189', ['DOB', 'SDQ_REASON', 'SDQ_SCORE'], ({ row, ageStart }) => ageStart != null && ageStart >= 17 && sdqGiven(row))),
  // 190
  rule('190', 'Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.', notDue,
    oc2Check('190', [...oc2ItemFields], ({ row, cohort }) => !cohort && oc2HasItems(row))),
  // 191: the 12-month cohort has immunisations, teeth, health assessment and substance misuse.
  rule('191', 'Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.', FIX,
    (child, ctx) => {
      if (!lookedAfter12Months(child, ctx)) return [];
      const row = child.tables.oc2[0];
      return !row || mainItems.some((f) => row[f] == null) ? [failure('191', child, ['CHILD', 'HEALTH_ASSESSMENT', 'IMMUNISATIONS', 'SUBSTANCE_MISUSE', 'TEETH_CHECK'])] : [];
    }),
  // 192
  rule('192', 'Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.', 'Record whether the child received an intervention for substance misuse on the Health and education page.',
    oc2Check('192', ['INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE'], ({ row }) => row.SUBSTANCE_MISUSE === '1' && row.INTERVENTION_RECEIVED == null)),
  // 193
  rule('193', 'Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.', 'Correct the substance misuse details on the Health and education page.',
    oc2Check('193', ['INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE'], ({ row }) => row.SUBSTANCE_MISUSE !== '1'
      && (row.INTERVENTION_RECEIVED != null || row.INTERVENTION_OFFERED != null))),
  // 158
  rule('158', 'If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.', 'Correct the substance misuse details on the Health and education page.',
    oc2Check('158', ['INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED'], ({ row }) => row.INTERVENTION_RECEIVED === '1' && row.INTERVENTION_OFFERED != null)),
  // 159
  rule('159', 'If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.', 'Record whether an intervention was offered on the Health and education page.',
    oc2Check('159', ['INTERVENTION_OFFERED', 'INTERVENTION_RECEIVED', 'SUBSTANCE_MISUSE'], ({ row }) => row.SUBSTANCE_MISUSE === '1'
      && row.INTERVENTION_RECEIVED === '0' && row.INTERVENTION_OFFERED == null)),
  // 196
  rule('196', 'Strengths and Difficulties (SDQ) reason is not a valid code.', 'Correct why there is no SDQ score on the Health and education page.',
    oc2Check('196', ['SDQ_REASON'], ({ row }) => row.SDQ_REASON != null && !sdqReasonCodes.has(row.SDQ_REASON))),
  // 197a
  rule('197a', 'Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.', 'Remove the reason for no SDQ score on the Health and education page.',
    oc2Check('197a', ['SDQ_REASON', 'SDQ_SCORE'], ({ row }) => row.SDQ_SCORE != null && row.SDQ_REASON != null)),
  // 197B: the children who turn 4 or 17 in the year have a score or a reason.
  rule('197B', 'SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.', 'Record the SDQ score, or why there is none, on the Health and education page.',
    (child, ctx) => {
      const dob = dobOf(child);
      if (!dob || !lookedAfter12Months(child, ctx)) return [];
      const [start, end] = [ageOn(dob, ctx.period.start), ageOn(dob, ctx.period.end)];
      if (!((start === 3 && end === 4) || (start === 16 && end === 17))) return [];
      const row = child.tables.oc2[0];
      return !row || !sdqGiven(row) ? [failure('197B', child, ['DOB', 'SDQ_REASON'])] : [];
    }),
  // 198
  rule('198', 'Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed. ', notDue,
    oc2Check('198', ['SDQ_REASON'], ({ row, cohort }) => !cohort && row.SDQ_REASON != null)),
  // 157: SDQ1 says the child was too young or too old; not so for a child of 4-16 all year.
  rule('157', 'Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.',
    'Correct why there is no SDQ score on the Health and education page (the child was of an age to have one).',
    oc2Check('157', ['DOB', 'SDQ_REASON'], ({ row, ageStart, ageEnd }) => row.SDQ_REASON === 'SDQ1' && ageStart != null && ageStart >= 4 && ageEnd != null && ageEnd <= 16)),
  // 542
  rule('542', 'A child aged under 10 at 31 March should not have conviction information completed.', 'Remove the conviction details on the Health and education page (the child is under 10).',
    oc2Check('542', ['CONVICTED'], ({ row, ageEnd }) => ageEnd != null && ageEnd < 10 && row.CONVICTED != null)),
  // 543
  rule('543', 'Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.', 'Record whether the child was convicted during the year on the Health and education page.',
    (child, ctx) => {
      const dob = dobOf(child);
      if (!dob || ageOn(dob, ctx.period.end) < 10 || !lookedAfter12Months(child, ctx)) return [];
      const row = child.tables.oc2[0];
      return !row || row.CONVICTED == null ? [failure('543', child, ['CONVICTED', 'DOB'])] : [];
    }),
  // 544
  rule('544', 'Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.', FIX,
    oc2Check('544', ['CONVICTED', ...mainItems], ({ row }) => row.CONVICTED != null && mainItems.some((f) => row[f] == null))),
  // 545
  rule('545', 'Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.', 'Record whether the child\'s development checks are up to date on the Health and education page.',
    (child, ctx) => {
      const dob = dobOf(child);
      if (!dob || ageOn(dob, ctx.period.end) >= 5 || !lookedAfter12Months(child, ctx)) return [];
      const row = child.tables.oc2[0];
      return !row || row.HEALTH_CHECK == null ? [failure('545', child, ['DOB', 'HEALTH_CHECK'])] : [];
    }),
  // 546
  rule('546', 'Children aged 5 or over at 31 March should not have health promotion information completed.', 'Remove the development check on the Health and education page (the child is 5 or over).',
    oc2Check('546', ['DOB', 'HEALTH_CHECK'], ({ row, ageEnd }) => ageEnd != null && ageEnd >= 5 && row.HEALTH_CHECK != null)),
  // 547
  rule('547', 'Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.', FIX,
    oc2Check('547', ['HEALTH_CHECK', ...mainItems], ({ row }) => row.HEALTH_CHECK != null && mainItems.some((f) => row[f] == null))),
];

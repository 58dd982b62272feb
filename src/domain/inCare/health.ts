import { addMonths, ageOn, londonDate } from '../calendar/localDate';
import { chronological, type WorkflowEvent } from '../records/events';
import { healthOutcomeLines, sdqReasonText } from './healthOutcomes';

export interface HealthRecord {
  at: Date;
  kind: string;
  detail: string;
}

export interface HealthSchedule {
  assessments: HealthRecord[];
  /** The next review health assessment: 6 months after the last for a child under 5 at it, 12 months from 5 (Children in Care 25). */
  nextAssessment: { due: string; overdue: boolean; why: string } | null;
  /** An SDQ is owed when in care 12 months or more and aged 4 to 16 at the latest health assessment (Children in Care 24). */
  sdq: { needed: boolean; done: HealthRecord | null; why: string; notDone: { at: Date; reason: string } | null };
  checks: { dental: HealthRecord | null; optician: HealthRecord | null; medical: HealthRecord | null };
  /** The latest health and wellbeing for the year (immunisations, substance misuse, convictions), in words. */
  outcomes: { at: Date; lines: string[] } | null;
}

/**
 * A child in care's health from their events (practice-standards.txt, Section 3: Children in Care
 * 24-25; resource-service-policy.txt 1.2 "timescales are met for medicals, opticians and dental
 * checks"): the health assessments and when the next is due by the child's age, whether an SDQ is
 * owed, and the last dental, optician and medical checks. The engine's cohorts choose children by
 * team, not by age, so the age-dependent interval is worked out here and shown on the page.
 */
export function healthScheduleOf(stream: readonly WorkflowEvent[], dateOfBirth: string | null, today: string): HealthSchedule {
  let careStart: string | null = null;
  let assessments: HealthRecord[] = [];
  let sdq: HealthRecord | null = null;
  let sdqNotDone: { at: Date; reason: string } | null = null;
  let outcomes: HealthSchedule['outcomes'] = null;
  const checks: HealthSchedule['checks'] = { dental: null, optician: null, medical: null };
  for (const e of chronological(stream)) {
    const record = { at: e.occurredAt, kind: String(e.data.kind ?? ''), detail: String(e.data.summary ?? '') };
    if (e.type === 'cic.started') {
      careStart = londonDate(e.occurredAt);
      assessments = [];
      sdq = null;
      sdqNotDone = null;
      outcomes = null;
    } else if (e.type === 'cic.health_assessment_completed') assessments.push({ ...record, kind: record.kind || 'review' });
    else if (e.type === 'cic.sdq_completed') sdq = record;
    else if (e.type === 'cic.sdq_not_completed') sdqNotDone = { at: e.occurredAt, reason: sdqReasonText(e.data.reason) || 'No reason recorded' };
    else if (e.type === 'cic.health_outcomes_recorded') outcomes = { at: e.occurredAt, lines: healthOutcomeLines(e.data) };
    else if (e.type === 'cic.health_check_completed' && (record.kind === 'dental' || record.kind === 'optician' || record.kind === 'medical')) checks[record.kind] = record;
  }
  const last = assessments.at(-1);
  let nextAssessment: HealthSchedule['nextAssessment'] = null;
  if (last && dateOfBirth) {
    const lastOn = londonDate(last.at);
    const under5 = ageOn(dateOfBirth, lastOn) < 5;
    const due = addMonths(lastOn, under5 ? 6 : 12);
    if (ageOn(dateOfBirth, due) < 18) nextAssessment = { due, overdue: due < today, why: under5 ? 'Twice a year under 5' : 'Once a year from 5 to 18' };
  }
  const ageAtLast = last && dateOfBirth ? ageOn(dateOfBirth, londonDate(last.at)) : null;
  const twelveMonths = careStart !== null && addMonths(careStart, 12) <= today;
  const needed = twelveMonths && ageAtLast !== null && ageAtLast >= 4 && ageAtLast <= 16;
  const sdqSinceLast = sdq && last && sdq.at.getTime() >= last.at.getTime() ? sdq : null;
  // Why it could not be done, recorded since the latest assessment, answers for it too.
  const notDoneSinceLast = sdqNotDone && (!last || sdqNotDone.at.getTime() >= last.at.getTime()) && (!sdq || sdqNotDone.at.getTime() > sdq.at.getTime()) ? sdqNotDone : null;
  const why = !twelveMonths ? 'In care less than 12 months' : ageAtLast === null ? 'No health assessment recorded yet' : needed ? `Aged ${ageAtLast} at the latest health assessment, in care 12 months or more` : `Aged ${ageAtLast} at the latest health assessment: SDQs are for 4 to 16`;
  return { assessments, nextAssessment, sdq: { needed: needed && !sdqSinceLast && !notDoneSinceLast, done: sdq, why, notDone: notDoneSinceLast }, checks, outcomes };
}

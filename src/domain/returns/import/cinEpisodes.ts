import { categoryOfAbuseValueOf, referralSourceWords } from '../cinCensus/cinCodes';
import type { CinDetails } from '../cinCensus/cinCensusTypes';
import { assessmentFactors, closureReasons, primaryNeeds, valueOfDfeCode } from '../cinCensus/cinWords';
import { dateProblem, type ImportLine } from './importLine';

/**
 * A child's episodes of need from a CIN census (cinCensusImport.ts reads the child) as the events
 * of the work: the referral at the front door, assessments, section 47 enquiries, conferences and
 * child protection plans, child in need plans, and the case's closure, each checked to fall within
 * its episode and not to overlap another of its kind.
 */
export interface EpisodeContext {
  child: string;
  file: string;
  row: number;
  tag: string;
  today: string;
  problem: (reason: string) => void;
  warn: (reason: string) => void;
  lines: ImportLine[];
}

/** A span of dates: a plan, an enquiry, an assessment; `end` null while it is open. */
interface Span {
  start: string;
  end: string | null;
  label: string;
}

/** Spans of one kind must not overlap (rules.csv 8815, 8820 for episodes; 4000 and 8925 for plans). */
function overlaps(spans: readonly Span[], kind: string, problem: (reason: string) => void) {
  const sorted = [...spans].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1] as Span;
    const span = sorted[i] as Span;
    if (before.end === null || before.end > span.start) {
      problem(`${span.label} starts on ${span.start}, before ${before.label} ${before.end === null ? 'has ended (it has no end date)' : `ended on ${before.end}`}: ${kind} cannot overlap; correct the dates`);
    }
  }
}

export function episodesOf(details: readonly CinDetails[], ctx: EpisodeContext) {
  const { problem } = ctx;
  const episodes: Span[] = [];
  const valid: { d: CinDetails; n: number }[] = [];
  details.forEach((d, i) => {
    const n = i + 1;
    const referral = dateProblem(`CINdetails ${n}: CINreferralDate`, d.CINreferralDate, ctx.today);
    if (referral) return problem(`${referral}: an episode of need starts with its referral`);
    const closure = d.CINclosureDate === null ? null : dateProblem(`CINdetails ${n}: CINclosureDate`, d.CINclosureDate, ctx.today);
    if (closure) return problem(closure);
    if (d.CINclosureDate !== null && d.CINclosureDate < (d.CINreferralDate as string)) return problem(`CINdetails ${n}: CINclosureDate ${d.CINclosureDate} is before CINreferralDate ${d.CINreferralDate}`);
    episodes.push({ start: d.CINreferralDate as string, end: d.CINclosureDate, label: `CINdetails ${n}` });
    valid.push({ d, n });
  });
  overlaps(episodes, 'episodes of need (rules.csv 8815, 8820)', problem);
  for (const { d, n } of valid.sort((a, b) => (a.d.CINreferralDate as string).localeCompare(b.d.CINreferralDate as string))) episodeLines(d, n, ctx);
}

/** One episode of need as events, in the order the work happens. */
function episodeLines(d: CinDetails, n: number, ctx: EpisodeContext) {
  const at = `CINdetails ${n}:`;
  const problem = (reason: string) => ctx.problem(`${at} ${reason}`);
  const referral = d.CINreferralDate as string;
  const closure = d.CINclosureDate;
  // All in the order made: on a day with several, the work of the episode follows itself (an
  // assessment signed off, then the next one allocated), and the day's order is this order.
  const push = (type: string, date: string, data: Record<string, unknown>) =>
    ctx.lines.push({ child: ctx.child, type, date, phase: 'opens', file: ctx.file, row: ctx.row, data: { ...data, imported: ctx.tag } });
  /** A date of the episode's work: real, not in the future, and within the episode. */
  const within = (label: string, date: string | null): date is string => {
    const bad = dateProblem(label, date, ctx.today);
    if (bad) {
      problem(bad);
      return false;
    }
    if ((date as string) < referral) {
      problem(`${label} ${date} is before CINreferralDate ${referral}: the episode's work falls within it (correct the date, or the referral date)`);
      return false;
    }
    if (closure !== null && (date as string) > closure) {
      problem(`${label} ${date} is after CINclosureDate ${closure}: the episode's work falls within it (correct the date, or the closure date)`);
      return false;
    }
    return true;
  };
  const ordered = (startLabel: string, start: string, endLabel: string, end: string | null) => {
    if (end !== null && end < start) {
      problem(`${endLabel} ${end} is before ${startLabel} ${start}`);
      return false;
    }
    return true;
  };

  // Codes first: an unknown code stops the episode (reported), as the whole file then does.
  const source = d.ReferralSource === null ? null : referralSourceWords(d.ReferralSource);
  if (d.ReferralSource !== null && !source) problem(`ReferralSource "${d.ReferralSource}" is not a DfE referral source code`);
  const primaryNeed = d.PrimaryNeedCode === null ? null : valueOfDfeCode(primaryNeeds, d.PrimaryNeedCode.trim().toUpperCase());
  if (d.PrimaryNeedCode !== null && !primaryNeed) problem(`PrimaryNeedCode "${d.PrimaryNeedCode}" is not N0-N9`);
  const closureReason = d.ReasonForClosure === null ? null : valueOfDfeCode(closureReasons, d.ReasonForClosure.trim().toUpperCase());
  if (d.ReasonForClosure !== null && !closureReason) problem(`ReasonForClosure "${d.ReasonForClosure}" is not RC1-RC9`);
  if (closure !== null && d.ReasonForClosure === null) problem(`CINclosureDate ${closure} has no ReasonForClosure: give the reason the case closed (RC1-RC9)`);

  const assessments = d.Assessments.map((a, i) => ({ a, label: `Assessments ${i + 1}` }));
  const enquiries = d.Section47.map((s, i) => ({ s, label: `Section47 ${i + 1}` }));
  const plans = d.ChildProtectionPlans.map((p, i) => ({ p, label: `ChildProtectionPlans ${i + 1}` }));
  const cinPlans = d.CINPlanDates.map((p, i) => ({ p, label: `CINPlanDates ${i + 1}` }));

  // The referral: the contact, and the threshold decision that made it one (Duty Team (MASH) 5-7).
  push('contact.received', referral, {
    ...(source ? { source: source.source, referrerAgency: source.referrerAgency, ...(source.organisation ? { referrer: { organisation: source.organisation } } : {}) } : {}),
    summary: 'Referral, as the CIN census recorded it',
  });
  if (d.ReferralNFA === true) {
    const work = assessments.length + enquiries.length + plans.length + cinPlans.length;
    if (work > 0) problem('ReferralNFA is true (no further action on the referral), yet the episode has assessments, enquiries or plans: correct ReferralNFA or remove them');
    // The census projection reads a referral with no further action from this decision, closed the day it was made.
    push('threshold.decided', closure ?? referral, { outcome: 'no_further_action', referralNFA: true, ...(closureReason ? { closureReason } : {}), summary: 'Referral: no further action' });
    return;
  }
  const firstAssessment = assessments.map((x) => x.a.AssessmentActualStartDate).filter((s): s is string => s !== null).sort()[0] ?? null;
  const firstEnquiry = enquiries.map((x) => x.s.S47ActualStartDate).filter((s): s is string => s !== null).sort()[0] ?? null;
  const toEnquiry = firstEnquiry !== null && (firstAssessment === null || firstEnquiry <= firstAssessment);
  push('threshold.decided', referral, { outcome: toEnquiry ? 'strategy_discussion' : 'assessment', summary: 'Referral accepted, as the CIN census recorded it' });

  // Assessments: allocated on their start, signed off with the episode's primary need and the factors found.
  const assessmentSpans: Span[] = [];
  let primaryNeedKept = false;
  for (const { a, label } of assessments) {
    if (!within(`${label} AssessmentActualStartDate`, a.AssessmentActualStartDate)) continue;
    const completed = a.AssessmentAuthorisationDate;
    if (completed !== null && !(within(`${label} AssessmentAuthorisationDate`, completed) && ordered('AssessmentActualStartDate', a.AssessmentActualStartDate, `${label} AssessmentAuthorisationDate`, completed))) continue;
    const factors = a.AssessmentFactors.map((code) => ({ code, value: valueOfDfeCode(assessmentFactors, code.trim().toUpperCase()) }));
    for (const f of factors) if (!f.value) problem(`${label} AssessmentFactors "${f.code}" is not a DfE assessment factor code`);
    if (completed === null && a.AssessmentFactors.length > 0) problem(`${label} has AssessmentFactors but no AssessmentAuthorisationDate: factors are recorded when the assessment is signed off (rules.csv 8614)`);
    assessmentSpans.push({ start: a.AssessmentActualStartDate, end: completed, label });
    push('assessment.allocated', a.AssessmentActualStartDate, { summary: 'Child and Family Assessment, as the CIN census recorded it' });
    if (completed !== null) {
      push('assessment.completed', completed, { ...(primaryNeed ? { primaryNeed } : {}), factors: factors.map((f) => f.value).filter((v): v is string => v !== null) });
      primaryNeedKept ||= primaryNeed !== null;
    }
  }
  overlaps(assessmentSpans, 'assessments', problem);
  if (primaryNeed && !primaryNeedKept) ctx.warn(`${at} PrimaryNeedCode ${d.PrimaryNeedCode} is not kept: Hearth records the primary need when an assessment is signed off, and this episode has no completed assessment`);

  // Section 47 enquiries; an initial conference ends one (its date is the conference's, below).
  const conferences = new Map<string, { planMade: boolean; category: string | null }>();
  const enquirySpans: Span[] = [];
  for (const { s, label } of enquiries) {
    if (!within(`${label} S47ActualStartDate`, s.S47ActualStartDate)) continue;
    const conference = s.DateOfInitialCPC;
    if (conference !== null && !(within(`${label} DateOfInitialCPC`, conference) && ordered('S47ActualStartDate', s.S47ActualStartDate, `${label} DateOfInitialCPC`, conference))) continue;
    if (conference !== null && s.ICPCnotRequired === true) problem(`${label} has a DateOfInitialCPC and ICPCnotRequired true: say one or the other`);
    push('s47.started', s.S47ActualStartDate, { summary: 'Section 47 enquiry, as the CIN census recorded it' });
    if (conference !== null) {
      push('s47.completed', conference, { outcome: 'initial_conference' });
      conferences.set(conference, { planMade: false, category: null });
      enquirySpans.push({ start: s.S47ActualStartDate, end: conference, label });
    } else if (s.ICPCnotRequired === true) {
      // The census gives no date the enquiry ended without a conference: the day it started stands for it.
      push('s47.completed', s.S47ActualStartDate, { outcome: 'no_further_action', endDateNotRecorded: true });
      enquirySpans.push({ start: s.S47ActualStartDate, end: s.S47ActualStartDate, label });
    } else enquirySpans.push({ start: s.S47ActualStartDate, end: null, label });
  }
  overlaps(enquirySpans, 'section 47 enquiries', problem);
  if (d.DateOfInitialCPC !== null && within('DateOfInitialCPC', d.DateOfInitialCPC) && !conferences.has(d.DateOfInitialCPC)) conferences.set(d.DateOfInitialCPC, { planMade: false, category: null });

  // Child protection plans: made at an initial conference, reviewed, ended. On one day a review
  // that ends a plan comes first, then its end, then an initial conference that makes the next.
  const cpLines: { date: string; rank: number; type: string; data: Record<string, unknown> }[] = [];
  const planSpans: Span[] = [];
  for (const { p, label } of plans) {
    if (!within(`${label} CPPstartDate`, p.CPPstartDate)) continue;
    const start = p.CPPstartDate;
    const end = p.CPPendDate;
    if (end !== null && !(within(`${label} CPPendDate`, end) && ordered('CPPstartDate', start, `${label} CPPendDate`, end))) continue;
    const initial = p.InitialCategoryOfAbuse === null ? null : categoryOfAbuseValueOf(p.InitialCategoryOfAbuse);
    if (p.InitialCategoryOfAbuse !== null && !initial) problem(`${label} InitialCategoryOfAbuse "${p.InitialCategoryOfAbuse}" is not NEG, PHY, SAB, EMO or MUL`);
    const latest = p.LatestCategoryOfAbuse === null ? null : categoryOfAbuseValueOf(p.LatestCategoryOfAbuse);
    if (p.LatestCategoryOfAbuse !== null && !latest) problem(`${label} LatestCategoryOfAbuse "${p.LatestCategoryOfAbuse}" is not NEG, PHY, SAB, EMO or MUL`);
    const reviews = [...p.Reviews].sort().filter((r) => {
      if (!within(`${label} CPPreviewDate`, r)) return false;
      if (r <= start || (end !== null && r > end)) {
        problem(`${label} CPPreviewDate ${r} is not after CPPstartDate ${start} and on or before ${end === null ? 'today (the plan is open)' : `CPPendDate ${end}`}`);
        return false;
      }
      return true;
    });
    planSpans.push({ start, end, label });
    conferences.set(start, { planMade: true, category: initial });
    reviews.forEach((r, i) => {
      const last = i === reviews.length - 1;
      cpLines.push({ date: r, rank: 0, type: 'cp.conference_held', data: { kind: 'review', planContinues: r !== end, ...(last && latest && latest !== initial ? { category: latest } : {}), summary: 'Review child protection conference, as the CIN census recorded it' } });
    });
    if (latest && latest !== initial && reviews.length === 0) ctx.warn(`${at} ${label} LatestCategoryOfAbuse ${p.LatestCategoryOfAbuse} is not kept: Hearth records a change of category at a review conference, and the plan has no CPPreviewDate`);
    if (end !== null) cpLines.push({ date: end, rank: 1, type: 'cp.plan_ended', data: { summary: 'Child protection plan ended, as the CIN census recorded it' } });
  }
  overlaps(planSpans, 'child protection plans', problem);
  for (const [date, c] of conferences) {
    cpLines.push({ date, rank: 2, type: 'cp.conference_held', data: { kind: 'initial', planMade: c.planMade, ...(c.category ? { category: c.category } : {}), summary: c.planMade ? 'Initial child protection conference: plan made' : 'Initial child protection conference: no plan' } });
  }
  cpLines.sort((a, b) => a.date.localeCompare(b.date) || a.rank - b.rank);
  for (const l of cpLines) push(l.type, l.date, l.data);

  // Child in need plans.
  const cinSpans: Span[] = [];
  const completedAssessments = assessmentSpans.map((s) => s.end).filter((e): e is string => e !== null);
  const planEnds = planSpans.map((s) => s.end).filter((e): e is string => e !== null);
  for (const { p, label } of cinPlans) {
    if (!within(`${label} CINPlanStartDate`, p.CINPlanStartDate)) continue;
    const end = p.CINPlanEndDate;
    if (end !== null && !(within(`${label} CINPlanEndDate`, end) && ordered('CINPlanStartDate', p.CINPlanStartDate, `${label} CINPlanEndDate`, end))) continue;
    cinSpans.push({ start: p.CINPlanStartDate, end, label });
    // What the plan followed, as far as the census shows it (cinPlanSources).
    const from = planEnds.includes(p.CINPlanStartDate) ? 'cp_plan_ended' : completedAssessments.some((c) => c <= p.CINPlanStartDate!) ? 'assessment' : 'other';
    push('cin.plan_started', p.CINPlanStartDate, { from, ...(from === 'other' ? { reason: 'As the CIN census recorded it' } : {}) });
    if (end !== null) {
      const reason = planSpans.some((s) => s.start === end) ? 'child_protection_plan' : end === closure ? 'closed' : null;
      push('cin.plan_ended', end, { ...(reason ? { reason } : {}), summary: 'Child in need plan ended, as the CIN census recorded it' });
    }
  }
  overlaps(cinSpans, 'child in need plans', problem);

  // The case's closure ends the episode (ReasonForClosure).
  if (closure !== null) {
    push('closure.decided', closure, { outcome: 'close' });
    push('closure.completed', closure, { ...(closureReason ? { closureReason } : {}), summary: 'Case closed, as the CIN census recorded it' });
  }
}

import { addMonths, ageOn, londonDate } from '../../calendar/localDate';
import { careLeaverFactsOf, careLeaverStatus, carePeriodsOf, type CareLeaverStatus } from '../../careLeaver/careLeaverStatus';
import type { WorkflowEvent } from '../../records/events';
import { healthOutcomeCodes, sdqReasonCode } from '../../inCare/healthOutcomes';
import { withinPeriod, type CollectionPeriod } from '../collectionYear';
import { laPermCodeOf, permanenceOrders, prevPermCodeOf, storedPreviousPermanenceProblem } from '../../inCare/previousPermanence';
import { dfePermanenceDate, readDfePermanenceDate } from './permanenceDate';
import { accommodationCode, activityCode, inTouchCode } from './ssda903Codes';
import type { CarePeriod } from './ssda903Episodes';
import type { Ssda903Tables } from './ssda903Types';

/**
 * OC2: a child looked after continuously for at least 12 months at 31 March (from 1 April or
 * before, still looked after at the end of the year), and not only for short breaks (V3, V4).
 * What Hearth records of health: the health assessments and dental checks in the year (each one is
 * recorded, so none recorded is 0), the health checks of a child under 5, and the SDQ score of a
 * child of SDQ age: 4 or over on 31 March and under 17 on 1 April (rules-2024-25.csv 186, 188, 189),
 * or, with no score in the year, why there is none (cic.sdq_not_completed: 197a, 197B). The latest
 * "health and wellbeing for the year" in the year (cic.health_outcomes_recorded, domain/inCare/
 * healthOutcomes.ts) gives immunisations, substance misuse, the intervention items only when a
 * problem was identified (158, 159, 192, 193), and convictions only for a child 10 or over on
 * 31 March (542, 543). None recorded leaves them blank, for rules 182 and 191 to ask for it.
 */
export function oc2Row(CHILD: string, dob: string | null, events: readonly WorkflowEvent[], cares: readonly CarePeriod[], period: CollectionPeriod): Ssda903Tables['oc2'][number] | null {
  const care = cares.find((c) => c.start <= period.start && (c.end === null || c.end > period.end));
  if (!care) return null;
  const ls = care.segments.filter((s) => s.from <= period.end).at(-1)?.snapshot.ls;
  if (ls === 'V3' || ls === 'V4') return null;
  const inYear = events.filter((e) => withinPeriod(londonDate(e.occurredAt), period));
  const age = dob ? ageOn(dob, period.end) : null;
  const sdqAge = age !== null && age >= 4 && ageOn(dob!, period.start) < 17;
  const sdq = sdqAge ? inYear.filter((e) => e.type === 'cic.sdq_completed').at(-1) : undefined;
  const score = sdq ? String(sdq.data.score ?? '').trim() || null : null;
  const noSdq = sdqAge && score === null ? inYear.filter((e) => e.type === 'cic.sdq_not_completed').at(-1) : undefined;
  const outcomes = healthOutcomeCodes(inYear.filter((e) => e.type === 'cic.health_outcomes_recorded').at(-1)?.data ?? {});
  const flag = (done: boolean) => (done ? '1' : '0');
  const assessed = inYear.some((e) => e.type === 'cic.health_assessment_completed');
  const dental = inYear.some((e) => e.type === 'cic.health_check_completed' && e.data.kind === 'dental');
  const checked = inYear.some((e) => e.type === 'cic.health_check_completed' && e.data.kind === 'medical') || assessed;
  return {
    CHILD,
    DOB: dob,
    SDQ_SCORE: score,
    SDQ_REASON: noSdq ? sdqReasonCode(noSdq.data.reason) : null,
    CONVICTED: age !== null && age >= 10 ? outcomes.convicted : null,
    HEALTH_CHECK: age !== null && age < 5 ? flag(checked) : null,
    IMMUNISATIONS: outcomes.immunisations,
    TEETH_CHECK: flag(dental),
    HEALTH_ASSESSMENT: flag(assessed),
    SUBSTANCE_MISUSE: outcomes.substanceMisuse,
    INTERVENTION_RECEIVED: outcomes.interventionReceived,
    INTERVENTION_OFFERED: outcomes.interventionOffered,
  };
}

/** Care leavers the OC3 table is for: relevant or former relevant on the birthday (17th to 21st) that falls in the year. */
const oc3Statuses = new Set<CareLeaverStatus>(['relevant', 'former_relevant', 'former_relevant_education', 'returning', 'support_ended']);

/**
 * OC3: a care leaver whose 17th to 21st birthday falls in the year (rules-2024-25.csv 391), who was
 * not looked after on it (1007), did not die in care (1000) and whose care was not taken over by
 * another authority (1011), with what the personal adviser recorded for that birthday
 * (care_leaver.circumstances_updated data.age, activity, accommodation, suitable, inTouch). Not in
 * touch: activity and accommodation are 0 (345). Nothing recorded: the row is blank, for the rules to ask for it.
 */
export function oc3Row(CHILD: string, dob: string, events: readonly WorkflowEvent[], cares: readonly CarePeriod[], period: CollectionPeriod): Ssda903Tables['oc3'][number] | null {
  if (cares.length === 0) return null;
  // The birthday in the year is the one that gives the age on 31 March.
  const age = ageOn(dob, period.end);
  if (age < 17 || age > 21) return null;
  const birthday = addMonths(dob, age * 12);
  if (!withinPeriod(birthday, period)) return null;
  if (cares.some((c) => c.start <= birthday && (c.end === null || c.end > birthday))) return null;
  const lastEnd = cares.at(-1)!.endReason;
  if (lastEnd === 'died' || lastEnd === 'other_authority' || lastEnd === 'E2' || lastEnd === 'E3') return null;
  const { status } = careLeaverStatus(dob, carePeriodsOf(events), careLeaverFactsOf(events), birthday);
  if (!oc3Statuses.has(status)) return null;
  const updates = events.filter((e) => e.type === 'care_leaver.circumstances_updated');
  // The update for this birthday; else one from three months before it to one month after.
  const update =
    updates.filter((e) => Number(e.data.age) === age).at(-1) ??
    updates.filter((e) => {
      const on = londonDate(e.occurredAt);
      return on >= addMonths(birthday, -3) && on <= addMonths(birthday, 1) && e.data.age === undefined;
    }).at(-1);
  if (!update) return { CHILD, DOB: dob, IN_TOUCH: null, ACTIV: null, ACCOM: null };
  const IN_TOUCH = inTouchCode(update.data.inTouch);
  if (IN_TOUCH === 'NO') return { CHILD, DOB: dob, IN_TOUCH, ACTIV: '0', ACCOM: '0' };
  return { CHILD, DOB: dob, IN_TOUCH, ACTIV: activityCode(update.data.activity, update.data.accommodation), ACCOM: accommodationCode(update.data.accommodation, update.data.suitable) };
}

/**
 * Placed for adoption and adopted: a row in placed_for_adoption for each placement for adoption in
 * a period of care the year saw, with the date of the decision that the child should be placed
 * where it was recorded; and an AD1 row for a child adopted in the year (REC E11, E12), with the
 * decision and matching dates and whether the foster carers adopted. What Hearth does not record
 * (the adopters' number, sex and legal status) is left blank.
 */
export function adoptionRows(CHILD: string, dob: string | null, events: readonly WorkflowEvent[], cares: readonly CarePeriod[], period: CollectionPeriod, tables: Ssda903Tables) {
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  for (const care of cares) {
    if (care.start > period.end || (care.end !== null && care.end < period.start)) continue;
    const placed = events.filter((e) => {
      const on = londonDate(e.occurredAt);
      return e.type === 'adoption.placed' && on >= care.start && (care.end === null || on <= care.end) && on <= period.end;
    });
    // One row for each decision that the child should be placed for adoption in this period of care (the ADM's
    // adoption.should_be_placed_decided, issue 11), ceased on the date a later decision reversed it (RD4: Hearth
    // does not record which of RD1-RD3 applies); without any recorded decision (history imported from placements),
    // the decision date the placement for adoption carried.
    const within = (on: string) => on >= care.start && (care.end === null || on <= care.end) && on <= period.end;
    const decisions = events
      .filter((e) => e.type === 'adoption.should_be_placed_decided')
      .map((e) => ({ on: date(e.data.decisionOn) ?? londonDate(e.occurredAt), agreed: e.data.decision === 'should_be_placed' || e.data.decision === 'agreed', at: e.occurredAt.getTime() }))
      .filter((d) => within(d.on))
      .sort((x, y) => x.at - y.at);
    if (decisions.length > 0) {
      const rows: { DATE_PLACED: string; DATE_PLACED_CEASED: string | null; REASON_PLACED_CEASED: string | null }[] = [];
      for (const d of decisions) {
        const open = rows.at(-1);
        if (d.agreed && (!open || open.DATE_PLACED_CEASED !== null)) rows.push({ DATE_PLACED: d.on, DATE_PLACED_CEASED: null, REASON_PLACED_CEASED: null });
        else if (!d.agreed && open && open.DATE_PLACED_CEASED === null) Object.assign(open, { DATE_PLACED_CEASED: d.on, REASON_PLACED_CEASED: 'RD4' });
      }
      for (const r of rows) if (r.DATE_PLACED_CEASED === null || r.DATE_PLACED_CEASED >= period.start) tables.placed_for_adoption.push({ CHILD, DOB: dob, ...r });
    } else {
      for (const e of placed) tables.placed_for_adoption.push({ CHILD, DOB: dob, DATE_PLACED: date(e.data.decisionOn), DATE_PLACED_CEASED: null, REASON_PLACED_CEASED: null });
    }
    const adopted = care.end !== null && withinPeriod(care.end, period) && (care.endReason === 'adopted' || care.endReason === 'E11' || care.endReason === 'E12');
    if (adopted) {
      const last = placed.at(-1);
      const withCurrentCarers = tables.episodes.some((r) => r.PLACE === 'A3' || r.PLACE === 'A5');
      tables.ad1.push({ CHILD, DOB: dob, DATE_INT: date(last?.data.decisionOn), DATE_MATCH: date(last?.data.matchedOn), FOSTER_CARE: last ? (withCurrentCarers ? '1' : '0') : null, NB_ADOPTR: null, SEX_ADOPTR: null, LS_ADOPTR: null });
    }
  }
}

/** The previous permanence codes (rules-2024-25.csv 631). */
const prevPermCodes: ReadonlySet<string> = new Set(['P1', 'P2', 'P3', 'P4', 'Z1']);

/**
 * Previous permanence (rules-2024-25.csv 630-635): one row for a child whose latest period of care
 * began in the year (the episode with RNE S), from 1 April 2016 (634), with what was recorded when
 * they became looked after (cic.started data.previousPermanence, in Hearth's words:
 * src/domain/inCare/previousPermanence.ts). An order (P1-P3) has its date, with zz for an unknown day
 * or month (632), and the council's code where the worker gave one (LA_PERM; a name stays
 * null). "No" (Z1) has neither (635). "Not known" (P4) has LA_PERM 999 (information not available)
 * and DATE_PERM zz/zz/zzzz: rule 630, as Data to Insight's validator reads it, asks for both
 * whenever the option is not Z1. A period of care imported from an earlier return keeps what that
 * return said, where the import carried it (data.dfeCodes PREV_PERM, LA_PERM, DATE_PERM). Nothing
 * recorded: no row, and rule 630 asks for it.
 */
export function previousPermanenceRow(CHILD: string, dob: string | null, events: readonly WorkflowEvent[], cares: readonly CarePeriod[], period: CollectionPeriod): Ssda903Tables['previous_permanence'][number] | null {
  const care = cares.filter((c) => withinPeriod(c.start, period)).at(-1);
  if (!care || care.start < '2016-04-01') return null;
  const started = events.filter((e) => e.type === 'cic.started' && londonDate(e.occurredAt) === care.start).at(-1);
  if (!started) return null;
  const imported = importedPermanence(started);
  if (imported) return { CHILD, DOB: dob, ...imported };
  const recorded = started.data.previousPermanence;
  if (recorded === undefined || storedPreviousPermanenceProblem(recorded) !== null) return null;
  const p = recorded as { option: string; on?: string; authority?: string };
  const PREV_PERM = prevPermCodeOf(p.option)!;
  if (PREV_PERM === 'Z1') return { CHILD, DOB: dob, PREV_PERM, LA_PERM: null, DATE_PERM: null };
  if (!permanenceOrders.has(p.option)) return { CHILD, DOB: dob, PREV_PERM, LA_PERM: '999', DATE_PERM: dfePermanenceDate(null) };
  return { CHILD, DOB: dob, PREV_PERM, LA_PERM: laPermCodeOf(p.authority), DATE_PERM: dfePermanenceDate(p.on) };
}

/** What an imported cic.started carries of the earlier return's previous_permanence row: only a valid PREV_PERM, with its LA_PERM and DATE_PERM as they were. */
function importedPermanence(e: WorkflowEvent): { PREV_PERM: string; LA_PERM: string | null; DATE_PERM: string | null } | null {
  const codes = e.data.dfeCodes;
  if (typeof e.data.imported !== 'string' || !codes || typeof codes !== 'object') return null;
  const c = codes as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const PREV_PERM = text(c.PREV_PERM);
  if (!PREV_PERM || !prevPermCodes.has(PREV_PERM)) return null;
  const DATE_PERM = text(c.DATE_PERM);
  return { PREV_PERM, LA_PERM: text(c.LA_PERM), DATE_PERM: DATE_PERM && readDfePermanenceDate(DATE_PERM) ? DATE_PERM : null };
}

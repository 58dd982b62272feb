import { addMonths, ageOn, londonDate } from '../../calendar/localDate';
import { careLeaverFactsOf, careLeaverStatus, carePeriodsOf, type CareLeaverStatus } from '../../careLeaver/careLeaverStatus';
import type { WorkflowEvent } from '../../records/events';
import { withinPeriod, type CollectionPeriod } from '../collectionYear';
import { accommodationCode, activityCode, inTouchCode } from './ssda903Codes';
import type { CarePeriod } from './ssda903Episodes';
import type { Ssda903Tables } from './ssda903Types';

/**
 * OC2: a child looked after continuously for at least 12 months at 31 March (from 1 April or
 * before, still looked after at the end of the year), and not only for short breaks (V3, V4).
 * What Hearth records of health: the health assessments and dental checks in the year (each one is
 * recorded, so none recorded is 0), the health checks of a child under 5, and the SDQ score of a
 * child aged 4 to 16 (rules-2024-25.csv 188, 189). Convictions, immunisations, substance misuse and
 * interventions are not recorded in Hearth and are left blank.
 */
export function oc2Row(CHILD: string, dob: string | null, events: readonly WorkflowEvent[], cares: readonly CarePeriod[], period: CollectionPeriod): Ssda903Tables['oc2'][number] | null {
  const care = cares.find((c) => c.start <= period.start && (c.end === null || c.end > period.end));
  if (!care) return null;
  const ls = care.segments.filter((s) => s.from <= period.end).at(-1)?.snapshot.ls;
  if (ls === 'V3' || ls === 'V4') return null;
  const inYear = events.filter((e) => withinPeriod(londonDate(e.occurredAt), period));
  const age = dob ? ageOn(dob, period.end) : null;
  const sdq = age !== null && age >= 4 && age <= 16 ? inYear.filter((e) => e.type === 'cic.sdq_completed').at(-1) : undefined;
  const score = sdq ? String(sdq.data.score ?? '').trim() || null : null;
  const flag = (done: boolean) => (done ? '1' : '0');
  const assessed = inYear.some((e) => e.type === 'cic.health_assessment_completed');
  const dental = inYear.some((e) => e.type === 'cic.health_check_completed' && e.data.kind === 'dental');
  const checked = inYear.some((e) => e.type === 'cic.health_check_completed' && e.data.kind === 'medical') || assessed;
  return {
    CHILD,
    DOB: dob,
    SDQ_SCORE: score,
    SDQ_REASON: null,
    CONVICTED: null,
    HEALTH_CHECK: age !== null && age < 5 ? flag(checked) : null,
    IMMUNISATIONS: null,
    TEETH_CHECK: flag(dental),
    HEALTH_ASSESSMENT: flag(assessed),
    SUBSTANCE_MISUSE: null,
    INTERVENTION_RECEIVED: null,
    INTERVENTION_OFFERED: null,
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
    for (const e of placed) tables.placed_for_adoption.push({ CHILD, DOB: dob, DATE_PLACED: date(e.data.decisionOn), DATE_PLACED_CEASED: null, REASON_PLACED_CEASED: null });
    const adopted = care.end !== null && withinPeriod(care.end, period) && (care.endReason === 'adopted' || care.endReason === 'E11' || care.endReason === 'E12');
    if (adopted) {
      const last = placed.at(-1);
      const withCurrentCarers = tables.episodes.some((r) => r.PLACE === 'A3' || r.PLACE === 'A5');
      tables.ad1.push({ CHILD, DOB: dob, DATE_INT: date(last?.data.decisionOn), DATE_MATCH: date(last?.data.matchedOn), FOSTER_CARE: last ? (withCurrentCarers ? '1' : '0') : null, NB_ADOPTR: null, SEX_ADOPTR: null, LS_ADOPTR: null });
    }
  }
}

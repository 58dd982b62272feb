import { addMonths, addYears, ageOn, londonDate } from '../../calendar/localDate';
import { missingEpisodesOf } from '../../inCare/missingEpisodes';
import { chronological } from '../../records/events';
import { withinPeriod } from '../collectionYear';
import type { ReturnContext, ReturnSubject } from '../subject';
import { missingKindCodes, reviewCode, sexCode } from './ssda903Codes';
import { carePeriodsOfRecord, episodeRows, importedCodes } from './ssda903Episodes';
import { adoptionRows, oc2Row, oc3Row, previousPermanenceRow } from './ssda903Outcomes';
import { emptyTables, type Ssda903Tables } from './ssda903Types';

/**
 * The SSDA903 return is a projection of the child's record (issue 10): the rows of one child for
 * one collection year, from the events workers recorded in Hearth's words. The episodes are
 * worked out in ssda903Episodes.ts; OC2, OC3, adoption and previous permanence in
 * ssda903Outcomes.ts; the header, reviews, missing and UASC here. Null when the child was not
 * looked after in the year and is not a care leaver due an OC3 row.
 */
export function ssda903ChildOf(subject: ReturnSubject, context: ReturnContext): Ssda903Tables | null {
  const period = context.period;
  const events = chronological(subject.events);
  const dob = subject.details.dateOfBirth;
  const cares = carePeriodsOfRecord(events, context);
  const tables = emptyTables();
  const CHILD = subject.childId;

  tables.episodes = episodeRows(CHILD, cares, events, subject, period);
  const lookedAfter = tables.episodes.length > 0;
  const oc3 = dob ? oc3Row(CHILD, dob, events, cares, period) : null;
  if (!lookedAfter && !oc3) return null;

  const sex = sexCode(subject.details.gender);
  // MOTHER: for a young woman looked after, whether a child of hers is recorded (the relationships of the child's record); MC_DOB her first child's date of birth.
  const born = (subject.ownChildren ?? []).map((c) => c.dateOfBirth).filter((d): d is string => d !== null && d <= period.end).sort();
  // Only for a young woman looked after in the year: a care leaver's OC3 row does not carry it (rules-2024-25.csv 628).
  const mother = sex === '2' && lookedAfter ? (born.length > 0 ? '1' : '0') : null;
  tables.header.push({ CHILD, SEX: sex, DOB: dob, ETHNIC: subject.details.ethnicity, UPN: subject.details.upn ?? upnUnknown(dob, subject.details.uasc, cares, period), MOTHER: mother, MC_DOB: mother === '1' ? (born[0] ?? null) : null });
  if (oc3) tables.oc3.push(oc3);
  if (!lookedAfter) return tables;

  const inCareOn = (date: string) => cares.some((c) => c.start <= date && (c.end === null || c.end >= date));
  // Reviews held in the year (cic.review_held), with how the child took part.
  for (const e of events) {
    if (e.type !== 'cic.review_held') continue;
    const on = londonDate(e.occurredAt);
    if (!withinPeriod(on, period)) continue;
    tables.reviews.push({ CHILD, DOB: dob, REVIEW: on, REVIEW_CODE: reviewCode(importedCodes(e).REVIEW_CODE ?? e.data.childParticipation, dob ? ageOn(dob, on) : null) });
  }
  // Missing and away episodes that began in the year while the child was looked after.
  for (const m of missingEpisodesOf(events)) {
    const start = londonDate(m.startedAt);
    if (!withinPeriod(start, period) || !inCareOn(start)) continue;
    const end = m.endedAt ? londonDate(m.endedAt) : null;
    tables.missing.push({ CHILD, DOB: dob, MISSING: (missingKindCodes as Record<string, string>)[m.kind] ?? null, MIS_START: start, MIS_END: end && end <= period.end ? end : null });
  }
  // An unaccompanied asylum-seeking child is one until 18 (the date UASC status ceases).
  if (subject.details.uasc) tables.uasc.push({ CHILD, SEX: sexCode(subject.details.gender), DOB: dob, DUC: dob ? addMonths(dob, 18 * 12) : null });

  const oc2 = oc2Row(CHILD, dob, events, cares, period);
  if (oc2) tables.oc2.push(oc2);
  adoptionRows(CHILD, dob, events, cares, period, tables);
  const permanence = previousPermanenceRow(CHILD, dob, events, cares, period);
  if (permanence) tables.previous_permanence.push(permanence);
  return tables;
}

/**
 * Why a looked-after child has no UPN, where Hearth knows (rules-2024-25.csv 168, 209, 210): UN1 not
 * yet of school age (under 4 on the 31 August before the year began, as rule 209 counts it); UN2 an
 * unaccompanied asylum-seeking child who has not been to school in England; UN4 a child new to care
 * in the last week of the year. Otherwise none, so rule 442 asks for the UPN rather than the return hiding the gap.
 */
export function upnUnknown(dob: string | null, uasc: boolean, cares: readonly { start: string; end: string | null }[], period: { start: string; end: string }): string | null {
  const schoolAgeFrom = `${Number(period.start.slice(0, 4)) - 1}-08-31`;
  if (dob && addYears(dob, 4) > schoolAgeFrom) return 'UN1';
  if (uasc) return 'UN2';
  const last = cares.at(-1);
  if (last && last.end === null && last.start >= `${period.end.slice(0, 4)}-03-24`) return 'UN4';
  return null;
}

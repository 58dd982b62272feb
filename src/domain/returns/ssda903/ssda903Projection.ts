import { addMonths, ageOn, londonDate } from '../../calendar/localDate';
import { missingEpisodesOf } from '../../inCare/missingEpisodes';
import { chronological } from '../../records/events';
import { withinPeriod } from '../collectionYear';
import type { ReturnContext, ReturnSubject } from '../subject';
import { missingKindCodes, reviewCode, sexCode } from './ssda903Codes';
import { carePeriodsOfRecord, episodeRows, importedCodes } from './ssda903Episodes';
import { adoptionRows, oc2Row, oc3Row } from './ssda903Outcomes';
import { emptyTables, type Ssda903Tables } from './ssda903Types';

/**
 * The SSDA903 return is a projection of the child's record (issue 10): the rows of one child for
 * one collection year, from the events workers recorded in Hearth's words. The episodes are
 * worked out in ssda903Episodes.ts; OC2, OC3 and adoption in ssda903Outcomes.ts; the header,
 * reviews, missing and UASC here. Null when the child was not looked after in the year and is not
 * a care leaver due an OC3 row.
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

  tables.header.push({ CHILD, SEX: sexCode(subject.details.gender), DOB: dob, ETHNIC: subject.details.ethnicity, UPN: subject.details.upn, MOTHER: null, MC_DOB: null });
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
  return tables;
}

import { addMonths, londonDate } from '../../domain/calendar/localDate';
import { inCustody, longDate, type YouthJustice } from '../../domain/youthJustice/youthJusticeCase';
import { custodyRefusal, releaseRefusal, turned18InCustody, type CustodyStep } from '../../domain/youthJustice/youthJusticeRefusals';
import { yosEvent } from '../../domain/youthJustice/youthJusticeCodes';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import { readDateInput } from '../../platform/validation';
import { checkedAt, notBefore } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import type { PersonRecord } from '../people/peopleRepository';
import { accommodationSchema, eteSchema, notesSchema, releaseSchema } from './youthJusticeSchemas';
import { custodySince, latest, problem, whenFor, youthJusticeStep } from './youthJusticeStep';

/**
 * A Detention and Training Order (practice-standards.txt, Section 1: Youth Offending Service 17-22;
 * issue 12): contact, sentence planning and its reviews, resettlement, accommodation and education,
 * training or employment before the release, the expected release date, the transfer to the National
 * Probation Service for one who turns 18 inside, and the release on licence.
 */
export function youthJusticeCustodySteps(people: PeopleService) {
  const { step, caseStep } = youthJusticeStep(people);

  /** A step in custody with nothing to ask but when (standards 17-20, 22). */
  function custodyStep(context: RequestContext, personId: string, key: string, which: CustodyStep, type: string, summary: string, body: Record<string, unknown>) {
    const earliest = (y: YouthJustice) => (which === 'sentencePlanReview' ? { at: latest(inCustody(y)?.planningAt, ...(inCustody(y)?.reviews ?? [])), what: 'the sentence planning or its last review' } : custodySince(y));
    return caseStep(context, personId, key, key, notesSchema, body, (y, r) => custodyRefusal(y, which, r.details.dateOfBirth), earliest, (data) => [{ type, data: { summary: data.summary ? `${summary}: ${data.summary}` : summary } }]);
  }

  return {
    contact: (context: RequestContext, personId: string, body: Record<string, unknown>) => custodyStep(context, personId, 'contact', 'contact', yosEvent.custodyContact, 'Contact made in custody', body),
    sentencePlanning: (context: RequestContext, personId: string, body: Record<string, unknown>) => custodyStep(context, personId, 'sentencePlanning', 'sentencePlanning', yosEvent.sentencePlanning, 'Sentence planning attended', body),
    sentencePlanReview: (context: RequestContext, personId: string, body: Record<string, unknown>) => custodyStep(context, personId, 'sentencePlanReview', 'sentencePlanReview', yosEvent.sentencePlanReview, 'Sentence plan review attended', body),
    resettlement: (context: RequestContext, personId: string, body: Record<string, unknown>) => custodyStep(context, personId, 'resettlement', 'resettlement', yosEvent.resettlement, 'Resettlement planning started', body),
    probationTransfer: (context: RequestContext, personId: string, body: Record<string, unknown>) => custodyStep(context, personId, 'transfer', 'probationTransfer', yosEvent.probationTransfer, 'Transfer to the National Probation Service finalised', body),

    /** Accommodation, or education, training or employment, in place for the release (21). */
    inPlace(context: RequestContext, personId: string, which: 'accommodation' | 'ete', body: Record<string, unknown>) {
      const refusal = (y: YouthJustice, r: PersonRecord) => custodyRefusal(y, which, r.details.dateOfBirth);
      if (which === 'accommodation') {
        return caseStep(context, personId, which, which, accommodationSchema, body, refusal, custodySince, (data) => [{ type: yosEvent.accommodation, data: { detail: data.accommodation, summary: `Accommodation in place for release: ${data.accommodation}` } }]);
      }
      return caseStep(context, personId, which, which, eteSchema, body, refusal, custodySince, (data) => [{ type: yosEvent.ete, data: { detail: data.ete, summary: `Education, training or employment in place for release: ${data.ete}` } }]);
    },

    /** The expected release date set again (a release brought forward or put back). */
    releaseDate(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'newReleaseOn', (y, r) => custodyRefusal(y, 'releaseDate', r.details.dateOfBirth), (y, now) => {
        const date = readDateInput(body, 'newReleaseOn', 'The expected release date', true);
        if (date.problem || !date.value) throw new ValidationError([date.problem ?? { field: 'newReleaseOn-day', message: 'Enter the expected release date' }]);
        const since = londonDate(inCustody(y)!.since);
        if (date.value <= since) throw problem('newReleaseOn-day', `The release date must be after the sentence, on ${longDate(since)}`);
        if (date.value > addMonths(since, 24)) throw problem('newReleaseOn-day', 'The release date must be within 24 months of the sentence: check the year');
        return [{ type: yosEvent.releaseDateSet, occurredAt: now, data: { releaseOn: date.value, summary: `Expected release date: ${longDate(date.value)}` } }];
      });
    },

    /** Release on licence (21, 22): refused without what should be in place, unless the reason is given. */
    release(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'notInPlaceReason', (y) => custodyRefusal(y, 'release', null), (y, now, record) => {
        const { data, at } = checkedAt(releaseSchema, body, whenFor(body, 'release'), now);
        const custody = inCustody(y)!;
        notBefore(at, custody.since, 'releaseOn', 'The release cannot be before the sentence, ');
        const turned18 = turned18InCustody(record.details.dateOfBirth, custody.since, at);
        const refused = releaseRefusal(y, data.notInPlaceReason, turned18);
        if (refused) throw problem('notInPlaceReason', refused);
        return [{ type: yosEvent.released, occurredAt: at, data: { turned18InCustody: turned18, ...(data.notInPlaceReason ? { notInPlaceReason: data.notInPlaceReason } : {}), summary: data.notInPlaceReason ? `Released on licence. Not in place: ${data.notInPlaceReason}` : 'Released on licence' } }];
      });
    },

  };
}

import { ageOn, addMonths, londonDate } from '../../domain/calendar/localDate';
import { latestFor, longDate, workOf } from '../../domain/youthJustice/youthJusticeCase';
import { allocationRefusal, assessmentRefusal, closeRefusal, disposalRefusal, endRefusal, openCaseRefusal, planRefusal, referralRefusal, reoffenceRefusal, reviewRefusal, sentenceRefusal } from '../../domain/youthJustice/youthJusticeRefusals';
import { custodialOrders, yosEvent, youthJusticeLabels, type Order } from '../../domain/youthJustice/youthJusticeCodes';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import { readDateInput } from '../../platform/validation';
import { checkedAt, notBefore } from '../../platform/when';
import type { PeopleService } from '../people/peopleService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { allocationSchema, arrestSchema, disposalSchema, endSchema, noteSchema, notesSchema, referralSchema, reoffenceSchema, reportSchema, sentenceSchema } from './youthJusticeSchemas';
import { latest, problem, started, whenFor, youthJusticeStep } from './youthJusticeStep';

export { youthJusticeAudit } from './youthJusticeStep';

/**
 * Recording the Youth Offending Service's work on a child's record (practice-standards.txt, Section 1:
 * Youth Offending Service 1-16; issue 12), with youth_justice:record: the referral, allocation,
 * arrests, disposals, reports, sentences, the assessment, plan and reviews, re-offences, the end and
 * the closure. Nothing is changed afterwards: a note records a correction. Custody is
 * youthJusticeCustodySteps.ts.
 */
export function youthJusticeSteps(people: PeopleService, staff: StaffDirectory) {
  const { step, caseStep } = youthJusticeStep(people);

  return {
    /** The referral (out of court, standards 1-5; or court, 6-22). Children under 10 are not criminally responsible; at 18 the Probation Service takes over. */
    referral(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'source', () => null, (y, now, record) => {
        const { data, at } = checkedAt(referralSchema, body, whenFor(body, 'referral'), now);
        const dob = record.details.dateOfBirth;
        const refused = referralRefusal(y, dob ? ageOn(dob, londonDate(at)) : null);
        if (refused) throw problem('source', refused);
        if (y.current?.closedAt) notBefore(at, y.current.closedAt, 'referralOn', 'A new referral cannot be before the last case was closed, on ');
        return [{
          type: yosEvent.referred,
          occurredAt: at,
          data: { source: data.source, route: data.route, offence: data.offence, previousDisposal: data.previousDisposal === 'yes', summary: `${youthJusticeLabels.route[data.route]?.split(':')[0]} referral from ${youthJusticeLabels.source[data.source]?.toLowerCase()}: ${data.offence}` },
        }];
      });
    },

    /** The case manager (a youth justice officer): the assessment is due within 5 working days of the first allocation (1). */
    async allocate(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const managers = await staff.withRole('youth-justice-officer');
      const chosen = managers.find((m) => m.id === body.caseManagerId);
      return step(context, personId, 'caseManagerId', (y) => openCaseRefusal(y), (y, now) => {
        const { data, at } = checkedAt(allocationSchema, body, whenFor(body, 'allocation'), now);
        if (!chosen) throw problem('caseManagerId', 'Select the case manager from the list of youth justice officers');
        const refused = allocationRefusal(y, data.caseManagerId);
        if (refused) throw problem('caseManagerId', refused);
        notBefore(at, y.current!.startedAt, 'allocationOn', 'The allocation cannot be before the referral, ');
        return [{ type: yosEvent.allocated, occurredAt: at, data: { caseManagerId: chosen.id, caseManagerName: chosen.name, summary: `Case manager: ${chosen.name}` } }];
      });
    },

    /** An arrest (standard 4): a fact about the child, with or without an open case. */
    arrest(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'arrestedFor', () => null, (_y, now, record) => {
        const { data, at } = checkedAt(arrestSchema, body, whenFor(body, 'arrest'), now);
        const dob = record.details.dateOfBirth;
        if (dob && ageOn(dob, londonDate(at)) < 10) throw problem('arrestOn', `The child was ${ageOn(dob, londonDate(at))} on that date: children under 10 are below the age of criminal responsibility`);
        return [{ type: yosEvent.arrested, occurredAt: at, data: { offence: data.arrestedFor, summary: `Arrested: ${data.arrestedFor}` } }];
      });
    },

    disposal(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return caseStep(context, personId, 'disposal', 'disposal', disposalSchema, body, (y) => disposalRefusal(y), started, (data) => [
        { type: yosEvent.disposal, data: { disposal: data.disposal, summary: youthJusticeLabels.disposal[data.disposal] } },
      ]);
    },

    /** A pre-sentence report offering the court alternatives to custody (16). */
    report(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return caseStep(context, personId, 'report', 'reportCourt', reportSchema, body, (y) => openCaseRefusal(y), started, (data) => [
        { type: yosEvent.preSentenceReport, data: { court: data.reportCourt, proposal: data.proposal, summary: `For the ${youthJusticeLabels.court[data.reportCourt]?.toLowerCase()}: ${data.proposal}` } },
      ]);
    },

    /**
     * The sentence: its order decides the plan's timescale (12) and, for a Detention and Training
     * Order, the custody standards (17-22), with the expected release date.
     */
    sentence(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const release = readDateInput(body, 'expectedReleaseOn', 'The expected release date', body.order === 'detention_and_training_order');
      return caseStep(context, personId, 'sentence', 'order', sentenceSchema, { ...body }, (y) => sentenceRefusal(y), started, (data, _y, at) => {
        if (release.problem) throw new ValidationError([release.problem]);
        const custodial = custodialOrders.includes(data.order as Order);
        if (custodial && release.value) {
          if (release.value <= londonDate(at)) throw problem('expectedReleaseOn-day', 'The expected release date must be after the sentence');
          if (release.value > addMonths(londonDate(at), 24)) throw problem('expectedReleaseOn-day', 'The expected release date must be within 24 months of the sentence (the longest Detention and Training Order): check the year');
        }
        return [{
          type: yosEvent.sentenced,
          data: { order: data.order, court: data.court, ...(custodial && release.value ? { releaseOn: release.value } : {}), summary: `${youthJusticeLabels.order[data.order]}, ${youthJusticeLabels.court[data.court]?.toLowerCase()}${custodial && release.value ? `; expected release ${longDate(release.value)}` : ''}` },
        }];
      });
    },

    /** The AssetPlus assessment (1, 11), for the work the case is for now. */
    assessment(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return caseStep(context, personId, 'assessment', 'assessment', notesSchema, body, (y) => assessmentRefusal(y), (y) => {
        const c = y.current!;
        const sentence = c.sentences.at(-1);
        return sentence ? { at: latest(c.caseManager?.at, sentence.at), what: 'the allocation and the sentence' } : { at: c.caseManager?.at ?? null, what: 'the allocation' };
      }, (data, y) => {
        const order = workOf(y.current!);
        return [{ type: yosEvent.assessed, data: { order, summary: `AssetPlus assessment: ${youthJusticeLabels.order[order]?.toLowerCase()}${data.summary ? `. ${data.summary}` : ''}` } }];
      });
    },

    /** The intervention plan made from the assessment (2, 12). */
    plan(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return caseStep(context, personId, 'plan', 'plan', notesSchema, body, (y) => planRefusal(y), (y) => ({ at: latestFor(y.current!.assessments, workOf(y.current!))?.at ?? null, what: 'the assessment it is made from' }), (data, y) => {
        const order = workOf(y.current!);
        return [{ type: yosEvent.planned, data: { order, summary: `Intervention plan: ${youthJusticeLabels.order[order]?.toLowerCase()}${data.summary ? `. ${data.summary}` : ''}` } }];
      });
    },

    /** A review of the intervention plan (14). */
    review(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return caseStep(context, personId, 'review', 'review', notesSchema, body, (y) => reviewRefusal(y), (y) => ({ at: latest(latestFor(y.current!.plans, workOf(y.current!))?.at, ...y.current!.reviews), what: 'the plan or its last review' }), (data) => [
        { type: yosEvent.reviewed, data: { summary: data.summary ? `Plan reviewed: ${data.summary}` : 'Plan reviewed' } },
      ]);
    },

    /** A proven re-offence, dated when it was committed (the re-offending indicator). */
    reoffence(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'furtherOffence', (y) => reoffenceRefusal(y), (y, now) => {
        const { data, at } = checkedAt(reoffenceSchema, body, whenFor(body, 'reoffence'), now);
        notBefore(at, y.formalOutcomes[0]!.at, 'reoffenceOn', `A re-offence follows the first caution or conviction (${y.formalOutcomes[0]!.what.toLowerCase()}), `);
        return [{ type: yosEvent.reoffended, occurredAt: at, data: { offence: data.furtherOffence, summary: `Re-offence: ${data.furtherOffence}` } }];
      });
    },

    end(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return caseStep(context, personId, 'ended', 'reason', endSchema, body, (y) => endRefusal(y), (y) => {
        const c = y.current!;
        return { at: latest(c.startedAt, c.caseManager?.at, c.sentences.at(-1)?.at, c.custody?.released?.at, ...c.disposals.map((d) => d.at), ...c.assessments.map((a) => a.at), ...c.plans.map((p) => p.at), ...c.reviews), what: 'the last step recorded on the case' };
      }, (data) => [{ type: yosEvent.interventionEnded, data: { reason: data.reason, summary: `${youthJusticeLabels.endReason[data.reason]}${data.summary ? `. ${data.summary}` : ''}` } }]);
    },

    close(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return caseStep(context, personId, 'closed', 'closed', notesSchema, body, (y) => closeRefusal(y), (y) => ({ at: y.current!.interventionEnded?.at ?? null, what: 'the end of the intervention' }), (data) => [
        { type: yosEvent.closed, data: { summary: data.summary ? `Closed: ${data.summary}` : 'Closed to the Youth Offending Service' } },
      ]);
    },

    /** A note or correction: nothing recorded is changed; the note says what was wrong. */
    note(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'note', (y) => (y.cases.length === 0 && y.arrests.length === 0 ? 'There is nothing on the youth justice record to add a note to yet' : null), (_y, now) => {
        const { data } = checkedAt(noteSchema, body, null, now);
        return [{ type: yosEvent.noteAdded, occurredAt: now, data: { note: data.note, summary: data.note } }];
      });
    },
  };
}

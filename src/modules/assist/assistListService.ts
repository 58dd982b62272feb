import { rolesAllow } from '../../domain/access/can';
import { assistEventTypes, assistRecordOf, assistRules, isUpcoming, stageOf, supportKinds, type MarfStage } from '../../domain/assist/assistCase';
import { londonDate } from '../../domain/calendar/localDate';
import { fullName } from '../../domain/people/personDetails';
import { groupedBy } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { labelOf, mergeProblems, problemsOf, readDateInput } from '../../platform/validation';
import { checkedAt, type When } from '../../platform/when';
import { registerUnlessDuplicate, type PossibleDuplicate } from '../people/findOrRegister';
import type { PeopleService } from '../people/peopleService';
import { asClock, type Clock as StandardClock } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import { enquirySchema, marfSchema, newChildSchema } from './assistSchemas';
import type { AssistService } from './assistService';

/** The clock each stage of a MARF referral waits on (ASSIST 3-4). */
const stageClock: Partial<Record<MarfStage, string>> = {
  awaiting_hub: 'assist.hub-discussion',
  awaiting_allocation: 'assist.allocated',
  awaiting_letter: 'assist.family-written-to',
  contact_due: 'assist.family-contacted',
};

/**
 * ASSIST's lists (practice-standards.txt, Section 1: ASSIST 1-4): contacts awaiting a response,
 * MARF referrals by where they are (the Hub, allocation, the letter, contact due), the waiting list,
 * and the upcoming parent programmes with the families whose information is due 6 weeks before the
 * start; and recording a contact or MARF for a child new to Hearth. Only records the reader may see.
 */
export function assistListService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, assist: AssistService) {
  return {
    async list(context: RequestContext) {
      if (!rolesAllow(context.actor, 'assist:read')) throw new ForbiddenError("You do not have permission to see ASSIST's lists");
      const today = londonDate(clock.now());
      const ids = [...new Set((await people.latestOfTypesForAll(assistEventTypes)).map((e) => e.personId))];
      const visible = await people.visibleRecords(context, ids);
      const streams = groupedBy(await people.ofTypesFor([...visible.keys()], assistEventTypes), (e) => e.personId);
      const rows = (await Promise.all(assistRules.map((id) => standards.openOfRule(id, 5000, context.actor)))).flat();
      const byStart = new Map<string, StandardClock>(rows.map((r) => [r.obligation.startEventId, asClock(r)]));
      const byChild = new Map<string, StandardClock>(rows.map((r) => [`${r.obligation.personId}|${r.obligation.ruleId}`, asClock(r)]));
      const contacts = [];
      const referrals = [];
      const waiting = [];
      const places = [];
      for (const [personId, record] of visible) {
        const child = { personId, name: fullName(record.details), hearthId: record.hearthId };
        const a = assistRecordOf(streams.get(personId) ?? []);
        for (const q of a.enquiries.filter((x) => !x.respondedAt)) contacts.push({ ...child, receivedAt: q.receivedAt, from: q.from, clock: byStart.get(q.eventId) ?? null });
        for (const p of a.programmes.filter((x) => isUpcoming(x, today))) places.push({ ...child, programme: p.programme, startsOn: p.startsOn, informationBy: p.informationBy, sentAt: p.informationSentAt, clock: p.informationSentAt ? null : (byStart.get(p.eventId) ?? null) });
        const r = a.open;
        if (!r) continue;
        const stage = stageOf(r);
        const support = labelOf(supportKinds, r.support);
        if (stage === 'waiting_list') waiting.push({ ...child, receivedAt: r.receivedAt, writtenAt: r.letter!.at, support });
        else if (stageClock[stage]) referrals.push({ ...child, stage, receivedAt: r.receivedAt, referrer: r.referrer, support, clock: byChild.get(`${personId}|${stageClock[stage]}`) ?? null });
      }
      await audit.record(db, context, { action: 'assist.list_viewed', details: { shown: [...visible.keys()] } });
      const oldest = <T extends { receivedAt: Date }>(list: T[]) => list.sort((x, y) => x.receivedAt.getTime() - y.receivedAt.getTime());
      // The programmes coming up, soonest first, each with its families.
      const programmes = [...groupedBy(places, (p) => `${p.startsOn}|${p.programme}`).values()]
        .map((families) => ({ programme: families[0]!.programme, startsOn: families[0]!.startsOn, informationBy: families[0]!.informationBy, families: families.sort((x, y) => x.name.localeCompare(y.name)) }))
        .sort((x, y) => x.startsOn.localeCompare(y.startsOn) || x.programme.localeCompare(y.programme));
      return {
        contacts: oldest(contacts),
        referrals: {
          hub: oldest(referrals.filter((r) => r.stage === 'awaiting_hub')),
          allocation: oldest(referrals.filter((r) => r.stage === 'awaiting_allocation')),
          letter: oldest(referrals.filter((r) => r.stage === 'awaiting_letter')),
          contact: oldest(referrals.filter((r) => r.stage === 'contact_due')),
        },
        waiting: waiting.sort((x, y) => x.writtenAt.getTime() - y.writtenAt.getTime()),
        programmes,
        hidden: ids.length - visible.size,
      };
    },

    /**
     * A contact or MARF about a child not yet on Hearth: the child added through the people service
     * (likely duplicates shown first), then the contact or referral recorded on their record. The form
     * is checked whole before anyone is added.
     */
    async recordForNewChild(context: RequestContext, body: Record<string, unknown>, when: When): Promise<{ outcome: 'recorded'; personId: string } | { outcome: 'possible-duplicates'; duplicates: PossibleDuplicate[] }> {
      if (!rolesAllow(context.actor, 'assist:record')) throw new ForbiddenError('You do not have permission to record ASSIST work');
      const now = clock.now();
      const born = readDateInput(body, 'dateOfBirth', 'Date of birth', true);
      const child = newChildSchema.safeParse(body);
      // One form for both: "from" and "what it asks" are the contact's caller and question, or the referrer and the difficulties described.
      const isEnquiry = child.success && child.data.kind === 'enquiry';
      const work = isEnquiry ? { from: body.from, channel: body.channel, topic: body.topic, question: body.asks } : { referrer: body.from, support: body.support, reason: body.asks };
      const formField: Record<string, string> = { question: 'asks', reason: 'asks', referrer: 'from' };
      let problems = mergeProblems(born.problem ? [born.problem] : [], child.success ? [] : problemsOf(child.error));
      let at: Date | null = null;
      try {
        at = checkedAt(isEnquiry ? enquirySchema : marfSchema, work, when, now).at;
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        problems = mergeProblems(problems, error.problems.map((p) => ({ ...p, field: formField[p.field] ?? p.field })));
      }
      // A child cannot be the subject of a contact or referral before they were born (as the hospital duty form checks).
      if (born.value && at && born.value > londonDate(at)) problems = mergeProblems(problems, [{ field: 'dateOfBirth-day', message: `The date of birth must be on or before the date of the ${isEnquiry ? 'contact' : 'referral'}` }]);
      if (problems.length > 0 || !child.success) throw new ValidationError(problems);
      const registered = await registerUnlessDuplicate(people, context, { kind: 'child', givenNames: child.data.givenNames, familyName: child.data.familyName, dateOfBirth: born.value }, Boolean(child.data.confirmNotDuplicate));
      if (registered.outcome === 'possible-duplicates') return registered;
      const personId = registered.record.id;
      if (isEnquiry) await assist.enquiry(context, personId, work, when);
      else await assist.marf(context, personId, work, when);
      return { outcome: 'recorded', personId };
    },
  };
}

export type AssistListService = ReturnType<typeof assistListService>;

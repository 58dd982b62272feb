import { randomUUID } from 'node:crypto';
import { rolesAllow } from '../../domain/access/can';
import { labelOfOutcome, missingConsents, parentsConsented, steppedUpWithinThreeMonths, type ThresholdOutcome } from '../../domain/frontDoor/contact';
import { formatDate } from '../../platform/views/filters';
import { personEvent } from '../../domain/people/personEvents';
import { fullName, type Problem } from '../../domain/people/personDetails';
import type { RecordedEvent } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { draftStore, type Draft } from '../../platform/drafts/draftStore';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { checked, mergeProblems, problemsOf, readDateInput, readPastInstant } from '../../platform/validation';
import type { PeopleService } from '../people/peopleService';
import type { PersonRecord } from '../people/peopleRepository';
import type { StaffDirectory } from '../staff/staffDirectory';
import type { StandardsService } from '../standards/standardsService';
import { frontDoorRepository, type ContactWithChildren } from './frontDoorRepository';
import {
  consentSchema,
  contactSubmissionSchema,
  decisionSchema,
  emptyContactDraft,
  enquirySchema,
  handOverSchema,
  outcomesNeedingPrimaryNeed,
  readDraft,
  recommendationSchema,
  replySchema,
  type ContactDraftData,
} from './frontDoorSchemas';

const draftKind = 'contact';

/** The rules of the standards catalogue the front door shows the clocks of. */
export const frontDoorRules = {
  decision: 'front-door.threshold-decision',
  red: 'front-door.mash-enquiry-red',
  amber: 'front-door.mash-enquiry-amber',
  handOver: 'cwd.hospital-referral-passed-on',
} as const;

/**
 * The front door (practice-standards.txt, Section 2: Duty Team (MASH) 1-7 and Child and Family
 * Assessment 1; specialist-service-statement.txt 7.1.3, 7.3.3): contacts recorded from a draft
 * that is never lost, triage with MASH enquiries, the threshold recommendation and decision.
 * Every step is an event on each child's record, so the standards' clocks start and stop by
 * themselves; the front door's tables are only a picture of those events.
 */
export function frontDoorService(db: Db, clock: Clock, people: PeopleService, staff: StaffDirectory, standards: StandardsService) {
  /** A contact draft, for its owner only (a draft is someone's unfinished work, not a record yet). */
  async function ownDraft(context: RequestContext, draftId: string): Promise<Draft> {
    const draft = await draftStore.find(db, draftId);
    if (!draft || draft.kind !== draftKind) throw new NotFoundError('The draft');
    if (draft.ownerId !== context.actor.userId) throw new ForbiddenError('This draft belongs to someone else: only they can continue it');
    return draft;
  }

  /** The contact, with its children's records (each read audited; refused if one is restricted). */
  async function readContact(context: RequestContext, contactId: string, action = 'contact.viewed') {
    const contact = await frontDoorRepository.find(db, contactId);
    if (!contact) throw new NotFoundError('The contact');
    const children = await people.readRecords(context, contact.children.map((c) => c.personId), action, { contactId });
    return { contact, children };
  }

  /** Events about every child of the contact at once, in one transaction, each child audited. */
  function recordOnContact(
    context: RequestContext,
    contact: ContactWithChildren,
    permission: 'contact:triage' | 'threshold:decide',
    action: string,
    decide: (records: PersonRecord[], now: Date, streams: Map<string, RecordedEvent[]>, current: ContactWithChildren) => { type: string; data: Record<string, unknown>; personId?: string }[] | null,
  ) {
    return people.recordOn(context, contact.children.map((c) => c.personId), permission, action, async (records, streams, now, tx) => {
      // Read again under the children's locks (and in their transaction): someone may have decided it since the page was drawn.
      const current = await frontDoorRepository.find(tx, contact.id);
      if (!current) throw new NotFoundError('The contact');
      // After the decision only what is still owed may be recorded: a late agency reply, the hand-over.
      if (current.decision && action !== 'contact.handed_over' && action !== 'contact.enquiry_replied') throw new ConflictError('The threshold decision for this contact has already been made');
      const events = decide(records, now, streams, current) ?? [];
      return records.flatMap((record) => events.filter((e) => !e.personId).map((e) => ({ ...e, personId: record.id, occurredAt: now }))).concat(
        events.filter((e) => e.personId).map((e) => ({ ...e, personId: e.personId as string, occurredAt: now })),
      );
    });
  }

  return {
    /** Starts a new contact as a draft, saved at once so that nothing typed is ever lost. */
    async startContact(context: RequestContext): Promise<Draft> {
      if (!rolesAllow(context.actor, 'contact:record')) throw new ForbiddenError('You do not have permission to record contacts');
      const now = clock.now();
      const draft = await draftStore.start(db, { kind: draftKind, ownerId: context.actor.userId, data: { ...emptyContactDraft }, now });
      await audit.record(db, context, { action: 'contact.draft_started', details: { draftId: draft.id } });
      return draft;
    },

    /**
     * A draft with the records of the people added to it (those the reader may see). Showing it
     * (`shown`) is audited, naming the people on it; reading it to save the next version is not.
     */
    async draft(context: RequestContext, draftId: string, shown = false) {
      const draft = await ownDraft(context, draftId);
      const data = readDraft(draft.data);
      const ids = [...data.children.map((c) => c.personId), ...data.adults.map((a) => a.personId)];
      const records = await people.visibleRecords(context, ids);
      if (shown) await audit.record(db, context, { action: 'contact.draft_viewed', details: { draftId, people: [...records.keys()] } });
      return { draft, data, records };
    },

    /** The user's contacts still being written. */
    myDrafts: (context: RequestContext) => draftStore.openDrafts(db, context.actor.userId, draftKind),

    /** Saves what the form holds as a new version of the draft; no check beyond its owner. */
    async saveDraft(context: RequestContext, draftId: string, data: ContactDraftData): Promise<Draft> {
      await ownDraft(context, draftId);
      return draftStore.save(db, draftId, { state: 'saved', data: { ...data }, now: clock.now() });
    },

    /** Adds a person found by search (or just added) to the draft, as a child or an adult. */
    async addToDraft(context: RequestContext, draftId: string, data: ContactDraftData, personId: string): Promise<ContactDraftData> {
      await ownDraft(context, draftId);
      const [record] = await people.readRecords(context, [personId], 'child.viewed', { draftId });
      if (!record) throw new NotFoundError('The record');
      if (record.kind === 'professional') {
        throw new ValidationError([{ field: 'people', message: `${fullName(record.details)} is a professional: write them in as the person who made the contact instead` }]);
      }
      const next: ContactDraftData =
        record.kind === 'child'
          ? { ...data, children: data.children.some((c) => c.personId === personId) ? data.children : [...data.children, { personId }] }
          : { ...data, adults: data.adults.some((a) => a.personId === personId) ? data.adults : [...data.adults, { personId, relationship: '', parent: '', consent: '' }] };
      await draftStore.save(db, draftId, { state: 'saved', data: { ...next }, now: clock.now() });
      return next;
    },

    async discardDraft(context: RequestContext, draftId: string, data: ContactDraftData) {
      await ownDraft(context, draftId);
      await draftStore.save(db, draftId, { state: 'discarded', data: { ...data }, now: clock.now() });
      await audit.record(db, context, { action: 'contact.draft_discarded', details: { draftId } });
    },

    /**
     * Records the contact: its required parts are checked now, not while it was a draft. A
     * `contact.received` event goes on each child's record with when it was received; recording it
     * is what meets the 1-hour standard (Duty Team (MASH) 1). A hospital referral for another
     * authority's child also starts the hand-over clock (specialist-service-statement.txt 7.3.3).
     * Returns the contact and the allocated workers of children whose case is already open.
     */
    async submitContact(context: RequestContext, draftId: string, data: ContactDraftData) {
      await ownDraft(context, draftId);
      const now = clock.now();
      const date = readDateInput({ 'receivedOn-day': data.receivedOn.day, 'receivedOn-month': data.receivedOn.month, 'receivedOn-year': data.receivedOn.year }, 'receivedOn', 'Date the contact was received', true);
      const when = date.problem ? { at: null, problems: [] as Problem[] } : readPastInstant(date.value, data.receivedTime, now, { date: 'receivedOn', time: 'receivedTime', what: 'the contact was received' });
      const parsed = contactSubmissionSchema.safeParse(data);
      const problems = mergeProblems(date.problem ? [date.problem] : [], when.problems, parsed.success ? [] : problemsOf(parsed.error).map(named(data)));
      // Keep what was typed whatever happens next.
      await draftStore.save(db, draftId, { state: 'saved', data: { ...data }, now });
      if (problems.length > 0 || !parsed.success || !when.at) throw new ValidationError(problems);
      const input = parsed.data;
      const receivedAt = when.at;
      const contactId = randomUUID();
      const childIds = input.children.map((c) => c.personId);
      const adultRecords = await people.visibleRecords(context, input.adults.map((a) => a.personId));
      const recorded = await people.recordOn(context, childIds, 'contact:record', 'contact.recorded', async (records, _streams, _now, tx) => {
        // Marked submitted in the same transaction, under the draft's lock: a double click records one contact.
        await draftStore.save(tx, draftId, { state: 'submitted', data: { ...data }, result: contactId, now });
        const notChildren = records.filter((r) => r.kind !== 'child');
        const hiddenAdults = input.adults.filter((a) => !adultRecords.has(a.personId));
        if (notChildren.length > 0 || hiddenAdults.length > 0) {
          throw new ValidationError([
            ...notChildren.map((r) => ({ field: 'people', message: `${fullName(r.details)} is not a child: add them as an adult` })),
            ...hiddenAdults.map(() => ({ field: 'people', message: 'One of the adults is a restricted record you cannot see: remove them' })),
          ]);
        }
        const contactData = {
          contactId,
          source: input.source,
          // Who referred, in the words the census counts (ReferralSource): src/domain/frontDoor/referrerAgencies.ts.
          referrerAgency: input.referrerAgency,
          referrer: { name: input.referrerName, organisation: input.referrerOrganisation, relationship: input.referrerRelationship, phone: input.referrerPhone },
          concerns: input.concerns,
          childIds,
          adults: input.adults.map((a) => ({ personId: a.personId, relationship: a.relationship, parent: a.parent === 'yes', consent: a.consent })),
          homeAuthority: input.homeAuthority,
        };
        return records.flatMap((record) => [
          { personId: record.id, type: 'contact.received', occurredAt: receivedAt, data: contactData },
          ...(input.source === 'hospital'
            ? [{ personId: record.id, type: 'cwd.hospital_referral_received', occurredAt: receivedAt, data: { contactId, outOfArea: true, homeAuthority: input.homeAuthority } }]
            : []),
        ]);
      });
      const records = await people.visibleRecords(context, childIds);
      const openCases = [...records.values()].filter((r) => r.allocatedWorkerId);
      const workers = new Map((await staff.members(openCases.map((r) => r.allocatedWorkerId as string))).map((m) => [m.id, m.displayName]));
      return {
        contactId,
        events: recorded,
        openCases: openCases.map((r) => ({ personId: r.id, name: fullName(r.details), worker: workers.get(r.allocatedWorkerId as string) ?? 'the allocated worker' })),
      };
    },

    /** Contacts awaiting a decision (oldest first) and those decided in the last week, for the front door. */
    async queue(context: RequestContext) {
      const now = clock.now();
      const awaiting = await frontDoorRepository.awaitingDecision(db, 200);
      const decided = await frontDoorRepository.decidedSince(db, new Date(now.getTime() - 7 * 86_400_000), 100);
      const all = [...awaiting, ...decided];
      const childIds = [...new Set(all.flatMap((c) => c.children.map((x) => x.personId)))];
      const visible = await people.visibleRecords(context, childIds);
      const open = await standards.openFor(childIds);
      const clockOf = (eventIds: Set<string>, ruleId: string) => open.find((o) => o.obligation.ruleId === ruleId && eventIds.has(o.obligation.startEventId));
      const view = (c: ContactWithChildren) => {
        const decision = clockOf(new Set(c.children.map((x) => x.eventId)), frontDoorRules.decision);
        return {
          contact: c,
          children: c.children.map((x) => {
            const record = visible.get(x.personId);
            return record ? { id: record.id, name: fullName(record.details), hearthId: record.hearthId, visible: true } : { id: x.personId, name: 'Restricted record', hearthId: null, visible: false };
          }),
          // Who referred a child the reader may not see says something about them: not shown.
          referrer: c.children.some((x) => visible.has(x.personId)) ? c.referrer : null,
          decisionDue: decision ? { deadline: decision.obligation.deadline, overdue: decision.state === 'overdue' } : null,
          openEnquiries: c.enquiries.filter((e) => !e.repliedAt).length,
        };
      };
      await audit.record(db, context, { action: 'contact.queue_viewed', details: { shown: all.map((c) => c.id), children: [...visible.keys()] } });
      return { awaiting: awaiting.map(view), decided: decided.map(view) };
    },

    /**
     * A contact with everything triage needs beside it (Duty Team (MASH) 2): each child's previous
     * contacts, who holds their case, and their chronology; the adults with their consent; the
     * MASH enquiries; the standards' clocks for the decision and each enquiry.
     */
    async contact(context: RequestContext, contactId: string) {
      const { contact, children } = await readContact(context, contactId);
      const adults = await people.visibleRecords(context, contact.adults.map((a) => a.personId));
      const previous = (await frontDoorRepository.about(db, children.map((c) => c.id))).filter((p) => p.id !== contact.id);
      const workerIds = children.map((c) => c.allocatedWorkerId).filter((id): id is string => Boolean(id));
      const [workers, teams] = await Promise.all([staff.members(workerIds), staff.teams()]);
      const eventIds = new Set(contact.children.map((c) => c.eventId));
      const obligations = (await Promise.all(children.map((c) => standards.forPerson(c.id)))).flat();
      const first = children[0];
      const firstStream = first ? await people.streamOf(first.id) : [];
      const enquiryEventIds = new Map(firstStream.filter((e) => e.type === 'mash_enquiry.started').map((e) => [e.id, String(e.data.enquiryId ?? e.id)]));
      const clockFor = (ruleIds: string[], startEvents: (id: string) => boolean) => {
        const found = obligations.find((o) => ruleIds.includes(o.obligation.ruleId) && startEvents(o.obligation.startEventId));
        return found ? { deadline: found.obligation.deadline, state: found.state } : null;
      };
      return {
        contact,
        children: children.map((record) => ({
          record,
          name: fullName(record.details),
          worker: workers.find((w) => w.id === record.allocatedWorkerId)?.displayName ?? null,
          team: teams.find((t) => t.id === record.allocatedTeamId)?.name ?? null,
          previous: previous.filter((p) => p.personId === record.id),
        })),
        adults: contact.adults.map((a) => {
          const record = adults.get(a.personId);
          return { ...a, name: record ? fullName(record.details) : 'Restricted record', visible: Boolean(record) };
        }),
        consented: parentsConsented(contact.adults),
        missingConsents: missingConsents(contact.adults.map((a) => ({ ...a, name: adults.get(a.personId) ? fullName(adults.get(a.personId)!.details) : 'Restricted record' }))),
        decisionClock: clockFor([frontDoorRules.decision], (id) => eventIds.has(id)),
        handOverClock: contact.homeAuthority ? clockFor([frontDoorRules.handOver], () => true) : null,
        enquiries: contact.enquiries.map((e) => ({
          ...e,
          clock: clockFor([frontDoorRules.red, frontDoorRules.amber], (id) => enquiryEventIds.get(id) === e.id),
        })),
        teams,
        may: {
          triage: rolesAllow(context.actor, 'contact:triage'),
          decide: rolesAllow(context.actor, 'threshold:decide'),
        },
      };
    },

    /** Each child's chronology beside the contact: their latest events, most recent first. */
    async chronologies(context: RequestContext, personIds: readonly string[]) {
      const result = new Map<string, RecordedEvent[]>();
      for (const id of personIds) result.set(id, (await people.history(context, id)).events.slice(0, 25));
      return result;
    },

    /**
     * Starts a MASH enquiry to a partner agency (Duty Team (MASH) 3), graded red (4 hours) or
     * amber (24 hours). Without the consent of every parent on the contact, only someone who may
     * decide threshold (the Duty Assistant Team Manager) may override it, with the rationale.
     */
    async startEnquiry(context: RequestContext, contactId: string, unchecked: Record<string, unknown>) {
      const input = checked(enquirySchema, unchecked);
      const contact = await frontDoorRepository.find(db, contactId);
      if (!contact) throw new NotFoundError('The contact');
      const consented = parentsConsented(contact.adults);
      if (!consented) {
        if (!rolesAllow(context.actor, 'threshold:decide')) {
          throw new ValidationError([{ field: 'overrideRationale', message: 'Not every parent has consented to information being shared: ask the Duty Assistant Team Manager to override consent, or record consent first' }]);
        }
        if (!input.overrideRationale) throw new ValidationError([{ field: 'overrideRationale', message: 'Not every parent has consented: enter why consent is being overridden' }]);
      }
      const enquiryId = randomUUID();
      await recordOnContact(context, contact, 'contact:triage', 'contact.enquiry_started', () => [
        {
          type: 'mash_enquiry.started',
          data: { contactId, enquiryId, agency: input.agency, grade: input.grade, consent: consented ? 'parents' : 'overridden', ...(consented ? {} : { overrideRationale: input.overrideRationale }) },
        },
      ]);
      return enquiryId;
    },

    /**
     * A parent's consent asked after the contact was recorded (Duty Team (MASH) 3: "Parental consent
     * (from both parents) will be obtained before a MASH Enquiry"), so that enquiries can go ahead
     * on it without an override.
     */
    async recordConsent(context: RequestContext, contactId: string, unchecked: Record<string, unknown>) {
      const input = checked(consentSchema, unchecked);
      const contact = await frontDoorRepository.find(db, contactId);
      if (!contact) throw new NotFoundError('The contact');
      const adult = contact.adults.find((a) => a.personId === input.adultId);
      if (!adult) throw new ValidationError([{ field: 'consent', message: 'That person is not on the contact' }]);
      await recordOnContact(context, contact, 'contact:triage', 'contact.consent_recorded', () => [{ type: 'contact.consent_recorded', data: { contactId, adultId: input.adultId, consent: input.consent } }]);
    },

    /** Records a partner agency's reply, which completes the enquiry (and meets its graded timescale). */
    async recordReply(context: RequestContext, contactId: string, enquiryId: string, unchecked: Record<string, unknown>) {
      const input = checked(replySchema, unchecked);
      const contact = await frontDoorRepository.find(db, contactId);
      const enquiry = contact?.enquiries.find((e) => e.id === enquiryId);
      if (!contact || !enquiry) throw new NotFoundError('The enquiry');
      if (enquiry.repliedAt) throw new ConflictError(`The reply from ${enquiry.agency} has already been recorded`);
      await recordOnContact(context, contact, 'contact:triage', 'contact.enquiry_replied', (_records, _now, _streams, current) => {
        // Again under the children's locks: two people recording the same reply at once.
        if (current.enquiries.find((e) => e.id === enquiryId)?.repliedAt) throw new ConflictError(`The reply from ${enquiry.agency} has already been recorded`);
        return [{ type: 'mash_enquiry.completed', data: { contactId, enquiryId, agency: enquiry.agency, reply: input.reply } }];
      });
    },

    /** The social worker's or referral co-ordinator's threshold recommendation (Duty Team (MASH) 4-5). */
    async recommend(context: RequestContext, contactId: string, unchecked: Record<string, unknown>) {
      const input = checked(recommendationSchema, unchecked);
      const contact = await frontDoorRepository.find(db, contactId);
      if (!contact) throw new NotFoundError('The contact');
      await recordOnContact(context, contact, 'contact:triage', 'contact.recommended', () => [{ type: 'threshold.recommended', data: { contactId, outcome: input.outcome, rationale: input.rationale } }]);
    },

    /**
     * The Duty Manager's threshold decision (Duty Team (MASH) 5-7; Child and Family Assessment 1):
     * what, who and why. For an assessment the child is allocated to the receiving team, whose
     * assistant team manager allocates a worker (unless their case is already open with a worker).
     * For an assessment or a strategy discussion, also the child's primary need as it looks now
     * (data.primaryNeed), which the CIN census needs while the assessment is under way (issue 10).
     */
    async decide(context: RequestContext, contactId: string, unchecked: Record<string, unknown>) {
      const input = checked(decisionSchema, unchecked);
      const contact = await frontDoorRepository.find(db, contactId);
      if (!contact) throw new NotFoundError('The contact');
      // The receiving team matters only for an assessment: a team left chosen for another outcome is ignored.
      const team = input.outcome === 'assessment' && input.teamId ? await staff.team(input.teamId) : null;
      if (input.outcome === 'assessment' && !team) throw new ValidationError([{ field: 'teamId', message: 'Select a team from the list' }]);
      const outcome: ThresholdOutcome = input.outcome;
      // The child's primary need as it looks at the referral (cin-census/rules.csv 8610), only for an
      // outcome that goes on to further action; one left chosen for another outcome is ignored. The
      // decision is one for the whole contact, so each child on it gets the same answer.
      const primaryNeed = outcomesNeedingPrimaryNeed.has(outcome) ? input.primaryNeed : null;
      await recordOnContact(context, contact, 'threshold:decide', 'contact.decided', (records, _now, streams) => {
        // The step-up procedure: a re-referral within 3 months of Early Help stepping up goes to assessment.
        if (outcome !== 'assessment' && outcome !== 'strategy_discussion') {
          const steppedUp = records.flatMap((r) => {
            const on = steppedUpWithinThreeMonths(streams.get(r.id) ?? [], contact.receivedAt);
            return on ? [`${fullName(r.details)}'s Early Help was stepped up to social care on ${formatDate(on)}`] : [];
          });
          if (steppedUp.length > 0) {
            throw new ValidationError([{ field: 'outcome', message: `${steppedUp.join('; ')}: a re-referral within 3 months goes to a Child and Family Assessment (Early Help step-up procedure). Choose an assessment or a strategy discussion` }]);
          }
        }
        return [
        {
          type: 'threshold.decided',
          data: {
            contactId,
            outcome,
            reason: input.reason,
            ...(input.adviceToReferrer ? { adviceToReferrer: input.adviceToReferrer } : {}),
            ...(team ? { teamId: team.id, teamName: team.name } : {}),
            ...(primaryNeed ? { primaryNeed } : {}),
          },
        },
        ...(team
          ? records
              .filter((r) => !r.allocatedWorkerId && r.allocatedTeamId !== team.id)
              .map((r) => ({ personId: r.id, type: personEvent.allocated, data: { workerId: null, workerName: null, teamId: team.id, teamName: team.name } }))
          : []),
        ];
      });
      return { outcome: labelOfOutcome(outcome) };
    },

    /** The hospital duty hand-over to the child's home authority (specialist-service-statement.txt 7.3.3). */
    async handOver(context: RequestContext, contactId: string, unchecked: Record<string, unknown>) {
      const input = checked(handOverSchema, unchecked);
      const contact = await frontDoorRepository.find(db, contactId);
      if (!contact) throw new NotFoundError('The contact');
      if (!contact.homeAuthority) throw new ValidationError([{ field: 'note', message: "Only a hospital referral for another authority's child is handed over" }]);
      if (contact.handedOverAt) throw new ConflictError('The referral has already been handed over');
      await recordOnContact(context, contact, 'contact:triage', 'contact.handed_over', () => [
        { type: 'cwd.hospital_referral_passed_on', data: { contactId, homeAuthority: contact.homeAuthority, note: input.note } },
      ]);
    },

    /**
     * Contacts in the last four weeks about these children (a worker's caseload, already read and
     * audited by the caller): issue 4, "A contact about a child who already has an open case
     * links to that case and alerts the allocated worker".
     */
    async recentContactsAbout(personIds: readonly string[]) {
      const since = new Date(clock.now().getTime() - 28 * 86_400_000);
      return frontDoorRepository.about(db, personIds, since);
    },
  };
}

/** Problems about a listed person named by who they are, not by their position in the list. */
function named(data: ContactDraftData) {
  return (p: Problem): Problem => {
    const adult = /^adults\.(\d+)\.(\w+)$/.exec(p.field);
    if (adult) {
      const personId = data.adults[Number(adult[1])]?.personId;
      return { field: `${adult[2]}-${personId}`, message: p.message };
    }
    if (p.field.startsWith('children')) return { field: 'people', message: p.message };
    return p;
  };
}

export type FrontDoorService = ReturnType<typeof frontDoorService>;

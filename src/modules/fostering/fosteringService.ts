import { z } from 'zod';
import { can, rolesAllow } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import { addMonths, londonDate } from '../../domain/calendar/localDate';
import {
  admDecisions, assessmentDueOn, checkKinds, checkOutcomes, enquiryInterests, enquirySources, householdRelationships, missingBeforeAssessment,
  qualifyingRoutes, recruitmentOf, recruitmentTypes, renewalState, reportNoticeDays, responseKinds, stageLabels, trainingCourses, type RecruitmentState, type Stage,
} from '../../domain/fostering/recruitment';
import { careTypeLabels, describeTerms, genderLabels } from '../../domain/fostering/terms';
import { fullName } from '../../domain/people/personDetails';
import { groupedBy } from '../../domain/records/events';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError } from '../../platform/errors';
import { optionalText, requiredText } from '../../platform/validation';
import { registerUnlessDuplicate, type PossibleDuplicate } from '../people/findOrRegister';
import type { PeopleService } from '../people/peopleService';
import { clocksOf } from '../standards/obligationViews';
import type { StandardsService } from '../standards/standardsService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { dateIn, instantOn, parseForm } from './fosteringForms';
import { stepRefusal } from './fosteringStepKit';
import { enquiryEvent, enquirySchema, fosteringAudit, fosteringSteps } from './fosteringSteps';

/** The standards a recruitment is held to (practice-standards.txt, Section 3 Family Placement 10 and 13). */
export const recruitmentRules = ['fostering.assessment', 'fostering.report-before-panel'] as const;

const open: Stage[] = ['enquiry', 'viability', 'temporarily_approved', 'application', 'assessment', 'awaiting_panel', 'awaiting_decision', 'qualifying_determination'];
const choices = { enquirySources, enquiryInterests, responseKinds, householdRelationships, checkKinds, checkOutcomes, trainingCourses, admDecisions, qualifyingRoutes };
const careTypeChoices = Object.entries(careTypeLabels).map(([value, text]) => ({ value, text }));
const genderChoices = Object.entries(genderLabels).map(([value, text]) => ({ value, text }));

const newEnquirySchema = enquirySchema.extend({
  givenNames: requiredText('Enter the enquirer’s given names', 100, 'Given names'),
  familyName: requiredText('Enter the enquirer’s family name', 100, 'Family name'),
  phone: optionalText(40, 'Telephone'),
  email: optionalText(200, 'Email'),
  confirmNotDuplicate: z.literal('yes').optional(),
});

/**
 * The Family Placement Team's recruitment of foster carers (practice-standards.txt, Section 3
 * "Family Placement (Fostering)" 1-20; specialist-service-statement.txt 7.4): the list of
 * enquiries and applications, a household's journey, and its steps (fosteringSteps.ts).
 */
export function fosteringService(db: Db, clock: Clock, people: PeopleService, standards: StandardsService, staff: StaffDirectory) {
  async function relatedChildren(context: RequestContext, personId: string) {
    const record = await people.record(context, personId);
    return (await people.currentRelationships(context, record)).filter((r) => r.person.kind === 'child' && r.person.visible).map((r) => ({ id: r.person.id, name: r.person.name, dateOfBirth: r.person.dateOfBirth, relationship: r.label }));
  }
  /** The Family Placement Team's readers, and the panel's and decision maker's members who record on a household's page. */
  const mustRead = (context: RequestContext, orPanel = false) => {
    const allowed = rolesAllow(context.actor, 'fostering:read') || (orPanel && (rolesAllow(context.actor, 'fostering_panel:record') || rolesAllow(context.actor, 'adm:decide')));
    if (!allowed) throw new ForbiddenError('You do not have permission to see the Family Placement Team’s records');
  };
  const familyPlacementTeams = async () => (await staff.teams()).filter((t) => t.specialism === 'family-placement');

  return {
    ...fosteringSteps(people, staff, relatedChildren),

    /** Enquiries and applications in progress, and those decided or closed in the last year (Family Placement 1, 9-10). */
    async list(context: RequestContext) {
      mustRead(context);
      const today = londonDate(clock.now());
      const latest = await people.latestOfTypesForAll(recruitmentTypes);
      const visible = await people.visibleRecords(context, latest.map((e) => e.personId));
      const byPerson = groupedBy(await people.ofTypesFor([...visible.keys()], recruitmentTypes), (e) => e.personId);
      const rows = [...visible.values()].map((record) => {
        const s = recruitmentOf(byPerson.get(record.id) ?? [], fullName(record.details));
        const due = s.application && ['application', 'assessment'].includes(s.stage) ? assessmentDueOn(s.application.on) : null;
        const lastFeedback = s.feedback.at(-1)?.on ?? null;
        return {
          personId: record.id, name: fullName(record.details), hearthId: record.hearthId, stage: s.stage, stageLabel: stageLabels[s.stage],
          kind: s.application?.kind ?? (s.enquiry?.interest === 'connected_person' || s.viability.length > 0 ? 'connected_person' : 'mainstream'),
          enquiryOn: s.enquiry?.on ?? null, applicationOn: s.application?.on ?? null, assessmentDue: due, overdue: Boolean(due && due < today),
          worker: s.assessingWorker?.workerName ?? null, panelOn: s.invitation?.panelOn ?? null, lastFeedback,
          temporaryUntil: s.temporary && !s.ended ? s.temporary.expiresOn : null,
          lastOn: (byPerson.get(record.id) ?? []).at(-1)?.occurredAt ?? null,
          // When it was decided or closed: the approval, the final decision, the withdrawal or the enquiry's closing.
          closedOn: ({ approved: s.approval?.on, not_approved: s.decision?.on, withdrawn: s.withdrawn?.on, enquiry_closed: s.enquiryClosed?.on, approval_ended: s.ended?.on } as Partial<Record<Stage, string>>)[s.stage] ?? null,
        };
      });
      const yearAgo = addMonths(today, -12);
      await audit.record(db, context, { action: 'fostering.list_viewed', details: { shown: rows.map((r) => r.personId) } });
      const by = (stages: Stage[]) => rows.filter((r) => stages.includes(r.stage)).sort((a, b) => (a.assessmentDue ?? a.enquiryOn ?? '').localeCompare(b.assessmentDue ?? b.enquiryOn ?? ''));
      return {
        today,
        enquiries: by(['enquiry']),
        applications: by(['application', 'assessment', 'awaiting_panel', 'awaiting_decision', 'qualifying_determination']),
        // Connected persons being considered or temporarily approved (a temporarily approved carer being fully assessed is under applications too).
        connected: rows.filter((r) => r.stage === 'viability' || r.stage === 'temporarily_approved' || r.temporaryUntil !== null).sort((a, b) => (a.temporaryUntil ?? '9999').localeCompare(b.temporaryUntil ?? '9999')),
        closed: rows.filter((r) => !open.includes(r.stage) && r.closedOn && r.closedOn >= yearAgo).sort((a, b) => b.closedOn!.localeCompare(a.closedOn!)),
        hidden: latest.length - visible.size,
        may: { enquire: rolesAllow(context.actor, 'child:create') },
        choices,
      };
    },

    /** A household's recruitment, for its page. */
    async view(context: RequestContext, personId: string) {
      try {
        mustRead(context, true);
      } catch (error) {
        // A refused read is audited like any other (DESIGN.md, Records and data protection).
        await audit.record(db, context, { action: 'child.viewed', outcome: 'denied', personId, details: { for: context.path, needs: 'fostering:read' } });
        throw error;
      }
      const record = await people.record(context, personId);
      const stream = await people.streamOf(personId);
      const name = fullName(record.details);
      const s: RecruitmentState = recruitmentOf(stream, name);
      const today = londonDate(clock.now());
      const obligations = await standards.forPerson(personId);
      const children = await relatedChildren(context, personId);
      const teams = await familyPlacementTeams();
      const members = (await Promise.all(teams.map((t) => staff.membersOf(t.id)))).flat().filter((m) => m.active);
      const nameOf = (id: string) => children.find((c) => c.id === id)?.name ?? 'a named child';
      const terms = (t: Parameters<typeof describeTerms>[0] | null | undefined) => (t ? describeTerms(t, nameOf) : null);
      // The forms shown are those the steps would accept from this reader (fosteringStepKit.ts).
      const mayStep = (permission: Permission) => can(context.actor, permission, record) && stepRefusal(context, permission, record) === null;
      const may = {
        work: mayStep('work:record'),
        allocate: mayStep('child:allocate'),
        panel: mayStep('fostering_panel:record'),
        decide: mayStep('adm:decide'),
        signOff: mayStep('assessment:sign_off'),
      };
      return {
        record, name, today, s, stageLabel: stageLabels[s.stage],
        clocks: clocksOf(obligations, recruitmentRules),
        assessmentDue: s.application ? assessmentDueOn(s.application.on) : null,
        missing: s.application && !s.assessment ? missingBeforeAssessment(s) : [],
        checks: s.checks.map((c) => ({ ...c, memberName: s.household.find((m) => m.memberId === c.memberId)?.name ?? '', checkText: checkKinds.find((k) => k.value === c.check)?.text ?? c.check, outcomeText: checkOutcomes.find((o) => o.value === c.outcome)?.text ?? c.outcome, renewal: renewalState(c, today) })),
        reportLate: Boolean(s.reportShared && s.invitation && reportNoticeDays(s.reportShared.on, s.invitation.panelOn) < 14),
        reportNotice: s.reportShared && s.invitation ? reportNoticeDays(s.reportShared.on, s.invitation.panelOn) : null,
        termsText: { assessment: terms(s.assessment?.terms), panel: terms(s.panel?.terms), decision: terms(s.decision?.terms), approval: terms(s.approval?.terms), agreement: terms(s.agreement?.terms) },
        children,
        workers: members.filter((m) => m.roles.some((r) => r === 'social-worker' || r === 'team-manager' || r === 'assistant-team-manager')).map((m) => ({ value: m.id, text: m.displayName })),
        choices, careTypeChoices, genderChoices,
        may,
      };
    },

    /**
     * A new enquiry from someone not yet in Hearth (Family Placement 1): their record is added as
     * an adult, allocated to the Family Placement Team (7.4.3: the Team Manager decides who
     * answers it), and the enquiry written on it. A likely duplicate is shown first.
     */
    async newEnquiry(context: RequestContext, body: Record<string, unknown>): Promise<{ outcome: 'recorded'; personId: string } | { outcome: 'possible-duplicates'; duplicates: PossibleDuplicate[] }> {
      mustRead(context);
      const now = clock.now();
      const on = dateIn(body, 'enquiryOn', 'Date of the enquiry', now);
      const born = dateIn(body, 'dateOfBirth', 'Date of birth', now, { required: false });
      const d = parseForm(newEnquirySchema, body, born, on);
      // Registration checks the details' own rules (an adult's date of birth, a telephone number) and finds likely duplicates by name and date of birth.
      const result = await registerUnlessDuplicate(people, context, { kind: 'adult', givenNames: d.givenNames, familyName: d.familyName, dateOfBirth: born.value, phone: d.phone, email: d.email }, Boolean(d.confirmNotDuplicate));
      if (result.outcome === 'possible-duplicates') return result;
      const teams = await familyPlacementTeams();
      const team = teams.find((t) => context.actor.teamIds.includes(t.id)) ?? teams[0];
      const personId = result.record.id;
      await people.recordOn(context, [personId], 'work:record', fosteringAudit.recorded, () => [
        { personId, ...enquiryEvent(d, instantOn(on.value!, now)) },
        ...(team ? [{ personId, type: 'child.allocated', occurredAt: now, data: { workerId: null, workerName: null, teamId: team.id, teamName: team.name } }] : []),
      ]);
      return { outcome: 'recorded', personId };
    },

    /** The form's choices, for the new enquiry page. */
    enquiryChoices(context: RequestContext) {
      mustRead(context);
      if (!rolesAllow(context.actor, 'child:create')) throw new ForbiddenError('You do not have permission to add people');
      return { choices };
    },
  };
}

export type FosteringService = ReturnType<typeof fosteringService>;

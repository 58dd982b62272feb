import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ageOn, londonDate } from '../../domain/calendar/localDate';
import { assessmentDueOn, checkKinds, checkOutcomes, defaultRenewal, fosteringEvent, householdRelationships, missingBeforeAssessment, responseKinds, trainingCourses, type CheckKind } from '../../domain/fostering/recruitment';
import { describeTerms } from '../../domain/fostering/terms';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { choiceValues, labelOf, optionalText, requiredText } from '../../platform/validation';
import { formatDate } from '../../platform/views/filters';
import type { StaffDirectory } from '../staff/staffDirectory';
import { dateIn, instantOn, notBeforeDay, parseForm, refuse, termsFromForm } from './fosteringForms';
import { fosteringAudit, inProgress, yesNoChoice, enquiryEvent, enquirySchema, type StepKit, type RelatedChildren } from './fosteringStepKit';

/** From the enquiry to the completed assessment (Family Placement 1-10). */
export function applicationSteps(kit: StepKit, staff: StaffDirectory, relatedChildren: RelatedChildren) {
  const { step, work, needsApplication, allocationTo } = kit;
  return {
    /** An enquiry on a record already in Hearth (Family Placement 1). */
    enquiry(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'enquiryOn', 'Date of the enquiry', now);
        const d = parseForm(enquirySchema, body, on);
        if (inProgress.has(s.stage) || s.stage === 'enquiry') refuse('source', `There is already an open ${s.stage === 'enquiry' ? 'enquiry' : 'application'} on this record`);
        return [enquiryEvent(d, instantOn(on.value!, now))];
      });
    },

    respond(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'respondOn', 'Date of the response', now);
        const d = parseForm(z.object({ how: z.enum(choiceValues(responseKinds), { error: 'Select how the enquiry was answered' }), respondSummary: optionalText(2000, 'What was discussed') }), body, on);
        if (!s.enquiry) refuse('how', 'Record the enquiry first');
        notBeforeDay(on.value!, s.enquiry!.on, 'respondOn', 'The response');
        return [{ type: fosteringEvent.enquiryResponded, occurredAt: instantOn(on.value!, now), data: { how: d.how, summary: `${labelOf(responseKinds, d.how)}${d.respondSummary ? `: ${d.respondSummary}` : ''}` } }];
      });
    },

    closeEnquiry(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const d = parseForm(z.object({ closeReason: requiredText('Enter why the enquiry is closed, for example "decided not to apply for now"', 1000, 'Why the enquiry is closed') }), body);
        if (s.stage !== 'enquiry') refuse('closeReason', 'There is no open enquiry to close');
        return [{ type: fosteringEvent.enquiryClosed, occurredAt: now, data: { reason: d.closeReason, summary: `Enquiry closed: ${d.closeReason}` } }];
      });
    },

    /** A member of the household (Family Placement 6): children, and adult children living elsewhere, included. */
    addMember(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (_s, now) => {
        const dob = dateIn(body, 'memberDob', 'Date of birth', now, { required: false });
        const d = parseForm(z.object({
          memberName: requiredText('Enter the household member’s full name', 200, 'Name'),
          relationship: z.enum(choiceValues(householdRelationships), { error: 'Select who they are in the household' }),
        }), body, dob);
        const kind = householdRelationships.find((r) => r.value === d.relationship)!;
        if (dob.value && kind.adult !== (ageOn(dob.value, londonDate(now)) >= 18)) refuse('memberDob', kind.adult ? 'This is someone under 18: choose a child’s relationship, or check the date of birth' : 'This is someone 18 or over: choose an adult’s relationship, or check the date of birth');
        return [{ type: fosteringEvent.householdMemberAdded, occurredAt: now, data: { memberId: randomUUID(), name: d.memberName, relationship: d.relationship, dateOfBirth: dob.value, summary: `${d.memberName} added to the fostering household: ${kind.text}` } }];
      });
    },

    involveMember(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'involvedOn', 'Date', now);
        const d = parseForm(z.object({ memberId: z.string({ error: 'Select the household member' }).min(1, 'Select the household member'), involvedHow: requiredText('Enter how they were involved, for example "seen alone at home; their views recorded"', 2000, 'How they were involved') }), body, on);
        const member = s.household.find((m) => m.memberId === d.memberId) ?? refuse('memberId', 'Select the household member from the list');
        return [{ type: fosteringEvent.memberInvolved, occurredAt: instantOn(on.value!, now), data: { memberId: member.memberId, how: d.involvedHow, summary: `${member.name} involved in the assessment: ${d.involvedHow}` } }];
      });
    },

    /** The completed application form: the 6 months of Family Placement 10 start here. */
    async completeApplication(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const children = await relatedChildren(context, personId);
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'applicationOn', 'Date the completed application was received', now);
        const d = parseForm(z.object({
          applicationKind: z.enum(['mainstream', 'connected_person'], { error: 'Select the kind of application' }),
          childIds: z.preprocess((v) => (v === undefined || v === '' ? [] : [v].flat()), z.array(z.string())),
        }), body, on);
        if (inProgress.has(s.stage)) refuse('applicationKind', 'There is already an application in progress on this record');
        if (s.stage === 'approved') refuse('applicationKind', 'They are already an approved foster carer: a change of terms is made on their foster carer record');
        const named = d.childIds.map((id) => children.find((c) => c.id === id) ?? refuse('childIds', 'Select children from their relationships'));
        if (d.applicationKind === 'connected_person' && named.length === 0) refuse('childIds', 'Select the child or children they are applying to care for');
        const household = s.household.map((m) => ({ name: m.name, relationship: m.relationship }));
        return [{
          type: fosteringEvent.applicationCompleted,
          occurredAt: instantOn(on.value!, now),
          data: { kind: d.applicationKind, childIds: named.map((c) => c.id), household, summary: `Completed application to foster (${d.applicationKind === 'connected_person' ? `connected person, for ${named.map((c) => c.name).join(' and ')}` : 'mainstream'}); household of ${household.length}` },
        }];
      });
    },

    withdraw(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const d = parseForm(z.object({ withdrawReason: requiredText('Enter why the application is withdrawn or closed', 1000, 'Why') }), body);
        needsApplication(s, 'withdrawReason');
        return [{ type: fosteringEvent.applicationWithdrawn, occurredAt: now, data: { reason: d.withdrawReason, summary: `Application withdrawn or closed: ${d.withdrawReason}` } }];
      });
    },

    /**
     * The Team Manager allocates the assessment (specialist-service-statement.txt 7.4.3) to a
     * qualified social worker; a worker of limited experience is overseen by an experienced
     * practitioner or manager (Family Placement 5). The record is allocated to the worker too, checked
     * against their caseload limit like any allocation (issue 12): beyond it, only with the manager's
     * reason (people.allocationTo).
     */
    async allocateWorker(context: RequestContext, personId: string, body: Record<string, unknown>) {
      const teams = (await staff.teams()).filter((t) => t.specialism === 'family-placement');
      const members = (await Promise.all(teams.map((t) => staff.membersOf(t.id)))).flat().filter((m) => m.active);
      return step(context, personId, 'child:allocate', fosteringAudit.recorded, async (s, now, _record, _stream, tx) => {
        const d = parseForm(z.object({
          workerId: z.string({ error: 'Select the assessing social worker' }).min(1, 'Select the assessing social worker'),
          limitedExperience: yesNoChoice('Select whether the assessing social worker has limited experience of family placement work'),
          overseerId: optionalText(64, 'Overseen by'),
        }), body);
        needsApplication(s, 'workerId');
        const worker = members.find((m) => m.id === d.workerId && m.roles.some((r) => r === 'social-worker' || r === 'team-manager' || r === 'assistant-team-manager')) ?? refuse('workerId', 'Select a social worker of the Family Placement Team');
        const overseer = d.overseerId ? (members.find((m) => m.id === d.overseerId && m.id !== worker.id) ?? refuse('overseerId', 'Select an experienced practitioner or manager of the Family Placement Team, not the assessing worker')) : null;
        if (d.limitedExperience === 'yes' && !overseer) refuse('overseerId', 'Select who oversees the assessment: a worker with limited experience is overseen by an experienced practitioner or manager (Family Placement 5)');
        const team = teams.find((t) => worker.teamIds.includes(t.id))!;
        return [
          { type: fosteringEvent.assessingWorkerAllocated, occurredAt: now, data: { workerId: worker.id, workerName: worker.displayName, overseerId: overseer?.id ?? null, overseerName: overseer?.displayName ?? null, limitedExperience: d.limitedExperience === 'yes', summary: `Assessing social worker: ${worker.displayName}${overseer ? `, overseen by ${overseer.displayName}` : ''}` } },
          await allocationTo(tx, now, { personId, worker, team, overLimitReason: body.overLimitReason }),
        ];
      });
    },

    /** A statutory check with its date and renewal date (Family Placement 8). */
    recordCheck(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'checkOn', 'Date the check was completed', now);
        const renew = dateIn(body, 'renewOn', 'Renewal date', now, { required: false, future: true });
        const d = parseForm(z.object({
          checkMemberId: z.string({ error: 'Select whose check it is' }).min(1, 'Select whose check it is'),
          check: z.enum(choiceValues(checkKinds), { error: 'Select the check' }),
          checkOutcome: z.enum(choiceValues(checkOutcomes), { error: 'Select the result of the check' }),
          checkNotes: optionalText(2000, 'Notes'),
        }), body, on, renew);
        needsApplication(s, 'check');
        const member = s.household.find((m) => m.memberId === d.checkMemberId) ?? refuse('checkMemberId', 'Select a member of the household from the list');
        if (d.check === 'dbs' && !(member.adult && member.inHousehold)) refuse('checkMemberId', 'A DBS check is for the adults living in the household');
        if (d.check !== 'dbs' && !member.applicant) refuse('checkMemberId', `${labelOf(checkKinds, d.check)} is for the applicants: ${member.name} is not an applicant`);
        if (d.checkOutcome === 'information_to_consider' && !d.checkNotes) refuse('checkNotes', 'Enter what the check showed, for the assessment to consider');
        const renewOn = renew.value ?? defaultRenewal(d.check as CheckKind, on.value!);
        return [{ type: fosteringEvent.checkRecorded, occurredAt: instantOn(on.value!, now), data: { memberId: member.memberId, memberName: member.name, check: d.check, completedOn: on.value, outcome: d.checkOutcome, renewOn, notes: d.checkNotes, summary: `${labelOf(checkKinds, d.check)} for ${member.name}: ${labelOf(checkOutcomes, d.checkOutcome).toLowerCase()}${renewOn ? `; renew by ${formatDate(renewOn)}` : ''}` } }];
      });
    },

    /** Preparation training attended (Family Placement 7). */
    training(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'trainingOn', 'Date of the training', now);
        const d = parseForm(z.object({
          course: z.enum(choiceValues(trainingCourses), { error: 'Select the training' }),
          attendees: z.preprocess((v) => (v === undefined || v === '' ? [] : [v].flat()), z.array(z.string()).min(1, 'Select who attended')),
        }), body, on);
        const who = d.attendees.map((id) => s.household.find((m) => m.memberId === id && m.adult) ?? refuse('attendees', 'Select adults of the household'));
        return [{ type: fosteringEvent.trainingAttended, occurredAt: instantOn(on.value!, now), data: { course: d.course, attendees: who.map((m) => m.name), summary: `${labelOf(trainingCourses, d.course)} attended by ${who.map((m) => m.name).join(' and ')}` } }];
      });
    },

    /** Feedback to the applicant on their application's progress, with the work needed (Family Placement 9). */
    feedback(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'feedbackOn', 'Date the applicant was told', now);
        const d = parseForm(z.object({ feedbackSummary: requiredText('Enter what the applicant was told about their progress', 3000, 'Progress'), workNeeded: optionalText(3000, 'Work still needed') }), body, on);
        const application = needsApplication(s, 'feedbackSummary');
        notBeforeDay(on.value!, application.on, 'feedbackOn', 'Feedback on the application');
        return [{ type: fosteringEvent.progressFeedback, occurredAt: instantOn(on.value!, now), data: { summary: d.feedbackSummary, workNeeded: d.workNeeded } }];
      });
    },

    /** The assessment (Form F) completed: within 6 months of the completed application, or late with the reason (Family Placement 10). */
    completeAssessment(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now, record) => {
        const on = dateIn(body, 'assessmentOn', 'Date the assessment was completed', now);
        const d = parseForm(z.object({
          assessmentRecommendation: z.enum(['approve', 'not_approve'], { error: 'Select the assessing social worker’s recommendation' }),
          assessmentSummary: requiredText('Enter a summary of the assessment', 5000, 'Summary'),
          lateReason: optionalText(2000, 'Why it took longer than 6 months'),
        }), body, on);
        const application = needsApplication(s, 'assessmentRecommendation');
        if (s.assessment) refuse('assessmentRecommendation', 'The assessment is already complete: share the report and take it to the Fostering Panel');
        const missing = missingBeforeAssessment(s);
        if (missing.length > 0) refuse('assessmentRecommendation', `Before the assessment is complete: ${missing.join('; ')}`);
        notBeforeDay(on.value!, application.on, 'assessmentOn', 'The assessment');
        const due = assessmentDueOn(application.on);
        if (on.value! > due && !d.lateReason) refuse('lateReason', `The assessment was due by ${formatDate(due)} (6 months from the completed application): enter the unforeseen circumstances that delayed it (Family Placement 10)`);
        const t = d.assessmentRecommendation === 'approve' ? termsFromForm(body, application.kind === 'connected_person' ? application.childIds : undefined) : { terms: null, problems: [] };
        if (t.problems.length > 0) refuse(t.problems[0]!.field, t.problems[0]!.message);
        return [{ type: fosteringEvent.assessmentCompleted, occurredAt: instantOn(on.value!, now), data: { recommendation: d.assessmentRecommendation, terms: t.terms, summary: `Assessment of ${fullName(record.details)} completed: ${d.assessmentRecommendation === 'approve' ? `recommends approval (${describeTerms(t.terms!)})` : 'does not recommend approval'}. ${d.assessmentSummary}`, ...(d.lateReason ? { lateReason: d.lateReason } : {}) } }];
      });
    },

  };
}

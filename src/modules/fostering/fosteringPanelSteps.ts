import { z } from 'zod';
import { addDays, londonDate } from '../../domain/calendar/localDate';
import { admDecisions, approvalRefusal, fosteringEvent, qualifyingDeterminationDays, qualifyingRoutes, type RecruitmentState } from '../../domain/fostering/recruitment';
import { describeTerms, type Terms } from '../../domain/fostering/terms';
import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { choiceValues, labelOf, optionalText, requiredText } from '../../platform/validation';
import { formatDate } from '../../platform/views/filters';
import { dateIn, instantOn, notBeforeDay, parseForm, refuse, termsFromForm } from './fosteringForms';
import { fosteringAudit, yes, yesNoChoice, type StepKit } from './fosteringStepKit';

/**
 * The agency decision maker decides on what came before: not before the panel's recommendation (or
 * its reconsideration), the qualifying determination, the applicant's response, or the IRM panel's
 * recommendation (Family Placement 15-16).
 */
function decidedAfter(s: RecruitmentState, on: string): void {
  if (s.irm) notBeforeDay(on, s.irm.on, 'decisionOn', 'The decision', 'the Independent Review Mechanism panel’s recommendation');
  if (s.qualifyingResponse) notBeforeDay(on, s.qualifyingResponse.on, 'decisionOn', 'The decision', 'the applicant’s response to the qualifying determination');
  if (s.decision) notBeforeDay(on, s.decision.on, 'decisionOn', 'The decision', 'the qualifying determination');
  if (s.panel) notBeforeDay(on, s.panel.on, 'decisionOn', 'The decision', 'the Fostering Panel’s recommendation');
}

/** The report, the Fostering Panel, the agency decision maker and the Foster Care Agreement (Family Placement 11-19). */
export function panelSteps(kit: StepKit) {
  const { step, work, needsApplication } = kit;
  return {
    /**
     * The Team Manager quality assures and signs off the assessment before it goes to the
     * Fostering Panel (specialist-service-statement.txt 7.4.3): a manager of the team, not its author.
     */
    signOff(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'assessment:sign_off', fosteringAudit.recorded, (s, now) => {
        const d = parseForm(z.object({ signOffComments: optionalText(3000, 'Comments') }), body);
        if (!s.assessment) refuse('signOffComments', 'There is no completed assessment to sign off');
        if (s.signedOff) refuse('signOffComments', 'The assessment has already been signed off');
        if (s.assessment!.byId === context.actor.userId) refuse('signOffComments', 'You completed this assessment: another manager signs it off');
        return [{ type: fosteringEvent.assessmentSignedOff, occurredAt: now, data: { comments: d.signOffComments, summary: `Assessment quality assured and signed off for the Fostering Panel${d.signOffComments ? `: ${d.signOffComments}` : ''}` } }];
      });
    },

    /** The report given to the applicant to read, correct and add to (Family Placement 12-13). */
    shareReport(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'sharedOn', 'Date the report was given to the applicant', now);
        parseForm(z.object({}), body, on);
        if (!s.assessment) refuse('sharedOn', 'Complete the assessment before sharing its report');
        notBeforeDay(on.value!, s.assessment!.on, 'sharedOn', 'Sharing the report');
        return [{ type: fosteringEvent.reportShared, occurredAt: instantOn(on.value!, now), data: { about: 'assessment', summary: 'Assessment report given to the applicant to read, correct and add to, before the Fostering Panel' } }];
      });
    },

    comments(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'commentsOn', 'Date the comments were received', now);
        const d = parseForm(z.object({ applicantComments: requiredText('Enter the applicant’s comments, corrections or additions', 5000, 'Comments') }), body, on);
        if (!s.reportShared || !s.assessment || s.reportShared.at < s.assessment.at) refuse('applicantComments', 'Share the assessment report with the applicant first');
        notBeforeDay(on.value!, s.reportShared!.on, 'commentsOn', 'The applicant’s comments', 'the report was shared with them');
        return [{ type: fosteringEvent.applicantComments, occurredAt: instantOn(on.value!, now), data: { comments: d.applicantComments, summary: `Applicant’s comments on the report: ${d.applicantComments}` } }];
      });
    },

    /** The invitation to attend the panel, with a supporter if they wish (Family Placement 14). */
    invite(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const panel = dateIn(body, 'panelDate', 'Date of the Fostering Panel', now, { future: true });
        const d = parseForm(z.object({ supporter: yes.optional() }), body, panel);
        if (!s.assessment) refuse('panelDate', 'Complete the assessment before inviting the applicant to the panel');
        if (!d.supporter) refuse('supporter', 'Tell the applicant they can bring a supporter, and tick the box (Family Placement 14)');
        const warning = s.reportShared && s.reportShared.at >= s.assessment!.at && addDays(s.reportShared.on, 14) > panel.value! ? ' The report was shared less than two weeks before this panel.' : '';
        return [{ type: fosteringEvent.panelInvitation, occurredAt: now, data: { panelOn: panel.value, supporter: true, summary: `Invited to attend the Fostering Panel on ${formatDate(panel.value!)}, with a supporter if they wish.${warning}` } }];
      });
    },

    /** The Fostering Panel's recommendation (Family Placement 11-14): only on a completed assessment whose report the applicant has had. */
    panel(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'fostering_panel:record', fosteringAudit.panel, (s, now) => {
        const on = dateIn(body, 'panelOn', 'Date of the panel', now);
        const d = parseForm(z.object({
          panelRecommendation: z.enum(['approve', 'not_approve', 'defer'], { error: 'Select the panel’s recommendation' }),
          attended: yesNoChoice('Select whether the applicant attended the panel'),
          panelReasons: requiredText('Enter the panel’s reasons for its recommendation', 5000, 'Reasons'),
        }), body, on);
        const application = needsApplication(s, 'panelRecommendation');
        if (!s.assessment) refuse('panelRecommendation', 'The panel considers a completed assessment: complete the assessment first');
        if (!s.signedOff) refuse('panelRecommendation', 'The Team Manager signs off the assessment before the panel considers it (specialist-service-statement.txt 7.4.3)');
        if (!s.reportShared || s.reportShared.at < s.assessment!.at) refuse('panelRecommendation', 'The applicant must have the assessment report before the panel makes a recommendation (Family Placement 12): record that it was shared first');
        notBeforeDay(on.value!, s.reportShared!.on, 'panelOn', 'The panel');
        if (s.decision && s.decision.decision !== 'qualifying_determination') refuse('panelRecommendation', 'The agency decision maker has already decided on this application');
        const t = d.panelRecommendation === 'approve' ? termsFromForm(body, application.kind === 'connected_person' ? application.childIds : undefined) : { terms: null, problems: [] };
        if (t.problems.length > 0) refuse(t.problems[0]!.field, t.problems[0]!.message);
        const notice = Math.round((Date.parse(on.value!) - Date.parse(s.reportShared!.on)) / 86_400_000);
        return [{
          type: fosteringEvent.panelConsidered,
          occurredAt: instantOn(on.value!, now),
          data: {
            about: 'application', recommendation: d.panelRecommendation, terms: t.terms, attended: d.attended === 'yes', reasons: d.panelReasons, reportNoticeDays: notice,
            summary: `Fostering Panel recommended: ${labelOf([{ value: 'approve', text: `approve (${t.terms ? describeTerms(t.terms) : ''})` }, { value: 'not_approve', text: 'do not approve' }, { value: 'defer', text: 'defer for more information' }], d.panelRecommendation)}. ${d.attended === 'yes' ? 'The applicant attended.' : 'The applicant did not attend.'}`,
          },
        }];
      });
    },

    /**
     * The agency decision maker's decision (Family Placement 15-16). An approval needs the
     * panel's recommendation and writes `fostering.carer_approved` with the terms; a proposal not
     * to approve is a qualifying determination with 28 days to respond.
     */
    admDecision(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return step(context, personId, 'adm:decide', fosteringAudit.decision, (s, now, record) => {
        const on = dateIn(body, 'decisionOn', 'Date of the decision', now);
        const d = parseForm(z.object({
          decision: z.enum(choiceValues(admDecisions), { error: 'Select the decision' }),
          decisionReasons: requiredText('Enter the reasons for the decision: the applicant is given them (Family Placement 15)', 5000, 'Reasons'),
        }), body, on);
        const today = londonDate(now);
        const application = s.application;
        if (d.decision === 'approve') {
          const refusal = approvalRefusal(s, today);
          if (refusal) refuse('decision', refusal);
          decidedAfter(s, on.value!);
          const t = termsFromForm(body, application!.kind === 'connected_person' ? application!.childIds : undefined);
          if (t.problems.length > 0) refuse(t.problems[0]!.field, t.problems[0]!.message);
          const terms = t.terms as Terms;
          const at = instantOn(on.value!, now);
          const approvalKind = application!.kind === 'connected_person' ? 'connected_person' : 'mainstream';
          return [
            { type: fosteringEvent.admDecided, occurredAt: at, data: { decision: 'approve', terms, reasons: d.decisionReasons, panelOn: s.panel!.on, summary: `Agency decision maker approved ${fullName(record.details)} as a foster carer` } },
            { type: fosteringEvent.carerApproved, occurredAt: at, data: { terms, approvalKind, panelOn: s.panel!.on, decisionOn: on.value, summary: `Approved as a ${approvalKind === 'connected_person' ? 'connected person (family and friends) ' : ''}foster carer: ${describeTerms(terms)}` } },
          ];
        }
        if (!application || !s.panel || !s.assessment || s.panel.at < s.assessment.at || s.panel.recommendation === 'defer') refuse('decision', 'The agency decision maker decides on the Fostering Panel’s recommendation: record it first');
        if (d.decision === 'qualifying_determination') {
          if (s.decision) refuse('decision', 'A qualifying determination has already been given on this application');
          decidedAfter(s, on.value!);
          const responseBy = addDays(on.value!, qualifyingDeterminationDays);
          return [{ type: fosteringEvent.admDecided, occurredAt: instantOn(on.value!, now), data: { decision: 'qualifying_determination', reasons: d.decisionReasons, responseBy, summary: `Qualifying determination: the agency decision maker proposes not to approve. The applicant may make written representations or apply to the Independent Review Mechanism by ${formatDate(responseBy)}` } }];
        }
        // Not approved: only after a qualifying determination, once the applicant has had their 28 days or their response has been considered.
        if (s.decision?.decision !== 'qualifying_determination') refuse('decision', 'Give a qualifying determination first: the applicant has 28 days to make representations or apply to the IRM (Family Placement 16)');
        const response = s.qualifyingResponse;
        if (!response && today <= s.decision!.responseBy!) refuse('decision', `The applicant has until ${formatDate(s.decision!.responseBy!)} to make representations or apply to the IRM`);
        if (response?.route === 'irm' && !s.irm) refuse('decision', 'Record the Independent Review Mechanism panel’s recommendation first');
        if (response?.route === 'representations' && s.panel!.on < response.on) refuse('decision', 'Record the Fostering Panel’s reconsideration of the representations first');
        decidedAfter(s, on.value!);
        return [{ type: fosteringEvent.admDecided, occurredAt: instantOn(on.value!, now), data: { decision: 'not_approve', reasons: d.decisionReasons, summary: 'Agency decision maker’s final decision: not approved' } }];
      });
    },

    qualifyingResponse(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'responseOn', 'Date', now);
        const d = parseForm(z.object({ route: z.enum(choiceValues(qualifyingRoutes), { error: 'Select what the applicant did' }) }), body, on);
        if (s.decision?.decision !== 'qualifying_determination') refuse('route', 'There is no qualifying determination to respond to');
        if (s.qualifyingResponse) refuse('route', 'The applicant’s response is already recorded');
        notBeforeDay(on.value!, s.decision!.on, 'responseOn', 'The applicant’s response', 'the qualifying determination');
        if (d.route === 'none' && on.value! <= s.decision!.responseBy!) refuse('route', `The applicant has until ${formatDate(s.decision!.responseBy!)}: record “no response” after that date`);
        if (d.route !== 'none' && on.value! > s.decision!.responseBy!) refuse('responseOn', `Representations or an IRM application are made within 28 days, by ${formatDate(s.decision!.responseBy!)}`);
        return [{ type: fosteringEvent.qualifyingResponse, occurredAt: instantOn(on.value!, now), data: { route: d.route, summary: labelOf(qualifyingRoutes, d.route) } }];
      });
    },

    irm(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'irmOn', 'Date of the IRM panel', now);
        const d = parseForm(z.object({ irmRecommendation: z.enum(['approve', 'not_approve'], { error: 'Select the IRM panel’s recommendation' }) }), body, on);
        if (s.qualifyingResponse?.route !== 'irm') refuse('irmRecommendation', 'Record that the applicant applied to the Independent Review Mechanism first');
        notBeforeDay(on.value!, s.qualifyingResponse!.on, 'irmOn', 'The IRM panel’s recommendation', 'the application to the Independent Review Mechanism');
        return [{ type: fosteringEvent.irmRecommendation, occurredAt: instantOn(on.value!, now), data: { recommendation: d.irmRecommendation, summary: `Independent Review Mechanism panel recommended: ${d.irmRecommendation === 'approve' ? 'approve' : 'do not approve'}` } }];
      });
    },

    /** The Foster Care Agreement with the terms of approval, and the Handbook (Family Placement 17-19). */
    agreement(context: RequestContext, personId: string, body: Record<string, unknown>) {
      return work(context, personId, (s, now) => {
        const on = dateIn(body, 'agreementOn', 'Date the agreement was signed', now);
        const d = parseForm(z.object({ handbookGiven: yes.optional(), responsibilities: yes.optional() }), body, on);
        if (!s.approval || s.ended) refuse('agreementOn', 'A Foster Care Agreement follows approval: there is no approval in force');
        notBeforeDay(on.value!, s.approval!.on, 'agreementOn', 'The agreement');
        if (!d.responsibilities) refuse('responsibilities', 'Confirm the agreement sets out the carer’s and the Family Placement Team’s roles and responsibilities (Family Placement 17)');
        if (!d.handbookGiven) refuse('handbookGiven', 'Give the carer the Foster Carer Handbook and tick the box (Family Placement 19)');
        return [{ type: fosteringEvent.agreementSigned, occurredAt: instantOn(on.value!, now), data: { terms: s.approval!.terms, handbookGiven: true, summary: `Foster Care Agreement signed: ${describeTerms(s.approval!.terms)}` } }];
      });
    },

  };
}

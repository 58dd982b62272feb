import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assessmentOutcomes, scalingChart, type AssessmentContent } from '../../domain/assessment/signsOfSafety';
import type { Problem } from '../../domain/people/personDetails';
import { assessmentFactorGroups, assessmentFactors, noFactorsIdentified, primaryNeeds, recordedAssessmentFactors, textOf } from '../../domain/returns/cinCensus/cinWords';
import { ValidationError } from '../../platform/errors';
import { errorView, formBody, formList } from '../../platform/http/forms';
import { addPageSteps } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import { readDateInput } from '../../platform/validation';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { contentFromForm, signOffPrimaryNeeds, type AssessmentDraftData } from './assessmentSchemas';

const outcomeLabels = Object.fromEntries(assessmentOutcomes.map((o) => [o.value, o.text]));

/** The content as the pages show it: with its chart, and the outcome in words. */
export function contentView(content: AssessmentContent | null | undefined) {
  if (!content) return null;
  return { ...content, chart: scalingChart(content.scaling ?? []), recommendationText: outcomeLabels[content.recommendation] ?? '' };
}

/** The factors as the sign-off form groups them, each with its words; "No factors identified" apart, last. */
const factorGroups = assessmentFactorGroups.map((g) => ({ heading: g.heading, factors: g.values.map((value) => ({ value, text: textOf(assessmentFactors, value) })) }));
const noFactors = { value: noFactorsIdentified, text: textOf(assessmentFactors, noFactorsIdentified) };

/** What the census needs of a signed-off assessment, in words, for the page (issue 10). */
function censusView(completed: { primaryNeed: string | null; factors: string[] } | null | undefined) {
  if (!completed) return null;
  return {
    primaryNeed: completed.primaryNeed ? textOf(primaryNeeds, completed.primaryNeed) : null,
    factors: completed.factors.map((f) => textOf(recordedAssessmentFactors, f)),
  };
}

/**
 * The Child and Family Assessment's pages (practice-standards.txt, Section 2: Child and Family
 * Assessment): the overview with each step's clock, the assessment written as a draft, and the
 * manager's sign-off.
 */
export function assessmentRoutes(app: FastifyInstance, services: Services) {
  const { assessment } = services;

  async function overviewPage(request: FastifyRequest, extra: Record<string, unknown> = {}) {
    const view = await assessment.overview(contextOf(request), idParam(request));
    const workers = view.may.allocate ? await assessment.allocatable(view.record.allocatedTeamId) : [];
    // What a refused sign-off sent, so the page shows the same choices again.
    const sent = extra.form === 'signOff' ? formBody(extra.formValues) : {};
    return {
      pageTitle: `Child and Family Assessment: ${view.name}`,
      ...view,
      workers: workers.map((w) => ({ value: w.id, text: w.displayName })),
      content: contentView(view.state?.submission?.content),
      outcomes: assessmentOutcomes,
      outcomeLabels,
      census: censusView(view.state?.completed),
      signOffNeeds: signOffPrimaryNeeds,
      // The need the Duty Manager chose at the front door, chosen already on the sign-off (issue 10).
      frontDoorNeed: signOffPrimaryNeeds.find((w) => w.value === view.needAtReferral) ?? null,
      factorGroups,
      noFactors,
      chosenFactors: formList(sent, 'factors'),
      ...extra,
    };
  }

  async function documentPage(request: FastifyRequest, problems: Problem[] = [], values?: AssessmentDraftData, score: Record<string, unknown> = {}) {
    const { record, state, draft, data } = await assessment.draft(contextOf(request), idParam(request));
    const shown = values ?? data;
    return {
      pageTitle: 'Write the Child and Family Assessment',
      record,
      state,
      draft,
      values: { ...shown, dangerStatementsText: shown.dangerStatements.join('\n\n'), safetyGoalsText: shown.safetyGoals.join('\n\n') },
      chart: scalingChart(shown.scaling),
      score,
      outcomes: assessmentOutcomes,
      ...errorView(problems, ['scaleOn']),
    };
  }

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/assessment',
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => reply.page('assessment/views/assessment.njk', await overviewPage(request)),
  });

  addRoute(app, {
    method: 'GET',
    url: '/people/:id/assessment/document',
    permission: 'work:record',
    audit: 'child.viewed',
    handler: async (request, reply) => reply.page('assessment/views/assessmentDocument.njk', await documentPage(request)),
  });

  addRoute(app, {
    method: 'POST',
    url: '/people/:id/assessment/document',
    permission: 'work:record',
    audit: 'child.assessment_submitted',
    handler: async (request, reply) => {
      const context = contextOf(request);
      const personId = idParam(request);
      const body = formBody(request.body);
      if (body.action === 'autosave') {
        await assessment.autosave(context, personId, (previous) => contentFromForm(body, previous));
        return reply.code(204).send();
      }
      const { draft, data: previous } = await assessment.draft(context, personId);
      let data = contentFromForm(body, previous);
      const [action = 'save', index] = String(body.action ?? 'save').split(':');
      const again = async (problems: Problem[], score: Record<string, unknown> = {}) => reply.code(400).page('assessment/views/assessmentDocument.njk', await documentPage(request, problems, data, score));
      try {
        if (action === 'add-score') {
          const on = readDateInput(body, 'scaleOn', 'Date the score was given', false);
          const score = { scalePerson: body.scalePerson, scaleScore: body.scaleScore, scaleReason: body.scaleReason, 'scaleOn-day': body['scaleOn-day'], 'scaleOn-month': body['scaleOn-month'], 'scaleOn-year': body['scaleOn-year'] };
          if (on.problem) {
            await assessment.saveDraft(context, draft.id, data);
            return again([on.problem], score);
          }
          try {
            data = assessment.addScore(data, { person: String(body.scalePerson ?? ''), score: String(body.scaleScore ?? ''), on: on.value, reason: String(body.scaleReason ?? '') });
          } catch (error) {
            await assessment.saveDraft(context, draft.id, data);
            if (error instanceof ValidationError) return again(error.problems, score);
            throw error;
          }
        }
        if (action === 'remove-score') data = { ...data, scaling: data.scaling.filter((_s, i) => String(i) !== index) };
        await assessment.saveDraft(context, draft.id, data);
        if (action === 'submit') {
          await assessment.submit(context, personId, data);
          flash(request, data.sharedWithFamily === 'no' ? 'The assessment has been sent for sign-off. It was not shared with the family: the service manager has been alerted.' : 'The assessment has been sent for sign-off.', 'Sent for sign-off');
          return reply.redirect(`/people/${personId}/assessment`);
        }
      } catch (error) {
        if (error instanceof ValidationError) return again(error.problems);
        throw error;
      }
      if (action === 'save') flash(request, 'Your draft has been saved.', 'Draft saved');
      return reply.redirect(`/people/${personId}/assessment/document${action === 'save' ? '' : '#scaling'}`);
    },
  });

  // The overview page's forms: allocating a new assessment, and the manager's sign-off or return.
  addPageSteps(app, { template: 'assessment/views/assessment.njk', page: overviewPage, back: (request) => `/people/${idParam(request)}/assessment` }, [
    {
      url: '/people/:id/assessment/allocate',
      permission: 'child:allocate',
      audit: 'child.allocated',
      form: 'allocate',
      title: 'Allocated',
      run: async (request, body) => {
        await assessment.allocate(contextOf(request), idParam(request), body);
        return 'The assessment has been allocated: its timescales start now.';
      },
    },
    {
      url: '/people/:id/assessment/sign-off',
      permission: 'assessment:sign_off',
      audit: 'child.assessment_signed_off',
      form: 'signOff',
      run: async (request, body) => {
        await assessment.signOff(contextOf(request), idParam(request), body);
        return 'The assessment has been signed off.';
      },
    },
    {
      url: '/people/:id/assessment/return',
      permission: 'assessment:sign_off',
      audit: 'child.assessment_returned',
      form: 'returnForChanges',
      run: async (request, body) => {
        await assessment.returnForChanges(contextOf(request), idParam(request), body);
        return 'The assessment has been returned to the social worker with what needs to change.';
      },
    },
    {
      url: '/people/:id/assessment/extension',
      permission: 'work:record',
      audit: 'child.assessment_extension_requested',
      form: 'requestExtension',
      title: 'Extension asked for',
      run: async (request, body) => {
        await assessment.requestExtension(contextOf(request), idParam(request), body);
        return 'The extension has been asked for: the team manager will see it on My work.';
      },
    },
    {
      url: '/people/:id/assessment/extension/decision',
      permission: 'assessment:extend',
      audit: 'child.assessment_extension_decided',
      form: 'decideExtension',
      title: 'Extension decided',
      run: async (request, body) => {
        const [event] = await assessment.decideExtension(contextOf(request), idParam(request), body);
        return event?.type === 'assessment.extension_agreed'
          ? 'The extension has been agreed: the assessment must now be completed within 45 working days of the contact.'
          : 'The extension has been refused: the social worker has your reasons.';
      },
    },
  ]);
}

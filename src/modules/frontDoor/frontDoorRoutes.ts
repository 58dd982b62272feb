import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { fullName, type Problem } from '../../domain/people/personDetails';
import { ValidationError } from '../../platform/errors';
import { errorView, formBody } from '../../platform/http/forms';
import { rolesAllow } from '../../domain/access/can';
import { addPageSteps } from '../../platform/http/pageSteps';
import { sendDownload } from '../../platform/http/sendDownload';
import { hubRecommendationItems } from './hubReviews';
import { uploadIn } from '../../platform/http/setUpUploads';
import { addRoute, contextOf } from '../../platform/http/routes';
import { flash } from '../../platform/views/setUpViews';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { searchSchema } from '../people/peopleSchemas';
import { contactPage } from './contactPage';
import { consentAnswers, contactSources, thresholdOutcomes } from '../../domain/frontDoor/contact';
import { referrerAgencies } from '../../domain/frontDoor/referrerAgencies';

const outcomeLabels = Object.fromEntries(thresholdOutcomes.map((o) => [o.value, o.text]));
import { draftFromForm, readDraft } from './frontDoorSchemas';

const uuid = z.uuid();
const draftTemplate = 'frontDoor/views/draft.njk';

/** What a draft page's buttons ask for: `name="action"`, with a person's id after a colon. */
function actionOf(body: Record<string, unknown>): { action: string; personId: string | null } {
  const [action = 'save', personId = null] = String(body.action ?? 'save').split(':');
  return { action, personId: personId && uuid.safeParse(personId).success ? personId : null };
}

/**
 * The front door's pages (practice-standards.txt, Section 2: Duty Team (MASH)): the queue of
 * contacts, recording a contact from a draft, and triage on the contact's own page.
 */
export function frontDoorRoutes(app: FastifyInstance, services: Services) {
  const { frontDoor, people } = services;

  async function draftPage(request: FastifyRequest, draftId: string, options: { problems?: Problem[]; query?: string; values?: ReturnType<typeof readDraft> } = {}) {
    const context = contextOf(request);
    const { draft, data, records } = await frontDoor.draft(context, draftId, true);
    const values = options.values ?? data;
    const person = (id: string) => {
      const r = records.get(id);
      return r ? { id, name: fullName(r.details), hearthId: r.hearthId, dateOfBirth: r.details.dateOfBirth, kind: r.kind, allocated: Boolean(r.allocatedWorkerId) } : { id, name: 'Restricted record', hearthId: null, dateOfBirth: null, kind: 'restricted', allocated: false };
    };
    let results = null;
    let searchProblems: Problem[] = [];
    if (options.query) {
      try {
        results = (await people.search(context, searchSchema.parse({ q: options.query.slice(0, 100), pageSize: 10 }))).records.filter((r) => r.kind !== 'professional');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        searchProblems = error.problems;
      }
    }
    return {
      pageTitle: 'Record a contact',
      contactSources,
      referrerAgencies,
      consentAnswers,
      draft,
      values,
      children: values.children.map((c) => person(c.personId)),
      adults: values.adults.map((a) => ({ ...a, person: person(a.personId) })),
      query: options.query ?? '',
      results,
      ...errorView([...(options.problems ?? []), ...searchProblems], ['receivedOn']),
    };
  }

  addRoute(app, {
    method: 'GET',
    url: '/front-door',
    permission: 'contact:record',
    audit: 'contact.queue_viewed',
    handler: async (request, reply) => {
      const context = contextOf(request);
      const [queue, drafts] = await Promise.all([frontDoor.queue(context), frontDoor.myDrafts(context)]);
      return reply.page('frontDoor/views/queue.njk', { pageTitle: 'Front door', ...queue, outcomeLabels, mayReviewHub: rolesAllow(context.actor, 'threshold:decide'), drafts: drafts.map((d) => ({ draft: d, data: readDraft(d.data) })) });
    },
  });

  // The Duty Manager's reviews of Early Help Hub decisions (Appendix 2: Early Help Step Up Procedure).
  addRoute(app, {
    method: 'GET',
    url: '/front-door/hub-reviews',
    permission: 'threshold:decide',
    audit: 'caseload.viewed',
    handler: async (request, reply) => reply.page('frontDoor/views/hubReviews.njk', { pageTitle: 'Early Help Hub decisions to review', requests: await services.hubReviews.waiting(contextOf(request)) }),
  });
  const reviewPage = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => ({
    pageTitle: 'Review an Early Help Hub decision',
    ...(await services.hubReviews.request(contextOf(request), idParam(request))),
    recommendations: hubRecommendationItems,
    ...extra,
  });
  addRoute(app, {
    method: 'GET',
    url: '/front-door/hub-reviews/:id',
    permission: 'threshold:decide',
    audit: 'child.viewed',
    handler: async (request, reply) => reply.page('frontDoor/views/hubReview.njk', await reviewPage(request)),
  });
  addPageSteps(app, { template: 'frontDoor/views/hubReview.njk', page: reviewPage, back: () => '/front-door/hub-reviews' }, [
    {
      url: '/front-door/hub-reviews/:id',
      permission: 'threshold:decide',
      audit: 'child.hub_decision_reviewed',
      form: 'review',
      title: 'Reviewed',
      run: async (request, body) => {
        await services.hubReviews.review(contextOf(request), idParam(request), body);
        return "Your review and recommended action have been recorded on the child's record as management oversight.";
      },
    },
  ]);

  addRoute(app, {
    method: 'POST',
    url: '/front-door/contacts/new',
    permission: 'contact:record',
    audit: 'contact.draft_started',
    handler: async (request, reply) => {
      const draft = await frontDoor.startContact(contextOf(request));
      return reply.redirect(`/front-door/drafts/${draft.id}`);
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/front-door/drafts/:id',
    permission: 'contact:record',
    audit: 'contact.draft_viewed',
    handler: async (request, reply) => {
      const draftId = idParam(request);
      const query = (request.query ?? {}) as Record<string, unknown>;
      const added = typeof query.added === 'string' && uuid.safeParse(query.added).success ? query.added : null;
      if (added) {
        const { data } = await frontDoor.draft(contextOf(request), draftId);
        await frontDoor.addToDraft(contextOf(request), draftId, data, added);
        return reply.redirect(`/front-door/drafts/${draftId}#people`);
      }
      const q = typeof query.q === 'string' ? query.q.trim().slice(0, 200) : '';
      return reply.page(draftTemplate, await draftPage(request, draftId, { query: q }));
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/front-door/drafts/:id',
    permission: 'contact:record',
    audit: 'contact.recorded',
    handler: async (request, reply) => {
      const context = contextOf(request);
      const draftId = idParam(request);
      const body = formBody(request.body);
      const { data: previous } = await frontDoor.draft(context, draftId);
      const data = draftFromForm(body, previous);
      const { action, personId } = actionOf(body);
      switch (action) {
        case 'autosave':
          await frontDoor.saveDraft(context, draftId, data);
          return reply.code(204).send();
        case 'discard':
          await frontDoor.discardDraft(context, draftId, data);
          flash(request, 'The draft contact has been discarded.', 'Draft discarded');
          return reply.redirect('/front-door');
        case 'search': {
          await frontDoor.saveDraft(context, draftId, data);
          const q = typeof body.q === 'string' ? body.q.trim() : '';
          if (!q) return reply.code(400).page(draftTemplate, await draftPage(request, draftId, { problems: [{ field: 'q', message: 'Enter a name, date of birth, NHS number or Hearth ID to search for' }] }));
          return reply.redirect(`/front-door/drafts/${draftId}?q=${encodeURIComponent(q)}#people`);
        }
        case 'add':
          if (!personId) break;
          try {
            await frontDoor.addToDraft(context, draftId, data, personId);
          } catch (error) {
            if (error instanceof ValidationError) return reply.code(400).page(draftTemplate, await draftPage(request, draftId, { problems: error.problems, values: data }));
            throw error;
          }
          return reply.redirect(`/front-door/drafts/${draftId}#people`);
        case 'remove':
          await frontDoor.saveDraft(context, draftId, { ...data, children: data.children.filter((c) => c.personId !== personId), adults: data.adults.filter((a) => a.personId !== personId) });
          return reply.redirect(`/front-door/drafts/${draftId}#people`);
        case 'new-child':
        case 'new-adult':
          await frontDoor.saveDraft(context, draftId, data);
          return reply.redirect(`/people/new?kind=${action === 'new-child' ? 'child' : 'adult'}&returnTo=${encodeURIComponent(`/front-door/drafts/${draftId}`)}`);
        case 'submit':
          try {
            const result = await frontDoor.submitContact(context, draftId, data);
            const alerted = result.openCases.map((c) => `${c.name}'s case is open: ${c.worker} has been alerted.`).join(' ');
            flash(request, `The contact has been recorded.${alerted ? ` ${alerted}` : ''}`, 'Contact recorded');
            return reply.redirect(`/front-door/contacts/${result.contactId}`);
          } catch (error) {
            if (error instanceof ValidationError) return reply.code(400).page(draftTemplate, await draftPage(request, draftId, { problems: error.problems, values: data }));
            throw error;
          }
      }
      await frontDoor.saveDraft(context, draftId, data);
      flash(request, 'Your draft has been saved. You can come back to it from the front door.', 'Draft saved');
      return reply.redirect(`/front-door/drafts/${draftId}`);
    },
  });

  addRoute(app, {
    method: 'GET',
    url: '/front-door/contacts/:id',
    permission: 'contact:record',
    audit: 'contact.viewed',
    handler: async (request, reply) => reply.page('frontDoor/views/contact.njk', await contactPage(services, request, idParam(request))),
  });

  addRoute(app, {
    method: 'GET',
    url: '/front-door/contacts/:id/documents/:documentId',
    permission: 'contact:record',
    audit: 'contact.document_viewed',
    handler: async (request, reply) => {
      const document = await services.contactDocuments.open(contextOf(request), idParam(request), idParam(request, 'documentId'));
      return sendDownload(reply, document);
    },
  });

  // The contact page's triage forms (Duty Team (MASH) 3-5; specialist-service-statement.txt 7.3.3).
  const contactId = (request: FastifyRequest) => idParam(request);
  addPageSteps(
    app,
    {
      template: 'frontDoor/views/contact.njk',
      page: async (request, extra) => ({ ...(await contactPage(services, request, contactId(request))), ...extra }),
      back: (request) => `/front-door/contacts/${contactId(request)}`,
    },
    [
      {
        url: '/front-door/contacts/:id/documents',
        permission: 'contact:triage',
        audit: 'contact.document_attached',
        form: 'document',
        title: 'Attached',
        run: async (request, body) => {
          const [event] = await services.contactDocuments.attach(contextOf(request), contactId(request), uploadIn(body, 'document'), body);
          return `${String(event?.data.filename ?? 'The document')} has been attached to the contact.`;
        },
      },
      {
        url: '/front-door/contacts/:id/enquiries',
        permission: 'contact:triage',
        audit: 'contact.enquiry_started',
        form: 'enquiry',
        run: async (request, body) => {
          await frontDoor.startEnquiry(contextOf(request), contactId(request), body);
          return `The MASH enquiry to ${String(body.agency)} has been started.`;
        },
      },
      {
        url: '/front-door/contacts/:id/enquiries/:enquiryId/reply',
        permission: 'contact:triage',
        audit: 'contact.enquiry_replied',
        form: 'reply',
        run: async (request, body) => {
          await frontDoor.recordReply(contextOf(request), contactId(request), idParam(request, 'enquiryId'), body);
          return 'The agency’s reply has been recorded.';
        },
      },
      {
        url: '/front-door/contacts/:id/consent',
        permission: 'contact:triage',
        audit: 'contact.consent_recorded',
        form: 'consent',
        run: async (request, body) => {
          await frontDoor.recordConsent(contextOf(request), contactId(request), body);
          return 'The consent has been recorded.';
        },
      },
      {
        url: '/front-door/contacts/:id/recommendation',
        permission: 'contact:triage',
        audit: 'contact.recommended',
        form: 'recommendation',
        run: async (request, body) => {
          await frontDoor.recommend(contextOf(request), contactId(request), body);
          return 'The threshold recommendation has been recorded. The Duty Manager decides next steps.';
        },
      },
      {
        url: '/front-door/contacts/:id/decision',
        permission: 'threshold:decide',
        audit: 'contact.decided',
        form: 'decision',
        run: async (request, body) => `The threshold decision has been recorded: ${(await frontDoor.decide(contextOf(request), contactId(request), body)).outcome}.`,
      },
      {
        url: '/front-door/contacts/:id/hand-over',
        permission: 'contact:triage',
        audit: 'contact.handed_over',
        form: 'handOver',
        run: async (request, body) => {
          await frontDoor.handOver(contextOf(request), contactId(request), body);
          return 'The hand-over to the home authority has been recorded.';
        },
      },
    ],
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { reviewFollowUps, reviewPreparations, type ReviewFollowUp, type ReviewPreparation } from '../../domain/inCare/reviewState';
import { addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { contextOf } from '../../platform/http/routes';
import { whenOf } from '../../platform/when';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';

const template = 'inCare/views/reviews.njk';

/** A child's reviews while in care (practice-standards.txt, Section 4: Reviews for Children in Care). */
export function reviewRoutes(app: FastifyInstance, services: Services) {
  const { cicReviews } = services;
  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await cicReviews.view(contextOf(request), idParam(request));
    return { pageTitle: `Reviews in care: ${view.name}`, ...view, ...extra };
  };
  const audit = 'child.review_recorded';
  const ctx = contextOf;
  const id = idParam;
  const dated = (key: string) => ({ date: `${key}On`, time: `${key}Time` });
  const prepare: PageStep[] = (Object.keys(reviewPreparations) as ReviewPreparation[]).map((key) => ({
    url: `/people/:id/reviews/preparation/${key}`,
    permission: reviewPreparations[key].by === 'iro' ? 'review:chair' : 'work:record',
    audit,
    form: key,
    title: 'Recorded',
    run: async (r, body) => (await cicReviews.prepare(ctx(r), id(r), key, whenOf(body, dated(key))), `${reviewPreparations[key].title}: recorded.`),
  }));
  const follow: PageStep[] = (Object.keys(reviewFollowUps) as ReviewFollowUp[]).map((key) => ({
    url: `/people/:id/reviews/follow-up/${key}`,
    permission: 'review:chair',
    audit,
    form: key,
    title: 'Recorded',
    run: async (r, body) => (await cicReviews.followUp(ctx(r), id(r), key, body, whenOf(body, dated(key))), `${reviewFollowUps[key].title}: recorded.`),
  }));
  const dateFields = ['occurredOn', 'adjournedOn', 'shortBreaksOn', ...[...Object.keys(reviewPreparations), ...Object.keys(reviewFollowUps)].map((k) => `${k}On`)];
  addRecordPage(app, { url: '/people/:id/reviews', template, view: page, dateFields }, [
    ...prepare,
    ...follow,
    { url: '/people/:id/reviews/held', permission: 'review:chair', audit, form: 'held', title: 'Review recorded', run: async (r, body) => (await cicReviews.hold(ctx(r), id(r), body, whenOf(body)), 'The review has been recorded: send the record of decisions within 5 working days.') },
    { url: '/people/:id/reviews/short-breaks', permission: 'review:chair', audit, form: 'shortBreaks', title: 'Short breaks review recorded', run: async (r, body) => (await cicReviews.shortBreaksReview(ctx(r), id(r), body, whenOf(body, dated('shortBreaks'))), 'The short breaks review has been recorded: the next is due within 6 months.') },
    { url: '/people/:id/reviews/adjourned', permission: 'review:chair', audit, form: 'adjourn', title: 'Adjourned', run: async (r, body) => (await cicReviews.adjourn(ctx(r), id(r), body, whenOf(body, dated('adjourned'))), 'The adjournment has been recorded: the review is to be completed within 20 working days.') },
    { url: '/people/:id/reviews/disagreement', permission: 'work:record', audit, form: 'disagree', title: 'Disagreement recorded', run: async (r, body) => (await cicReviews.disagree(ctx(r), id(r), body), 'Your disagreement has been recorded for the IRO.') },
    { url: '/people/:id/reviews/changes', permission: 'work:record', audit, form: 'notify', title: 'IRO told', run: async (r, body) => (await cicReviews.notify(ctx(r), id(r), body), 'The change has been recorded as told to the IRO.') },
    { url: '/people/:id/reviews/disputes', permission: 'review:chair', audit, form: 'dispute', title: 'Dispute recorded', run: async (r, body) => (await cicReviews.dispute(ctx(r), id(r), body), 'The concern has been recorded at its stage of dispute resolution.') },
    { url: '/people/:id/reviews/disputes/resolved', permission: 'review:chair', audit, form: 'resolve', title: 'Resolved', run: async (r, body) => (await cicReviews.resolve(ctx(r), id(r), body), 'The dispute has been recorded as resolved.') },
  ]);
}

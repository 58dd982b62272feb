import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../platform/errors';
import { addRecordPage, type PageStep } from '../../platform/http/pageSteps';
import { addRoute, contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';
import { idParam } from '../people/peopleForms';
import { stateLabels } from '../standards/obligationViews';
import { courts, disposals, endReasons, orders, referralRoutes, referralSources } from '../../domain/youthJustice/youthJusticeCodes';
import { yearSchema } from './youthJusticeSchemas';
import { youthJusticeAudit } from './youthJusticeSteps';

const choices = { referralSources, referralRoutes, disposals, orders, courts, endReasons, stateLabels };
const template = 'youthJustice/views/youthJustice.njk';

/**
 * The Youth Offending Service's pages (issue 12): its caseload and performance indicators
 * (youth_justice:read), and a child's youth justice page, read by those who see the child's youth
 * justice records and recorded on with youth_justice:record.
 */
export function youthJusticeRoutes(app: FastifyInstance, services: Services) {
  const { youthJustice } = services;

  addRoute(app, {
    method: 'GET',
    url: '/youth-justice',
    permission: 'youth_justice:read',
    audit: 'youth_justice.caseload_viewed',
    handler: async (request, reply) => reply.page('youthJustice/views/caseload.njk', { pageTitle: 'Youth justice', ...(await youthJustice.caseload(contextOf(request))), stateLabels }),
  });

  addRoute(app, {
    method: 'GET',
    url: '/youth-justice/indicators',
    permission: 'youth_justice:read',
    audit: 'youth_justice.indicators_viewed',
    handler: async (request, reply) => {
      const typed = (request.query as Record<string, unknown> | undefined)?.year;
      const year = typed === undefined || typed === '' ? undefined : yearSchema.safeParse(typed);
      if (year && !year.success) throw new NotFoundError('The figures for that year');
      const view = await youthJustice.indicators(contextOf(request), year?.data);
      return reply.page('youthJustice/views/indicators.njk', { pageTitle: `Youth justice performance indicators: ${view.chosen}`, ...view });
    },
  });

  const page = async (request: FastifyRequest, extra: Record<string, unknown> = {}) => {
    const view = await youthJustice.view(contextOf(request), idParam(request));
    return { pageTitle: `Youth justice: ${view.name}`, ...view, ...choices, ...extra };
  };
  const ctx = contextOf;
  const id = idParam;
  const audit = youthJusticeAudit;
  const permission = 'youth_justice:record' as const;
  const base = '/people/:id/youth-justice';
  const step = (url: string, form: string, title: string, run: (r: FastifyRequest, b: Record<string, unknown>) => Promise<unknown>, message: string): PageStep => ({
    url: `${base}/${url}`,
    permission,
    audit,
    form,
    title,
    run: async (r, b) => (await run(r, b), message),
  });
  const steps: PageStep[] = [
    step('referral', 'referral', 'Referral recorded', (r, b) => youthJustice.referral(ctx(r), id(r), b), 'The referral has been recorded: allocate a case manager, who assesses within 5 working days of allocation.'),
    step('allocation', 'allocation', 'Case manager allocated', (r, b) => youthJustice.allocate(ctx(r), id(r), b), 'The case manager has been allocated: the AssetPlus assessment is due within 5 working days.'),
    step('arrest', 'arrest', 'Arrest recorded', (r, b) => youthJustice.arrest(ctx(r), id(r), b), 'The arrest has been recorded.'),
    step('disposal', 'disposal', 'Disposal recorded', (r, b) => youthJustice.disposal(ctx(r), id(r), b), 'The out-of-court disposal has been recorded: the intervention should end within 16 weeks of it.'),
    step('pre-sentence-report', 'report', 'Pre-sentence report recorded', (r, b) => youthJustice.report(ctx(r), id(r), b), 'The pre-sentence report has been recorded.'),
    step('sentence', 'sentence', 'Sentence recorded', (r, b) => youthJustice.sentence(ctx(r), id(r), b), 'The sentence has been recorded: the order is supervised under AssetPlus within 5 working days.'),
    step('assessment', 'assessment', 'Assessment recorded', (r, b) => youthJustice.assessment(ctx(r), id(r), b), 'The AssetPlus assessment has been recorded: the intervention plan follows from it.'),
    step('plan', 'plan', 'Plan recorded', (r, b) => youthJustice.plan(ctx(r), id(r), b), 'The intervention plan has been recorded.'),
    step('review', 'review', 'Review recorded', (r, b) => youthJustice.review(ctx(r), id(r), b), 'The review of the intervention plan has been recorded.'),
    step('custody/contact', 'contact', 'Contact recorded', (r, b) => youthJustice.contact(ctx(r), id(r), b), 'The contact in custody has been recorded.'),
    step('custody/sentence-planning', 'sentencePlanning', 'Sentence planning recorded', (r, b) => youthJustice.sentencePlanning(ctx(r), id(r), b), 'The sentence planning meeting has been recorded: its reviews are due at least every 3 months.'),
    step('custody/sentence-plan-review', 'sentencePlanReview', 'Review recorded', (r, b) => youthJustice.sentencePlanReview(ctx(r), id(r), b), 'The review of the sentence plan has been recorded.'),
    step('custody/resettlement', 'resettlement', 'Resettlement planning recorded', (r, b) => youthJustice.resettlement(ctx(r), id(r), b), 'Resettlement planning has been recorded as started.'),
    step('custody/accommodation', 'accommodation', 'Accommodation recorded', (r, b) => youthJustice.inPlace(ctx(r), id(r), 'accommodation', b), 'The accommodation for the release has been recorded.'),
    step('custody/ete', 'ete', 'Education, training or employment recorded', (r, b) => youthJustice.inPlace(ctx(r), id(r), 'ete', b), 'The education, training or employment for the release has been recorded.'),
    step('custody/release-date', 'releaseDate', 'Release date recorded', (r, b) => youthJustice.releaseDate(ctx(r), id(r), b), 'The expected release date has been recorded.'),
    step('custody/probation-transfer', 'transfer', 'Transfer recorded', (r, b) => youthJustice.probationTransfer(ctx(r), id(r), b), 'The transfer to the National Probation Service has been recorded as finalised.'),
    step('custody/release', 'release', 'Release recorded', (r, b) => youthJustice.release(ctx(r), id(r), b), 'The release on licence has been recorded.'),
    step('reoffence', 'reoffence', 'Re-offence recorded', (r, b) => youthJustice.reoffence(ctx(r), id(r), b), 'The re-offence has been recorded.'),
    step('ended', 'ended', 'Intervention ended', (r, b) => youthJustice.end(ctx(r), id(r), b), 'The end of the intervention has been recorded: close the case when the work is finished.'),
    step('closed', 'closed', 'Case closed', (r, b) => youthJustice.close(ctx(r), id(r), b), 'The case has been closed to the Youth Offending Service.'),
    step('note', 'note', 'Note added', (r, b) => youthJustice.note(ctx(r), id(r), b), 'The note has been added.'),
  ];
  const dated = ['referral', 'allocation', 'arrest', 'disposal', 'report', 'sentence', 'assessment', 'plan', 'review', 'contact', 'sentencePlanning', 'sentencePlanReview', 'resettlement', 'accommodation', 'ete', 'transfer', 'release', 'reoffence', 'ended', 'closed'];
  addRecordPage(app, { url: base, template, view: page, dateFields: [...dated.map((k) => `${k}On`), 'expectedReleaseOn', 'newReleaseOn'] }, steps);
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../domain/access/permissions';
import { ValidationError } from '../errors';
import { flash } from '../views/setUpViews';
import { errorView, formBody } from './forms';
import { addRoute } from './routes';

/**
 * One of several forms on one page (a contact's triage, a case record, an assessment's sign-off),
 * posted on its own: it saves and goes back to the page with a message, or shows the page again
 * with its own problems. `form` says which form they belong to and `formValues` what was typed, so
 * the page shows them beside the right form and leaves the others as they were.
 */
export interface PageStep {
  url: string;
  permission: Permission;
  audit: string;
  form: string;
  /** Saves the step (or refuses it with a ValidationError) and says what was done. */
  run: (request: FastifyRequest, body: Record<string, unknown>) => Promise<string>;
  title?: string;
}

export interface StepPage {
  template: string;
  /** The page's data, with what the refused form adds. */
  page: (request: FastifyRequest, extra: Record<string, unknown>) => Promise<Record<string, unknown>>;
  /** Where the page is, to go back to after saving. */
  back: (request: FastifyRequest) => string;
  dateFields?: readonly string[];
}

export function addPageSteps(app: FastifyInstance, page: StepPage, steps: readonly PageStep[]): void {
  for (const step of steps) {
    addRoute(app, {
      method: 'POST',
      url: step.url,
      permission: step.permission,
      audit: step.audit,
      handler: async (request, reply) => {
        const body = formBody(request.body);
        let message: string;
        try {
          message = await step.run(request, body);
        } catch (error) {
          if (error instanceof ValidationError) {
            return reply.code(400).page(page.template, await page.page(request, { form: step.form, formValues: body, ...errorView(error.problems, page.dateFields) }));
          }
          throw error;
        }
        flash(request, message, step.title ?? 'Saved');
        return reply.redirect(page.back(request));
      },
    });
  }
}

/**
 * A page about a child's record (a strategy discussion, a conference) with its forms: shown on
 * GET as a read of the record, each form posted on its own and back to the page.
 */
export function addRecordPage(
  app: FastifyInstance,
  page: { url: string; template: string; view: StepPage['page']; dateFields?: readonly string[] },
  steps: readonly PageStep[],
): void {
  addRoute(app, {
    method: 'GET',
    url: page.url,
    permission: 'child:read',
    audit: 'child.viewed',
    handler: async (request, reply) => reply.page(page.template, await page.view(request, {})),
  });
  const back = (request: FastifyRequest) => page.url.replace(':id', String((request.params as Record<string, unknown>).id ?? ''));
  addPageSteps(app, { template: page.template, page: page.view, back, ...(page.dateFields ? { dateFields: page.dateFields } : {}) }, steps);
}

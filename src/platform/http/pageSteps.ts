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

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { rolesAllow, type Actor } from '../../domain/access/can';
import type { Permission } from '../../domain/access/permissions';
import * as codes from '../../domain/people/codes';
import { roleLabels } from '../../domain/access/roles';
import { viewFilters } from './filters';

const here = path.dirname(fileURLToPath(import.meta.url));
export const projectRoot = path.resolve(here, '../../..');

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page inside the Hearth layout, with the signed-in user, navigation and CSRF token. */
    page(template: string, data?: Record<string, unknown>): Promise<FastifyReply>;
  }
  interface Session {
    flash?: { title?: string; text: string };
  }
}

/** A message shown once on the next page, like "Record corrected". */
export function flash(request: FastifyRequest, text: string, title = 'Success') {
  request.session.set('flash', { title, text });
}

interface NavItem {
  text: string;
  href: string;
  needs: Permission | 'authenticated';
}

const navigationItems: NavItem[] = [
  { text: 'My work', href: '/', needs: 'caseload:read' },
  { text: 'Front door', href: '/front-door', needs: 'contact:record' },
  { text: 'Find a person', href: '/people', needs: 'child:search' },
  { text: 'Add a person', href: '/people/new', needs: 'child:create' },
  { text: 'Teams', href: '/teams', needs: 'team:read' },
  // Caseloads and team capacity (issue 12): managers.
  { text: 'Workforce', href: '/workforce', needs: 'workforce:read' },
  // Every member of staff's own supervision; supervisors' and line managers' lists (specialist-service-statement.txt 5.4).
  { text: 'Supervision', href: '/supervision', needs: 'supervision:read' },
  // The Emergency Duty Team's morning list for the Resources Duty Team (resource-service-policy.txt 5.3).
  { text: 'Missing overnight', href: '/missing-overnight', needs: 'child:search' },
  // The Resource Service (resource-service-policy.txt 2.1-2.2, 3.1): its providers, its queue of requests, family time, its reports.
  { text: 'Placement requests', href: '/placement-requests', needs: 'resources:read' },
  { text: 'Providers', href: '/providers', needs: 'resources:read' },
  { text: 'Family time', href: '/family-time', needs: 'family_time:record' },
  // The Family Placement Team's recruitment of foster carers (practice-standards.txt, Section 3 Family Placement 1-20).
  { text: 'Fostering', href: '/fostering', needs: 'fostering:read' },
  // Approved foster carers, their vacancies for matching and what is due (practice-standards.txt, Section 3: Family Placement 17-42).
  { text: 'Foster carers', href: '/foster-carers', needs: 'fostering:read' },
  { text: 'Resource reports', href: '/resources', needs: 'resources:read' },
  // The Resource and Care Panel's meetings, agenda and finance log (resource-and-care-panel-policy.txt).
  { text: 'Panel', href: '/panel', needs: 'panel:read' },
  // The Family Placement Team's adoption work (issue 11; specialist-service-statement.txt 7.4).
  { text: 'Adoption', href: '/adoption', needs: 'fostering:read' },
  // The Disabled Children's Team's occupational therapists and ASSIST (issue 12; practice-standards.txt, Section 1).
  { text: 'Occupational therapy', href: '/occupational-therapy', needs: 'ot:read' },
  { text: 'ASSIST', href: '/assist', needs: 'assist:read' },
  // The Disabled Children's Team's transitions tracking and hospital duty service (issue 12; practice-standards.txt, Section 1: Children with Disabilities 20-26; specialist-service-statement.txt 7.3.3).
  { text: 'Transitions', href: '/transitions', needs: 'transitions:read' },
  { text: 'Hospital duty', href: '/hospital-duty', needs: 'hospital_duty:record' },
  { text: 'Compliance', href: '/compliance', needs: 'compliance:read' },
  // The LADO's allegations against adults who work with children (practice-standards.txt, Section 4: Managing Allegations 80-88).
  { text: 'Allegations', href: '/allegations', needs: 'allegation:read' },
  // The Youth Offending Service's caseload and performance indicators (practice-standards.txt, Section 1: Youth Offending Service; issue 12).
  { text: 'Youth justice', href: '/youth-justice', needs: 'youth_justice:read' },
  // The statutory returns (issue 10): the data quality behind them, and the returns themselves.
  { text: 'Data quality', href: '/data-quality', needs: 'returns:quality' },
  { text: 'Returns', href: '/returns', needs: 'returns:export' },
  { text: 'Standards', href: '/standards', needs: 'authenticated' },
  { text: 'Audit log', href: '/audit', needs: 'audit:read' },
  { text: 'Users', href: '/admin/users', needs: 'user:manage' },
];

function navigationFor(actor: Actor | null, currentPath: string) {
  if (!actor) return [];
  return navigationItems
    .filter((item) => item.needs === 'authenticated' || rolesAllow(actor, item.needs))
    .map((item) => ({
      text: item.text,
      href: item.href,
      active: item.href === '/' ? currentPath === '/' : currentPath === item.href || currentPath.startsWith(`${item.href}/`),
    }));
}

/** `globals`: values every template may use, given by the modules through app.ts. */
export async function setUpViews(app: FastifyInstance, deps: { authorityName: string; production: boolean; globals?: Record<string, unknown> }) {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [
      path.join(projectRoot, 'node_modules/govuk-frontend/dist'),
      path.join(projectRoot, 'src/platform/views'),
      path.join(projectRoot, 'src/modules'),
    ],
    production: deps.production,
    options: {
      onConfigure: (env: nunjucks.Environment) => {
        for (const [name, filter] of Object.entries(viewFilters)) env.addFilter(name, filter as (...args: unknown[]) => unknown);
        env.addGlobal('codes', codes);
        env.addGlobal('roleLabels', roleLabels);
        env.addGlobal('authorityName', deps.authorityName);
        for (const [name, value] of Object.entries(deps.globals ?? {})) env.addGlobal(name, value);
      },
    },
  });

  app.decorateReply('page', async function page(this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
    const request = this.request;
    const currentPath = request.url.split('?')[0] ?? '/';
    const notification = request.session?.get?.('flash');
    if (notification) request.session.set('flash', undefined);
    const hasSession = typeof request.session?.get === 'function';
    const html = await this.viewAsync(template, {
      user: request.actor,
      navigation: navigationFor(request.actor, currentPath),
      currentPath,
      csrfToken: hasSession ? this.generateCsrf() : '',
      cspNonce: (this as unknown as { cspNonce?: { script: string } }).cspNonce?.script ?? '',
      notification,
      ...data,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });
}

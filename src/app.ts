import { providerRoutes } from './modules/providers/providerRoutes';
import { placementRequestRoutes } from './modules/placementRequests/placementRequestRoutes';
import { placementRoutes } from './modules/placements/placementRoutes';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './platform/config';
import { setUpAssets } from './platform/views/assets';
import { setUpViews } from './platform/views/setUpViews';
import { setUpAuthentication } from './platform/http/setUpAuthentication';
import { setUpErrors } from './platform/http/setUpErrors';
import { setUpHealth } from './platform/http/setUpHealth';
import { setUpRateLimit } from './platform/http/setUpRateLimit';
import { setUpRouteDeclarations } from './platform/http/routes';
import { setUpSecurityHeaders } from './platform/http/setUpSecurityHeaders';
import { setUpSession } from './platform/http/setUpSession';
import { setUpOpenApi } from './modules/api/openApi';
import { auditRoutes } from './modules/audit/auditRoutes';
import { returnsRoutes } from './modules/returns/returnsRoutes';
import { caseloadRoutes } from './modules/caseload/caseloadRoutes';
import { peopleApiRoutes } from './modules/people/peopleApiRoutes';
import { peopleRoutes } from './modules/people/peopleRoutes';
import { recordWorkRoutes } from './modules/recordWork/recordWorkRoutes';
import { frontDoorRoutes } from './modules/frontDoor/frontDoorRoutes';
import { assessmentRoutes } from './modules/assessment/assessmentRoutes';
import { caseRecordRoutes } from './modules/caseRecord/caseRecordRoutes';
import { frontDoorApiRoutes } from './modules/frontDoor/frontDoorApiRoutes';
import { coreGroupRoutes } from './modules/coreGroups/coreGroupRoutes';
import { cinPlanRoutes } from './modules/cinPlan/cinPlanRoutes';
import { childDocumentRoutes } from './modules/childDocuments/childDocumentRoutes';
import { safetyPlanRoutes } from './modules/safetyPlan/safetyPlanRoutes';
import { inCareRoutes } from './modules/inCare/inCareRoutes';
import { reviewRoutes } from './modules/inCare/reviewRoutes';
import { missingRoutes } from './modules/inCare/missingRoutes';
import { permanenceRoutes } from './modules/inCare/permanenceRoutes';
import { healthRoutes } from './modules/inCare/healthRoutes';
import { careLeaverRoutes } from './modules/careLeaver/careLeaverRoutes';
import { fosterCarerRoutes } from './modules/fosterCarers/fosterCarerRoutes';
import { ladoRoutes } from './modules/lado/ladoRoutes';
import { youthJusticeRoutes } from './modules/youthJustice/youthJusticeRoutes';
import { supervisionRoutes } from './modules/supervision/supervisionRoutes';
import { adoptionRoutes } from './modules/adoption/adoptionRoutes';
import { occupationalTherapyRoutes } from './modules/occupationalTherapy/otRoutes';
import { assistRoutes } from './modules/assist/assistRoutes';
import { conferenceRoutes } from './modules/conference/conferenceRoutes';
import { section47Routes } from './modules/section47/section47Routes';
import { strategyRoutes } from './modules/strategy/strategyRoutes';
import { caseWorkflowsRoutes } from './modules/caseWorkflows/caseWorkflowsRoutes';
import { signInRoutes } from './modules/signIn/signInRoutes';
import { adminRoutes } from './modules/staff/adminRoutes';
import { teamRoutes } from './modules/staff/teamRoutes';
import type { Services } from './services';
import { stateLabels } from './modules/standards/obligationViews';
import { catalogueRoutes } from './modules/standards/catalogueRoutes';
import { setUpUploads } from './platform/http/setUpUploads';
import { complianceRoutes } from './modules/standards/complianceRoutes';
import { carePackageRoutes } from './modules/carePackages/carePackageRoutes';
import { familyTimeRoutes } from './modules/familyTime/familyTimeRoutes';
import { fosteringRoutes } from './modules/fostering/fosteringRoutes';
import { panelRoutes } from './modules/panel/panelRoutes';
import { panelReferralRoutes } from './modules/panelReferral/panelReferralRoutes';
import { workforceRoutes } from './modules/workforce/workforceRoutes';
import { transitionsRoutes } from './modules/transitions/transitionsRoutes';
import { hospitalDutyRoutes } from './modules/hospitalDuty/hospitalDutyRoutes';

export interface AppOptions {
  config: Config;
  authorityName: string;
  logger?: boolean;
}

/** The web application: plugins first, then each module's routes. Reads like a checklist. */
export async function createApp(services: Services, options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Each request is logged only when debugging: the audit log is the record of who did what.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  setUpRouteDeclarations(app);
  await setUpSecurityHeaders(app);
  await app.register(formbody);
  await setUpUploads(app);
  await setUpSession(app, { db: services.db, clock: services.clock, config });
  await setUpRateLimit(app, config.rateLimitPerMinute);
  await setUpViews(app, { authorityName: options.authorityName, production: true, globals: { stateLabels } });
  setUpAuthentication(app, {
    authenticator: {
      actorForUser: (userId) => services.staff.actorFor(userId, 'session'),
      actorForToken: (token) => services.signIn.actorForToken(token),
    },
    clock: services.clock,
    db: services.db,
    idleMinutes: config.session.idleMinutes,
  });
  setUpErrors(app);
  await setUpOpenApi(app);
  await setUpAssets(app);
  setUpHealth(app, services.db);

  signInRoutes(app, services, config.signInLimitPerMinute);
  caseloadRoutes(app, services);
  peopleRoutes(app, services);
  peopleApiRoutes(app, services);
  recordWorkRoutes(app, services);
  frontDoorRoutes(app, services);
  frontDoorApiRoutes(app, services);
  assessmentRoutes(app, services);
  caseRecordRoutes(app, services);
  caseWorkflowsRoutes(app, services);
  strategyRoutes(app, services);
  section47Routes(app, services);
  conferenceRoutes(app, services);
  coreGroupRoutes(app, services);
  cinPlanRoutes(app, services);
  childDocumentRoutes(app, services);
  safetyPlanRoutes(app, services);
  inCareRoutes(app, services);
  reviewRoutes(app, services);
  missingRoutes(app, services);
  permanenceRoutes(app, services);
  healthRoutes(app, services);
  careLeaverRoutes(app, services);
  ladoRoutes(app, services);
  youthJusticeRoutes(app, services);
  supervisionRoutes(app, services);
  adoptionRoutes(app, services);
  occupationalTherapyRoutes(app, services);
  assistRoutes(app, services);
  providerRoutes(app, services);
  placementRequestRoutes(app, services);
  placementRoutes(app, services);
  fosterCarerRoutes(app, services);
  teamRoutes(app, services);
  catalogueRoutes(app, services);
  complianceRoutes(app, services);
  carePackageRoutes(app, services);
  panelReferralRoutes(app, services);
  familyTimeRoutes(app, services);
  fosteringRoutes(app, services);
  panelRoutes(app, services);
  returnsRoutes(app, services);
  workforceRoutes(app, services);
  auditRoutes(app, services);
  transitionsRoutes(app, services);
  hospitalDutyRoutes(app, services);
  adminRoutes(app, services);

  await app.ready();
  return app;
}

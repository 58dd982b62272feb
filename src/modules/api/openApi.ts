import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { addRoute } from '../../platform/http/routes';

/**
 * The OpenAPI document of the JSON API, generated from the same zod schemas that validate it.
 * Only routes tagged for the API appear; the pages do not.
 */
export async function setUpOpenApi(app: FastifyInstance) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Hearth API',
        version: '1',
        description:
          'The JSON API of Hearth. Every call needs a signed-in session (and the CSRF token in x-csrf-token for changes) ' +
          'or an API token issued by an administrator, sent as "Authorization: Bearer <token>". ' +
          'Permissions are those of the token\'s user; every read and change is audited. Refusals are ' +
          '{"errors": [{"field": "…", "message": "…"}]} with status 400, 401, 403, 404 or 409.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearerAuth: [] }],
    },
    hideUntagged: true,
    transform: jsonSchemaTransform,
  });

  addRoute(app, {
    method: 'GET',
    url: '/api/v1/openapi.json',
    permission: 'public',
    audit: 'none',
    handler: () => app.swagger(),
  });
}

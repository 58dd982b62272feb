import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import * as sass from 'sass';
import { addRoute } from '../http/routes';
import { projectRoot } from './setUpViews';

const source = path.join(projectRoot, 'src/platform/views/assets/hearth.scss');
const outputDir = path.join(projectRoot, '.cache/assets');
const output = path.join(outputDir, 'hearth.css');

function govukVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules/govuk-frontend/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Builds the stylesheet when it is missing or its source has changed (about a second), so that
 * `npm start` needs no separate build step.
 */
export function ensureStylesheet(): string {
  const key = createHash('sha256').update(fs.readFileSync(source)).update(govukVersion()).digest('hex');
  const keyFile = `${output}.key`;
  if (fs.existsSync(output) && fs.existsSync(keyFile) && fs.readFileSync(keyFile, 'utf8') === key) return output;
  const css = sass.compile(source, {
    loadPaths: [path.join(projectRoot, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
  }).css;
  fs.mkdirSync(outputDir, { recursive: true });
  const temporary = `${output}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, css);
  fs.renameSync(temporary, output); // atomic: a parallel start never serves half a file
  fs.writeFileSync(keyFile, key);
  return output;
}

/** Where each asset comes from: our own, the compiled stylesheet, or GOV.UK Frontend's. */
const roots: { match: (name: string) => boolean; root: string }[] = [
  { match: (n) => n === 'hearth.css', root: outputDir },
  { match: (n) => ['hearth.js', 'favicon.svg'].includes(n), root: path.join(projectRoot, 'src/platform/views/assets') },
  { match: (n) => n.startsWith('govuk-frontend.min.js'), root: path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk') },
  { match: (n) => /^(images|fonts)\/[\w.-]+$/.test(n) || n === 'manifest.json', root: path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk/assets') },
];

export async function setUpAssets(app: FastifyInstance) {
  ensureStylesheet();
  await app.register(fastifyStatic, { root: outputDir, serve: false });
  addRoute(app, {
    method: 'GET',
    url: '/assets/*',
    permission: 'public',
    audit: 'none',
    handler: (request, reply) => {
      const name = (request.params as { '*': string })['*'];
      const root = roots.find((r) => r.match(name))?.root;
      if (!root || name.includes('..')) return reply.callNotFound();
      return reply.header('cache-control', 'public, max-age=3600').sendFile(name, root);
    },
  });
}

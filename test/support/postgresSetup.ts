import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/** The server named for the tests: TEST_DATABASE_URL, or DATABASE_URL (as .ci/run sets it). */
export function serverUrl(): string | null {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? null;
}

/**
 * When a PostgreSQL server is named, the integration tests run on a database of their own,
 * created fresh for this run beside the named one and dropped at the end, so a run never sees
 * another's data and never touches the named database.
 */
export default async function setup(project: TestProject) {
  const url = serverUrl();
  if (!url) {
    project.provide('postgresUrl', null);
    console.log('\nIntegration tests: PGlite only. Set TEST_DATABASE_URL=postgres://… to run them on PostgreSQL too.\n');
    return;
  }
  const name = `hearth_it_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  project.provide('postgresUrl', testUrl.toString());
  console.log(`\nIntegration tests: PGlite and PostgreSQL (${testUrl.host}, database ${name}).\n`);

  return async () => {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
}

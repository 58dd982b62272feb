import type { FastifyInstance } from 'fastify';
import { createApp } from '../../../src/app';
import { loadConfig } from '../../../src/platform/config';
import { openDatabase, type Database } from '../../../src/platform/db/database';
import { runMigrations } from '../../../src/platform/db/migrate';
import { systemClock } from '../../../src/platform/clock';
import { seedDemonstrationAuthority } from '../../../src/modules/demo/demoSeed';
import { services, type Services } from '../../../src/services';

export interface RunningHearth {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/** Hearth on a fresh embedded database with the demonstration authority, on a free port. */
export async function startHearth(): Promise<RunningHearth> {
  const database: Database = await openDatabase({ engine: 'pglite' });
  await runMigrations(database);
  const s = services(database.db, systemClock);
  await seedDemonstrationAuthority(s, 'hearth-demo-2026');
  const config = loadConfig({ HEARTH_DATA_DIR: '/nonexistent', HEARTH_LOG_LEVEL: 'silent', HEARTH_RATE_LIMIT_PER_MINUTE: '100000', HEARTH_SIGN_IN_LIMIT_PER_MINUTE: '1000' });
  const app: FastifyInstance = await createApp(s, { config, authorityName: 'Wealdmoor Borough Council', logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    services: s,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

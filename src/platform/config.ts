import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration is read here, once, from the environment, and validated at start-up so
 * that a mistake stops Hearth with a message naming the variable rather than failing later.
 */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Connections to the PostgreSQL server (ignored for the embedded database). */
  HEARTH_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  HEARTH_DATA_DIR: z.string().min(1).default('./data'),
  HEARTH_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  HEARTH_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  HEARTH_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  HEARTH_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  HEARTH_SEED_DEMO: z.enum(['true', 'false']).default('true'),
  HEARTH_DEMO_PASSWORD: z.string().min(12).default('hearth-demo-2026'),
  HEARTH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HEARTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).default(600),
  HEARTH_SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
});

export interface Config {
  port: number;
  host: string;
  database: { engine: 'pglite'; dataDir: string } | { engine: 'postgres'; url: string; poolSize: number };
  session: { idleMinutes: number; secret: string | undefined; cookieSecure: 'auto' | boolean };
  trustProxy: boolean;
  seedDemo: boolean;
  demoPassword: string;
  logLevel: string;
  rateLimitPerMinute: number;
  signInLimitPerMinute: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in an env file) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Hearth cannot start: the environment is not valid.\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL, poolSize: e.HEARTH_DATABASE_POOL_SIZE }
      : { engine: 'pglite', dataDir: path.resolve(e.HEARTH_DATA_DIR) },
    session: {
      idleMinutes: e.HEARTH_SESSION_IDLE_MINUTES,
      secret: e.HEARTH_SESSION_SECRET,
      cookieSecure: e.HEARTH_COOKIE_SECURE === 'auto' ? 'auto' : e.HEARTH_COOKIE_SECURE === 'true',
    },
    trustProxy: e.HEARTH_TRUST_PROXY === 'true',
    seedDemo: e.HEARTH_SEED_DEMO === 'true',
    demoPassword: e.HEARTH_DEMO_PASSWORD,
    logLevel: e.HEARTH_LOG_LEVEL,
    rateLimitPerMinute: e.HEARTH_RATE_LIMIT_PER_MINUTE,
    signInLimitPerMinute: e.HEARTH_SIGN_IN_LIMIT_PER_MINUTE,
  };
}

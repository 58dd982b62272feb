import { postcodesImport } from './postcodesCommand';
import { benchCommand } from './benchCommand';
import { returnsCommand, returnsUsage } from './returnsCommands';
import { parseArgs } from 'node:util';
import { isRole, roles } from '../domain/access/roles';
import { createApp } from '../app';
import { dataAccess } from '../dataAccess';
import { seedDemonstrationAuthority, demoSignIns, isSeeded, authorityName } from '../modules/demo/demoSeed';
import { usernameSchema } from '../modules/staff/staffSchemas';
import { systemClock } from '../platform/clock';
import { ConfigError, loadConfig, type Config } from '../platform/config';
import { DataDirInUseError } from '../platform/db/dataDirLock';
import type { Database } from '../platform/db/database';
import { maintainEmbeddedDatabase } from '../platform/db/maintenance';
import { keepTalliesCompact } from '../modules/standards/tallyUpkeep';
import { ValidationError } from '../platform/errors';
import { services as buildServices } from '../services';
import { cliContext, readStdin, UsageError } from './cliContext';
import { calendarAddWorkingDays, eventsImport, obligationsCommand, standardsDue, standardsList, standardsRecompute } from './standardsCommands';

const usage = `Usage: npx hearth <command>

  serve                          start Hearth (seeds the demonstration authority on first start)
  migrate                        bring the database up to date
  seed                           add the demonstration authority to an empty database
  projections rebuild            rebuild the record tables from the events (after a fix)
  events import FILE [--all-or-nothing | --in-batches N]
                                 import newline-delimited JSON events from another system
  bench generate --children N [--years Y] [--seed S]
                                 write a synthetic authority (fictional, for measuring) through the import
  obligations --child <external id> [--at <instant>] --json
                                 a child's obligations as they stood at an instant
  standards list [--json]        the practice standards catalogue
  standards due <rule id> --from <instant>
                                 when a standard falls due, counted from an instant
  standards recompute            work out every obligation again from the events
  postcodes import FILE.csv      load postcode district centres (outcode, latitude, longitude)
                                 for distances from home and school to placements
${returnsUsage}
  calendar add-working-days <YYYY-MM-DD> <N>
                                 the Nth working day after a date (England and Wales)
  user add <username> --role <role> [--role <role>…] [--team <team name>…]
           [--name "<full name>"] --password-stdin
                                 add a user; the password is read from standard input
  token issue <username> [--label "<what it is for>"]
                                 print a new API token for the user, on one line

Roles: ${roles.join(', ')}
Every command uses DATABASE_URL (PostgreSQL) if set, otherwise the embedded database in
HEARTH_DATA_DIR (default ./data).`;

async function withDatabase<T>(config: Config, run: (database: Database) => Promise<T>): Promise<T> {
  const database = await dataAccess(config);
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

async function serve(config: Config): Promise<number> {
  const database = await dataAccess(config);
  const services = buildServices(database.db, systemClock);
  let seededNow = false;
  if (config.seedDemo && !(await isSeeded(services))) {
    console.log('First start: adding the demonstration authority (this takes a few seconds)…');
    await seedDemonstrationAuthority(services, config.demoPassword);
    seededNow = true;
  }
  const app = await createApp(services, { config, authorityName: await authorityName(services) });
  const stopMaintenance = maintainEmbeddedDatabase(database, (error) => app.log.warn({ err: error }, 'database maintenance failed'));
  const stopCompacting = keepTalliesCompact(services.standards, (error) => app.log.warn({ err: error }, 'compacting the compliance tallies failed'));
  const stop = async (signal: string) => {
    app.log.info(`${signal}: stopping`);
    stopMaintenance();
    stopCompacting();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.database.dataDir}`;
  console.log(`\nHearth is running at http://localhost:${config.port} using the ${where}.`);
  if (config.seedDemo && (seededNow || (await isSeeded(services)))) {
    console.log(`\nDemonstration sign-ins (password for all: ${config.demoPassword}):`);
    for (const line of await demoSignIns(services)) console.log(`  ${line}`);
  }
  console.log('\nStop it with Ctrl+C.');
  return new Promise<number>(() => {}); // runs until stopped
}

async function userAdd(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string', multiple: true },
      team: { type: 'string', multiple: true },
      name: { type: 'string' },
      email: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const username = positionals[0];
  if (!username || positionals.length > 1) throw new UsageError('user add needs exactly one username');
  const parsedName = usernameSchema.safeParse(username);
  if (!parsedName.success) throw new UsageError(parsedName.error.issues[0]?.message ?? 'The username is not valid');
  const userRoles = values.role ?? [];
  if (userRoles.length === 0) throw new UsageError(`user add needs at least one --role: ${roles.join(', ')}`);
  const unknown = userRoles.filter((r) => !isRole(r));
  if (unknown.length) throw new UsageError(`Unknown role ${unknown.join(', ')}: use one of ${roles.join(', ')}`);
  if (!values['password-stdin']) throw new UsageError('user add needs --password-stdin, with the password piped to standard input');
  const password = await readStdin();

  return withDatabase(config, async (database) => {
    const services = buildServices(database.db, systemClock);
    const teamIds: string[] = [];
    for (const name of values.team ?? []) {
      const team = await services.staff.teamByName(name);
      if (!team) {
        const known = (await services.staff.teams()).map((t) => t.name).join('", "');
        throw new UsageError(`There is no team called "${name}". Teams: "${known}"`);
      }
      teamIds.push(team.id);
    }
    await services.userAdmin.createUser(cliContext(), {
      username: parsedName.data,
      displayName: values.name ?? parsedName.data,
      email: values.email ?? null,
      jobTitle: null,
      roles: userRoles.filter(isRole),
      teamIds,
      password,
    });
    console.log(`Added ${parsedName.data} (${userRoles.join(', ')}).`);
    return 0;
  });
}

async function tokenIssue(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { label: { type: 'string' } } });
  const username = positionals[0];
  if (!username || positionals.length > 1) throw new UsageError('token issue needs exactly one username');
  return withDatabase(config, async (database) => {
    const services = buildServices(database.db, systemClock);
    const member = await services.staff.memberByUsername(username);
    if (!member) throw new UsageError(`There is no user called ${username}`);
    const token = await services.userAdmin.issueToken(cliContext(), member.id, values.label ?? 'Issued with npx hearth token issue');
    console.log(token);
    return 0;
  });
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    const config = loadConfig();
    switch (command) {
      case 'serve':
        return await serve(config);
      case 'migrate':
        return await withDatabase(config, async () => {
          console.log('The database is up to date.');
          return 0;
        });
      case 'seed':
        return await withDatabase(config, async (database) => {
          const services = buildServices(database.db, systemClock);
          if (await isSeeded(services)) {
            console.log('The database already has teams: the demonstration authority was not added again.');
            return 0;
          }
          await seedDemonstrationAuthority(services, config.demoPassword);
          console.log(`Added the demonstration authority. Sign-ins (password ${config.demoPassword}):`);
          for (const line of await demoSignIns(services)) console.log(`  ${line}`);
          return 0;
        });
      case 'projections':
        if (sub !== 'rebuild') throw new UsageError('Did you mean: npx hearth projections rebuild');
        return await withDatabase(config, async (database) => {
          const { people, events } = await buildServices(database.db, systemClock).people.rebuildProjections(cliContext());
          console.log(`Rebuilt the records of ${people} people from ${events} events.`);
          return 0;
        });
      case 'events':
        if (sub !== 'import') throw new UsageError('Did you mean: npx hearth events import FILE');
        return await eventsImport(rest, (run) => withDatabase(config, run));
      case 'bench':
        return await benchCommand(sub, rest, (run) => withDatabase(config, run));
      case 'obligations':
        return await obligationsCommand(argv.slice(1), (run) => withDatabase(config, run));
      case 'standards':
        if (sub === 'list') return standardsList(rest);
        if (sub === 'due') return await standardsDue(rest, (run) => withDatabase(config, run));
        if (sub === 'recompute') return await standardsRecompute((run) => withDatabase(config, run));
        throw new UsageError('Did you mean: npx hearth standards list | due <rule id> --from <instant> | recompute');
      case 'postcodes':
        if (sub !== 'import') throw new UsageError('Did you mean: npx hearth postcodes import FILE.csv');
        return await postcodesImport(rest, (run) => withDatabase(config, run));
      case 'returns':
        return await returnsCommand(sub, rest, (run) => withDatabase(config, run));
      case 'calendar':
        if (sub !== 'add-working-days') throw new UsageError('Did you mean: npx hearth calendar add-working-days <YYYY-MM-DD> <N>');
        return calendarAddWorkingDays(rest);
      case 'user':
        if (sub !== 'add') throw new UsageError('Did you mean: npx hearth user add <username> --role <role> --password-stdin');
        return await userAdd(config, rest);
      case 'token':
        if (sub !== 'issue') throw new UsageError('Did you mean: npx hearth token issue <username>');
        return await tokenIssue(config, rest);
      case undefined:
      case 'help':
      case '--help':
        console.log(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    if (error instanceof ValidationError) {
      for (const p of error.problems) console.error(`${p.field}: ${p.message}`);
      return 1;
    }
    if (error instanceof ConfigError || error instanceof DataDirInUseError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    console.error(`Hearth stopped: ${(error as Error).message}`);
    return 1;
  }
}

import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { isIsoDate, londonDate } from '../domain/calendar/localDate';
import { isAllegationRule } from '../domain/lado/allegation';
import { isYouthJusticeRule } from '../domain/youthJustice/youthJusticeCodes';
import { dueAfter, dueBefore } from '../domain/standards/due';
import { versionOn } from '../domain/standards/evaluate';
import { stateAt } from '../domain/standards/obligation';
import { policyDocuments, type Rule } from '../domain/standards/rule';
import { englandAndWalesCalendar } from '../platform/calendar';
import type { Database } from '../platform/db/database';
import { catalogueRules, ruleById } from '../standards/index';
import { timelinesWith } from '../modules/standards/standardsService';
import { systemClock } from '../platform/clock';
import { services as buildServices } from '../services';
import { cliContext, UsageError } from './cliContext';

type WithDatabase = <T>(run: (database: Database) => Promise<T>) => Promise<T>;

const instantWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: string | undefined, option: string): Date {
  if (!value || !instantWithOffset.test(value) || Number.isNaN(Date.parse(value)) || !isIsoDate(value.slice(0, 10))) {
    throw new UsageError(`${option} must be an ISO-8601 instant with an offset, like 2026-04-02T15:00:00+01:00`);
  }
  return new Date(value);
}

export function citationText(rule: Rule): string {
  const document = policyDocuments[rule.citation.document].replace(/^.*\((.*)\)$/, '$1');
  return `${document}, ${rule.citation.section}, paragraph ${rule.citation.paragraph}`;
}

/** `npx hearth standards list --json`: [{ id, title, citation }]. */
export function standardsList(args: string[]): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const list = catalogueRules.map((rule) => ({ id: rule.id, title: rule.title, citation: citationText(rule) }));
  if (values.json) console.log(JSON.stringify(list, null, 2));
  else for (const rule of list) console.log(`${rule.id.padEnd(40)} ${rule.title}\n${' '.repeat(41)}${rule.citation}`);
  return 0;
}

/**
 * `npx hearth standards due <rule id> --from <instant>`: { rule, due } — a London date for rules
 * counted in days, weeks or months; an instant in UTC for rules counted in hours. For a rule
 * counted before a birthday or another event, --from is that birthday or event; for one counted
 * from a date the panel set (panel.return-to-panel), --from is that date.
 */
export async function standardsDue(args: string[], withDatabase: WithDatabase): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' }, json: { type: 'boolean' } } });
  const rule = ruleById(positionals[0] ?? '');
  if (!rule) throw new UsageError(`Unknown standard "${positionals[0] ?? ''}": see npx hearth standards list`);
  const from = instant(values.from, '--from');
  const overrides = await withDatabase(async (database) => buildServices(database.db, systemClock).standards.overrides());
  const timeline = timelinesWith(overrides).find((t) => t.id === rule.id);
  const inForce = (timeline && versionOn(timeline, londonDate(from))?.rule) ?? rule;
  const calendar = englandAndWalesCalendar();
  const due =
    inForce.kind === 'after'
      ? dueAfter(from, inForce.within, calendar)
      : inForce.kind === 'recurring'
        ? dueAfter(from, inForce.first ?? inForce.every, calendar)
        : dueBefore(londonDate(from), inForce.ahead, calendar);
  console.log(JSON.stringify({ rule: rule.id, due: due.date ?? due.deadline.toISOString() }));
  return 0;
}

/** `npx hearth obligations --child <external id> [--at <instant>] --json`. */
export async function obligationsCommand(args: string[], withDatabase: WithDatabase): Promise<number> {
  const { values } = parseArgs({ args, options: { child: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' } } });
  if (!values.child) throw new UsageError('obligations needs --child <external id>');
  const at = values.at ? instant(values.at, '--at') : new Date();
  return withDatabase(async (database) => {
    const s = buildServices(database.db, systemClock);
    const child = await s.people.findByExternalId(values.child as string);
    if (!child) throw new UsageError(`No child has the external id ${values.child}`);
    // The allegation standards (lado.*) are seen only by the LADO team and auditors (issue 11), and a child's youth justice
    // standards (yos.*) only by the Youth Offending Service and those working with the child (issue 12): not by whoever runs the server's commands.
    const list = (await s.standards.asAt(child.id, at)).filter((o) => !isAllegationRule(o.ruleId) && !isYouthJusticeRule(o.ruleId)).map((o) => ({
      rule: o.ruleId,
      state: stateAt(o, at),
      due: o.dueDate ?? o.deadline.toISOString(),
      doneAt: o.doneAt ? o.doneAt.toISOString() : null,
    }));
    if (values.json) console.log(JSON.stringify(list, null, 2));
    else for (const o of list) console.log(`${o.rule.padEnd(40)} ${o.state.padEnd(9)} due ${o.due}${o.doneAt ? `, done ${o.doneAt}` : ''}`);
    return 0;
  });
}

/** `npx hearth standards recompute`: every obligation, from the events. */
export async function standardsRecompute(withDatabase: WithDatabase): Promise<number> {
  return withDatabase(async (database) => {
    const started = Date.now();
    const { people } = await buildServices(database.db, systemClock).standards.recomputeAll((done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${done} of ${total} people`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(`Recomputed the obligations of ${people} people in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  });
}

/** `npx hearth calendar add-working-days <YYYY-MM-DD> <N>`: prints the date. */
export function calendarAddWorkingDays(args: string[]): number {
  const [date, n] = args;
  if (!date || !isIsoDate(date)) throw new UsageError('calendar add-working-days needs a real date written YYYY-MM-DD, like 2026-04-02');
  if (!n || !/^\d{1,5}$/.test(n)) throw new UsageError('calendar add-working-days needs a whole number of working days, 0 or more');
  console.log(englandAndWalesCalendar().addWorkingDays(date, Number(n)));
  return 0;
}

/** `npx hearth events import FILE [--all-or-nothing]`. */
export async function eventsImport(args: string[], withDatabase: WithDatabase): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'all-or-nothing': { type: 'boolean' }, 'in-batches': { type: 'string' } } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('events import needs exactly one file of newline-delimited JSON');
  if (values['in-batches'] !== undefined) {
    const batchChildren = Number(values['in-batches']);
    if (!Number.isInteger(batchChildren) || batchChildren < 1 || batchChildren > 10_000) throw new UsageError('--in-batches needs the number of children in each batch, from 1 to 10000 (500 is a good size)');
    if (values['all-or-nothing']) throw new UsageError('--in-batches commits each batch as it goes: it cannot be used with --all-or-nothing');
    if (!fs.existsSync(file)) throw new UsageError(`Cannot read ${file}: there is no such file`);
    return withDatabase(async (database) => {
      const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
      const started = Date.now();
      const report = await buildServices(database.db, systemClock).eventImport.importInBatches(cliContext(), lines, {
        batchChildren,
        progress: (r) => process.stderr.write(`\r${r.imported} events for ${r.children} children (${Math.round(r.imported / Math.max(1, (Date.now() - started) / 1000))} events/s)`),
      });
      process.stderr.write('\n');
      console.log(`Imported ${report.imported} line${report.imported === 1 ? '' : 's'} for ${report.children} ${report.children === 1 ? 'child' : 'children'} (${report.created} new), in batches of ${batchChildren} children.`);
      for (const p of report.problems) console.error(`line ${p.line}: ${p.reason}`);
      return report.problems.length > 0 ? 1 : 0;
    });
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  return withDatabase(async (database) => {
    const report = await buildServices(database.db, systemClock).eventImport.importLines(cliContext(), text, { allOrNothing: Boolean(values['all-or-nothing']) });
    const refused = report.problems.length;
    if (values['all-or-nothing'] && refused > 0) console.log(`Nothing was imported: ${refused} line${refused === 1 ? ' was' : 's were'} refused.`);
    else {
      const children = `${report.children} ${report.children === 1 ? 'child' : 'children'}`;
      console.log(`Imported ${report.imported} line${report.imported === 1 ? '' : 's'} for ${children} (${report.created} new).`);
    }
    for (const p of report.problems) console.error(`line ${p.line}: ${p.reason}`);
    return refused > 0 ? 1 : 0;
  });
}

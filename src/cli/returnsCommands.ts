import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { annexACsv, annexAWorkbook } from '../domain/returns/annexA/annexAWorkbook';
import type { Database } from '../platform/db/database';
import { systemClock } from '../platform/clock';
import { services as buildServices, type Services } from '../services';
import type { BuiltReturns, Progress } from '../modules/returns/returnsService';
import { reportCsv } from '../modules/returns/returnsReport';
import { importPreviousReturns } from '../modules/returns/returnsImport';
import { cliContext, UsageError } from './cliContext';

type WithDatabase = <T>(run: (database: Database) => Promise<T>) => Promise<T>;

export const returnsUsage = `  returns cin-census --year <YYYY> --out FILE.xml [--la <code>]
                                 the Children in Need census for the year ending 31 March YYYY,
                                 with its validation report beside it (FILE.report.csv)
  returns ssda903 --year <YYYY> --out DIR [--la <code>]
                                 the SSDA903 children looked after return: the DfE's CSV tables
                                 in DIR, with validation-report.csv
  returns annex-a --from <YYYY-MM-DD> --to <YYYY-MM-DD> --out FILE.xlsx [--csv DIR]
                                 Ofsted's Annex A lists 1-11 as a spreadsheet (and CSV files)
  returns import --year <YYYY> [--ssda903 DIR] [--cin FILE.xml]
                                 an authority's earlier returns, as the children's history
  returns set-la-code <code>     the authority's three-digit DfE code the returns are sent under`;

/** A progress bar on standard error when someone is watching; nothing in a pipe or a log. */
function progressBar(label: string): { onProgress: Progress; stop(): void } {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} children | {eta_formatted} left`, stream: process.stderr }, Presets.shades_classic);
  let started = false;
  return {
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

function year(value: string | undefined): string {
  if (!value) throw new UsageError('--year is needed: the year the collection ends in, like 2026 for April 2025 to March 2026');
  return value;
}

function out(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`--out is needed: ${what}`);
  return path.resolve(value);
}

function summary(built: BuiltReturns, which: 'cin-census' | 'ssda903', seconds: number): string {
  const failures = built.failures.filter((f) => f.return === which);
  const errors = failures.filter((f) => f.severity === 'error').length;
  const counts = new Map<string, number>();
  for (const f of failures) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([code, n]) => `  ${code.padEnd(6)} ${n}`);
  return [
    `${built.children} children read in ${seconds.toFixed(1)} s; ${errors} errors and ${failures.length - errors} queries.`,
    ...(top.length ? ['Most frequent rules:', ...top] : []),
  ].join('\n');
}

async function build(services: Services, values: { year?: string; la?: string }): Promise<{ built: BuiltReturns; seconds: number }> {
  const started = performance.now();
  const bar = progressBar('Reading the records');
  try {
    const built = await services.returns.build(cliContext(['performance-officer']), { year: year(values.year), la: values.la, onProgress: bar.onProgress });
    return { built, seconds: (performance.now() - started) / 1000 };
  } finally {
    bar.stop();
  }
}

/** `npx hearth returns …`: the statutory returns from the command line. */
export async function returnsCommand(sub: string | undefined, args: string[], withDatabase: WithDatabase): Promise<number> {
  const options = {
    year: { type: 'string' },
    out: { type: 'string' },
    la: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    csv: { type: 'string' },
    ssda903: { type: 'string' },
    cin: { type: 'string' },
  } as const;
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  switch (sub) {
    case 'cin-census': {
      const file = out(values.out, 'the XML file to write, like cin-census-2026.xml');
      return withDatabase(async (database) => {
        const services = buildServices(database.db, systemClock);
        const { built, seconds } = await build(services, values);
        fs.writeFileSync(file, services.returns.cinXml(built));
        const report = file.replace(/\.xml$/i, '') + '.report.csv';
        fs.writeFileSync(report, reportCsv(built.failures.filter((f) => f.return === 'cin-census')));
        console.log(`Wrote the CIN census for ${built.year} (${built.cin?.children.length ?? 0} children in need) to ${file}, and its validation report to ${report}.`);
        console.log(summary(built, 'cin-census', seconds));
        return 0;
      });
    }
    case 'ssda903': {
      const dir = out(values.out, 'the folder to write the CSV tables in, like ssda903-2026/');
      return withDatabase(async (database) => {
        const services = buildServices(database.db, systemClock);
        const { built, seconds } = await build(services, values);
        fs.mkdirSync(dir, { recursive: true });
        for (const [table, text] of Object.entries(services.returns.ssda903Files(built))) fs.writeFileSync(path.join(dir, `${table}.csv`), text);
        fs.writeFileSync(path.join(dir, 'validation-report.csv'), reportCsv(built.failures.filter((f) => f.return === 'ssda903')));
        console.log(`Wrote the SSDA903 return for ${built.year} (${built.ssda903?.header.length ?? 0} children, ${built.ssda903?.episodes.length ?? 0} episodes) to ${dir}, with validation-report.csv.`);
        console.log(summary(built, 'ssda903', seconds));
        return 0;
      });
    }
    case 'annex-a': {
      const file = out(values.out, 'the spreadsheet to write, like annex-a.xlsx');
      if (!values.from || !values.to) throw new UsageError('--from and --to are needed: the first and last days of the lists, like --from 2025-04-01 --to 2026-03-31');
      return withDatabase(async (database) => {
        const services = buildServices(database.db, systemClock);
        const bar = progressBar('Reading the records');
        const lists = await services.returns.annexA(cliContext(['performance-officer']), { from: values.from as string, to: values.to as string, onProgress: bar.onProgress }).finally(() => bar.stop());
        fs.writeFileSync(file, await annexAWorkbook(lists));
        if (values.csv) {
          fs.mkdirSync(values.csv, { recursive: true });
          for (const list of lists) fs.writeFileSync(path.join(values.csv, `annex-a-list-${list.number}.csv`), annexACsv(list));
        }
        console.log(`Wrote Annex A (${lists.map((l) => `list ${l.number}: ${l.rows.length}`).join(', ')}) to ${file}${values.csv ? ` and the CSV files to ${values.csv}` : ''}.`);
        return 0;
      });
    }
    case 'import': {
      if (!values.ssda903 && !values.cin) throw new UsageError('returns import needs --ssda903 DIR (the CSV tables) and/or --cin FILE.xml');
      return withDatabase(async (database) => {
        const services = buildServices(database.db, systemClock);
        const importYear = services.returns.yearOf(year(values.year));
        const report = await importPreviousReturns(services, cliContext(['performance-officer']), { ssda903Dir: values.ssda903, cinXml: values.cin, year: importYear });
        for (const w of report.warnings) console.error(`${w.file} row ${w.row} (warning): ${w.reason}`);
        for (const p of report.problems) console.error(`${p.file} row ${p.row}: ${p.reason}`);
        if (report.problems.length > 0) {
          console.error(`Nothing was imported: put right the ${report.problems.length} rows above and run the import again.`);
          return 1;
        }
        console.log(`Imported ${report.imported} events for ${report.children} children (${report.created} new).`);
        return 0;
      });
    }
    case 'set-la-code': {
      const code = positionals[0];
      if (!code) throw new UsageError('returns set-la-code needs the three-digit code, like 873');
      return withDatabase(async (database) => {
        await buildServices(database.db, systemClock).returns.setLaCode(cliContext(['performance-officer']), code);
        console.log(`The returns will be sent under the DfE code ${code}.`);
        return 0;
      });
    }
    default:
      throw new UsageError('Did you mean: npx hearth returns cin-census | ssda903 | annex-a | import | set-la-code');
  }
}

import { rolesAllow } from '../../domain/access/can';
import { isIsoDate, londonDate } from '../../domain/calendar/localDate';
import { annexALists } from '../../domain/returns/annexA/annexALists';
import type { AnnexAList } from '../../domain/returns/annexA/annexATypes';
import { cinCensusXml, cinHeader } from '../../domain/returns/cinCensus/cinCensusXml';
import type { CinCensus, CinChild } from '../../domain/returns/cinCensus/cinCensusTypes';
import { cinChildOf } from '../../domain/returns/cinCensus/cinCensusProjection';
import { cinRuleByCode, cinWholeReturnRules, validateCinChild, validateCinHeader } from '../../domain/returns/cinCensus/rules/index';
import { collectionPeriod, collectionYearOf } from '../../domain/returns/collectionYear';
import { readByTheReturns } from '../../domain/returns/eventsRead';
import type { ReturnName, RuleFailure } from '../../domain/returns/ruleTypes';
import { ssda903Csv } from '../../domain/returns/ssda903/ssda903Csv';
import { ssda903ChildOf } from '../../domain/returns/ssda903/ssda903Projection';
import { emptyTables, type Ssda903TableName, type Ssda903Tables } from '../../domain/returns/ssda903/ssda903Types';
import { ssda903RuleByCode, validateSsda903Child } from '../../domain/returns/ssda903/rules/index';
import type { ProviderFacts, ReturnContext, ReturnSubject } from '../../domain/returns/subject';
import { audit, type RequestContext } from '../../platform/audit/auditLog';
import { englandAndWalesCalendar } from '../../platform/calendar';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { ForbiddenError, ValidationError } from '../../platform/errors';
import { installationSettings } from '../../platform/settings';
import type { PeopleService } from '../people/peopleService';
import type { ProviderService } from '../providers/providerService';
import type { StaffDirectory } from '../staff/staffDirectory';
import { laCodeSetting } from './laCode';
import { childIds, returnSubjects, subjectBatch } from './returnSubjects';


/** A failure as a page shows it: the rule's words, what to change, and which return it is for. */
export interface ShownFailure extends RuleFailure {
  return: ReturnName;
  message: string;
  fix: string;
  severity: 'error' | 'query';
}

export interface Progress {
  (done: number, total: number): void;
}

export interface BuiltReturns {
  year: number;
  children: number;
  cin: CinCensus | null;
  ssda903: Ssda903Tables | null;
  failures: ShownFailure[];
}

const returnsYears = { earliest: 2015 } as const;

/**
 * Every child's record as the returns read it, a batch at a time; the next batch is asked for
 * while this one is worked out, so a database server reads while Hearth computes.
 */
async function* inBatches(db: Db, ids: readonly string[]) {
  let next = returnSubjects(db, ids.slice(0, subjectBatch), readByTheReturns);
  for (let i = 0; i < ids.length; i += subjectBatch) {
    const batch = await next;
    if (i + subjectBatch < ids.length) next = returnSubjects(db, ids.slice(i + subjectBatch, i + 2 * subjectBatch), readByTheReturns);
    yield { batch, done: Math.min(i + subjectBatch, ids.length) };
  }
}

/**
 * The statutory returns (issue 10): the CIN census and the SSDA903 return as projections of the
 * events already recorded, checked against the DfE's rules, and Ofsted's Annex A lists.
 */
export function returnsService(db: Db, clock: Clock, people: PeopleService, providers: ProviderService, staff: StaffDirectory) {
  const calendar = englandAndWalesCalendar();

  async function laCode(given?: string): Promise<string> {
    const code = given ?? (await installationSettings.get(db, laCodeSetting));
    if (!code || !/^\d{3}$/.test(code)) {
      throw new ValidationError([{ field: 'la', message: code ? `The authority's DfE code must be three digits, like 873: ${code} is not` : "The authority's DfE code is not set: give it with --la 873, or set it once with npx hearth returns set-la-code 873" }]);
    }
    return code;
  }

  /** The year's context and the year before's (the SSDA903 rules compare the two), from one read of the providers and the code. */
  async function contextsFor(year: number, givenLaCode?: string): Promise<[ReturnContext, ReturnContext]> {
    const facts = new Map<string, ProviderFacts>((await providers.all()).map((p) => [p.id, { id: p.id, kind: p.type, urn: p.urn, postcode: p.postcode }]));
    const code = await laCode(givenLaCode);
    const of = (y: number): ReturnContext => ({ period: collectionPeriod(y), laCode: code, providers: facts, calendar });
    return [of(year), of(year - 1)];
  }

  function yearOf(input: unknown): number {
    const today = londonDate(clock.now());
    const latest = collectionYearOf(today);
    const year = typeof input === 'number' ? input : typeof input === 'string' && /^\d{4}$/.test(input.trim()) ? Number(input.trim()) : NaN;
    if (!Number.isInteger(year) || year < returnsYears.earliest || year > latest) {
      throw new ValidationError([{ field: 'year', message: `Enter the collection year as four digits, from ${returnsYears.earliest} to ${latest} (the year ending 31 March ${latest} is ${latest})` }]);
    }
    return year;
  }

  const shownCin = (f: RuleFailure): ShownFailure => {
    const rule = cinRuleByCode(f.code);
    return { ...f, return: 'cin-census', message: rule?.message ?? f.code, fix: rule?.fix ?? '', severity: rule?.severity ?? (f.code.endsWith('Q') ? 'query' : 'error') };
  };
  const shown903 = (f: RuleFailure): ShownFailure => {
    const rule = ssda903RuleByCode(f.code);
    return { ...f, return: 'ssda903', message: rule?.message ?? f.code, fix: rule?.fix ?? '', severity: rule?.severity ?? 'error' };
  };

  /** One child's rows in both returns for a year, and what the rules say of them. */
  function childReturns(subject: ReturnSubject, context: ReturnContext, previous: ReturnContext) {
    const cin = cinChildOf(subject, context);
    const tables = ssda903ChildOf(subject, context);
    const failures: ShownFailure[] = [];
    if (cin) failures.push(...validateCinChild(cin, { period: context.period, laCode: context.laCode, calendar }).map(shownCin));
    if (tables) {
      // Hearth holds the year before (recorded or imported): a child with no rows in it is a child who was not in last year's return, not a return that is missing (rules NoE, 562, 1001, 205D).
      const before = ssda903ChildOf(subject, previous) ?? emptyTables();
      failures.push(...validateSsda903Child({ childId: subject.childId, tables }, { period: context.period, laCode: context.laCode, previous: before }).map(shown903));
    }
    return { cin, tables, failures };
  }

  function mayExport(context: RequestContext) {
    if (!rolesAllow(context.actor, 'returns:export')) throw new ForbiddenError('The statutory returns are produced by the performance team and heads of service');
  }

  return {
    yearOf,
    laCode: () => installationSettings.get(db, laCodeSetting),

    /** Both returns for a year, with every rule's failures: what the export writes and its report. */
    async build(context: RequestContext, input: { year: unknown; la?: string; onProgress?: Progress }): Promise<BuiltReturns> {
      mayExport(context);
      const year = yearOf(input.year);
      const [returnContext, previousContext] = await contextsFor(year, input.la);
      const ids = await childIds(db);
      const cinChildren: CinChild[] = [];
      const tables = emptyTables();
      const failures: ShownFailure[] = [];
      for await (const { batch, done } of inBatches(db, ids)) {
        for (const subject of batch) {
          const child = childReturns(subject, returnContext, previousContext);
          if (child.cin) cinChildren.push(child.cin);
          if (child.tables) for (const name of Object.keys(tables) as Ssda903TableName[]) (tables[name] as unknown[]).push(...child.tables[name]);
          failures.push(...child.failures);
        }
        input.onProgress?.(done, ids.length);
      }
      const cin: CinCensus = { header: cinHeader(returnContext, clock.now(), 'Hearth'), children: cinChildren };
      // The header and the whole-return rules (the same LAchildID or UPN twice, the share with no sex recorded): the child rules ran above.
      const cinContext = { period: returnContext.period, laCode: returnContext.laCode, calendar };
      failures.push(...[...validateCinHeader(cin.header, cinContext), ...cinWholeReturnRules.flatMap((rule) => rule.checkAll(cin.children, cinContext))].map(shownCin));
      await audit.record(db, context, { action: 'returns.produced', details: { year, children: ids.length, cinChildren: cinChildren.length, lookedAfter: tables.header.length, failures: failures.length, read: ids } });
      return { year, children: ids.length, cin, ssda903: tables, failures };
    },

    cinXml: (built: BuiltReturns) => cinCensusXml(built.cin as CinCensus),
    ssda903Files: (built: BuiltReturns) => ssda903Csv(built.ssda903 as Ssda903Tables),

    /** What the returns' rules say of one child's record this collection year: shown on the record, for the worker to put right. */
    async forChild(context: RequestContext, personId: string) {
      const record = await people.record(context, personId);
      const year = collectionYearOf(londonDate(clock.now()));
      const code = (await installationSettings.get(db, laCodeSetting)) ?? '000';
      const [returnContext, previousContext] = await contextsFor(year, code);
      const [subject] = await returnSubjects(db, [personId], readByTheReturns);
      const child = subject ? childReturns(subject, returnContext, previousContext) : { cin: null, tables: null, failures: [] };
      return { record, year, period: returnContext.period, inCin: child.cin !== null, in903: child.tables !== null, failures: child.failures, rows: child };
    },

    /** The data quality page: each child of a team with what the rules say of their record. */
    async quality(context: RequestContext, input: { teamId: string | null; year?: unknown }) {
      if (!rolesAllow(context.actor, 'returns:quality')) throw new ForbiddenError('The data quality page is for managers and the performance team');
      const year = input.year === undefined || input.year === '' ? collectionYearOf(londonDate(clock.now())) : yearOf(input.year);
      const teams = await staff.teams();
      // A manager's own team first; anyone may choose another.
      const chosen = input.teamId ?? context.actor.teamIds[0] ?? null;
      const teamId = chosen && teams.some((t) => t.id === chosen) ? chosen : null;
      const code = (await installationSettings.get(db, laCodeSetting)) ?? '000';
      const [returnContext, previousContext] = await contextsFor(year, code);
      const children: { personId: string; childId: string; name: string; failures: ShownFailure[] }[] = [];
      let hidden = 0;
      if (teamId) {
        // Only the children the reader may see: a restricted record is counted, never named (as the compliance pages do).
        const all = await childIds(db, { teamId });
        const visible = await people.visibleRecords(context, all);
        const ids = all.filter((id) => visible.has(id));
        hidden = all.length - ids.length;
        for (let i = 0; i < ids.length; i += subjectBatch) {
          for (const subject of await returnSubjects(db, ids.slice(i, i + subjectBatch), readByTheReturns)) {
            const { failures } = childReturns(subject, returnContext, previousContext);
            if (failures.length > 0) children.push({ personId: subject.personId, childId: subject.childId, name: `${subject.details.givenNames} ${subject.details.familyName}`, failures });
          }
        }
        await audit.record(db, context, { action: 'returns.quality_viewed', details: { year, teamId, shown: children.map((c) => c.personId) } });
      }
      const byRule = new Map<string, { code: string; return: ReturnName; message: string; severity: string; count: number }>();
      for (const f of children.flatMap((c) => c.failures)) {
        const key = `${f.return}|${f.code}`;
        const entry = byRule.get(key) ?? { code: f.code, return: f.return, message: f.message, severity: f.severity, count: 0 };
        entry.count += 1;
        byRule.set(key, entry);
      }
      return { year, period: returnContext.period, teams, teamId, children, hidden, byRule: [...byRule.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)) };
    },

    /** Ofsted's Annex A lists 1-11 for a date range. */
    async annexA(context: RequestContext, input: { from: string; to: string; onProgress?: Progress }): Promise<AnnexAList[]> {
      mayExport(context);
      const problems = [
        ...(!isIsoDate(input.from) ? [{ field: 'from', message: 'Enter the first day of the lists as a real date, like 2025-04-01' }] : []),
        ...(!isIsoDate(input.to) ? [{ field: 'to', message: 'Enter the last day of the lists as a real date, like 2026-03-31' }] : []),
      ];
      if (problems.length === 0 && input.from > input.to) problems.push({ field: 'to', message: 'The last day must be on or after the first day' });
      if (problems.length > 0) throw new ValidationError(problems);
      const members = new Map((await staff.allMembers()).map((m) => [m.id, m.displayName]));
      const teamNames = new Map((await staff.teams()).map((t) => [t.id, t.name]));
      const ids = await childIds(db);
      const subjects: ReturnSubject[] = [];
      for (let i = 0; i < ids.length; i += subjectBatch) {
        subjects.push(...(await returnSubjects(db, ids.slice(i, i + subjectBatch))));
        input.onProgress?.(Math.min(i + subjectBatch, ids.length), ids.length);
      }
      const providerFacts = new Map((await providers.all()).map((p) => [p.id, { kind: p.type, urn: p.urn, postcode: p.postcode }]));
      // List 11: the prospective adopters' records (issue 11), read for that list alone.
      const adopterIds = [...new Set((await people.latestOfTypesForAll(['adoption.adopter_registered'])).map((e) => e.personId))];
      const adopters = await returnSubjects(db, adopterIds);
      const lists = annexALists(subjects, { from: input.from, to: input.to }, { today: londonDate(clock.now()), workerName: (id) => members.get(id) ?? null, teamName: (id) => teamNames.get(id) ?? null, providers: providerFacts }, adopters);
      await audit.record(db, context, { action: 'returns.annex_a_produced', details: { from: input.from, to: input.to, rows: lists.reduce((n, l) => n + l.rows.length, 0), read: [...ids, ...adopterIds] } });
      return lists;
    },

    async setLaCode(context: RequestContext, code: string) {
      mayExport(context);
      if (!/^\d{3}$/.test(code.trim())) throw new ValidationError([{ field: 'la', message: "The authority's DfE code is three digits, like 873" }]);
      await installationSettings.set(db, laCodeSetting, code.trim());
      await audit.record(db, context, { action: 'returns.la_code_set', details: { code: code.trim() } });
    },
  };
}

export type ReturnsService = ReturnType<typeof returnsService>;

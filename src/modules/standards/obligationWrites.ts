import { sql, type SQL } from 'drizzle-orm';
import { groupedBy } from '../../domain/records/events';
import type { Obligation } from '../../domain/standards/obligation';
import { obligationsDigest } from '../../domain/standards/obligationDigest';
import type { Executor } from '../../platform/db/database';

/**
 * Writing people's newly worked-out obligations. Obligations are derived, never edited, so the
 * stored set is made to match the new one: rows that are still right stay as they are, and only
 * those that changed are removed and written again. A new visit changes two or three of a
 * child's hundred obligations, and recomputing everyone after nothing changed writes nothing.
 */

/** Rows written in one statement: each column goes as one array, which both engines take quickly. */
const rowsPerStatement = 5_000;

/** Everything stored about an obligation, as text, the same whether worked out here or read back. */
export function signature(o: Obligation): string {
  // One template, no closures or arrays: a full recompute makes millions of these.
  return `${o.ruleId}|${o.ruleVersion}|${o.startEventId}|${o.cycle}|${o.startedAt.getTime()}|${o.dueDate ?? ''}|${o.deadline.getTime()}|${o.outcome}|${
    o.doneAt === null ? '' : o.doneAt.getTime()
  }|${o.doneEventId ?? ''}|${o.closedAt === null ? '' : o.closedAt.getTime()}|${o.responsible}|${o.lateReason === null ? '-' : `"${o.lateReason}`}`;
}

/**
 * The same text made by the database (instants as epoch milliseconds; the free text last).
 * date_part gives the epoch as a float8, much cheaper than extract's numeric; instants here are
 * whole milliseconds, well inside a float8's exact range, and the cast to bigint rounds.
 */
const epochMs = (column: string) => `(date_part('epoch', ${column}) * 1000)::bigint`;
const signatureText = `concat_ws('|', rule_id, rule_version, start_event_id, cycle, ${epochMs('started_at')},
  coalesce(to_char(due_date, 'YYYY-MM-DD'), ''), ${epochMs('deadline')}, outcome,
  coalesce((${epochMs('done_at')})::text, ''), coalesce(done_event_id::text, ''),
  coalesce((${epochMs('closed_at')})::text, ''), responsible, coalesce('"' || late_reason, '-'))`;
const signatureSql = sql.raw(signatureText);

const array = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * A column of identifiers, numbers or dates as one array literal, joined here: none of these can
 * hold a comma, quote or brace, and joining is many times cheaper than the driver escaping each
 * value. Free text (a late reason) still goes through the driver's escaping.
 */
const safe = /^[\w.:-]+$/;
export const plain = (values: readonly (string | number | null)[], type: string) =>
  values.every((v) => v === null || typeof v === 'number' || (v !== 'NULL' && safe.test(v)))
    ? sql`${sql.param(`{${values.map((v) => (v === null ? 'NULL' : v)).join(',')}}`)}::${sql.raw(type)}[]`
    : array([...values], type);
/** Instants go as epoch milliseconds (no date text to make or read), turned back in the select. */
const ms = (d: Date | null) => (d === null ? null : d.getTime());
const fromMs = (column: string) => `to_timestamp(${column} / 1000.0)`;

/** Inserts these obligations, the first statement also deleting the stale rows (one round trip where there were two). */
async function insertMany(executor: Executor, list: readonly Obligation[], stale: readonly string[] = []): Promise<void> {
  const deleteStale = stale.length > 0 ? sql`delete from obligations where id = any(${array([...stale], 'uuid')})` : null;
  if (list.length === 0) {
    if (deleteStale) await executor.execute(deleteStale);
    return;
  }
  for (let i = 0; i < list.length; i += rowsPerStatement) {
    const rows = list.slice(i, i + rowsPerStatement);
    const deleting = i === 0 && deleteStale ? sql`with stale as (${deleteStale}) ` : sql``;
    const columns: [name: string, value: SQL, select?: string][] = [
      ['person_id', plain(rows.map((o) => o.personId), 'uuid')],
      ['rule_id', plain(rows.map((o) => o.ruleId), 'text')],
      ['rule_version', plain(rows.map((o) => o.ruleVersion), 'int')],
      ['start_event_id', plain(rows.map((o) => o.startEventId), 'uuid')],
      ['cycle', plain(rows.map((o) => o.cycle), 'int')],
      ['started_at', plain(rows.map((o) => ms(o.startedAt)), 'int8'), fromMs('started_at')],
      ['due_date', plain(rows.map((o) => o.dueDate), 'date')],
      ['deadline', plain(rows.map((o) => ms(o.deadline)), 'int8'), fromMs('deadline')],
      ['outcome', plain(rows.map((o) => o.outcome), 'text')],
      ['done_at', plain(rows.map((o) => ms(o.doneAt)), 'int8'), fromMs('done_at')],
      ['done_event_id', plain(rows.map((o) => o.doneEventId), 'uuid')],
      ['closed_at', plain(rows.map((o) => ms(o.closedAt)), 'int8'), fromMs('closed_at')],
      ['late_reason', array(rows.map((o) => o.lateReason), 'text')],
      ['responsible', plain(rows.map((o) => o.responsible), 'text')],
    ];
    const names = columns.map(([name]) => name).join(', ');
    await executor.execute(sql`${deleting}insert into obligations (${sql.raw(names)})
      select ${sql.raw(columns.map(([name, , select]) => select ?? name).join(', '))}
      from unnest(${sql.join(
        columns.map(([, value]) => value),
        sql`, `,
      )}) as t(${sql.raw(names)})`);
  }
}

/**
 * Makes these people's stored obligations exactly `list` (theirs, newly worked out): keeps the
 * rows that match one of the new obligations, deletes the rest, and inserts what is missing.
 */
export async function reconcileObligations(
  executor: Executor,
  personIds: readonly string[],
  list: readonly Obligation[],
  /** Only these rules' obligations were worked out again (the rules a new event touches): the rest are left as they are. */
  ruleIds?: readonly string[],
): Promise<{ kept: number; inserted: number; deleted: number }> {
  if (personIds.length === 0 || ruleIds?.length === 0) return { kept: 0, inserted: 0, deleted: 0 };
  const onlyRules = ruleIds ? sql` and rule_id = any(${plain(ruleIds, 'text')})` : sql``;
  const stored = (await executor.execute(
    sql`select id, ${signatureSql} as signature from obligations where person_id = any(${array([...personIds], 'uuid')})${onlyRules}`,
  )) as unknown as { rows: { id: string; signature: string }[] };
  const unmatched = groupedBy(stored.rows, (row) => row.signature);
  const missing: Obligation[] = stored.rows.length === 0 ? [...list] : [];
  for (const obligation of stored.rows.length === 0 ? [] : list) {
    const rows = unmatched.get(signature(obligation));
    if (rows && rows.length > 0) rows.pop();
    else missing.push(obligation);
  }
  const stale = [...unmatched.values()].flat().map((row) => row.id);
  await insertMany(executor, missing, stale);
  return { kept: list.length - missing.length, inserted: missing.length, deleted: stale.length };
}

/**
 * `reconcileObligations` for many people at once, most of whom have nothing new. Each person's
 * obligations, newly worked out, are made into a digest (obligationDigest.ts) and compared with
 * the one stored when the full recompute last wrote or checked them. Where they are the same,
 * nothing is read or written. Where they differ, or no digest is stored (their rows changed
 * since: the triggers of migration 0017 forget it), the person is compared row by row and
 * written, and their new digest stored.
 */
export async function reconcileByDigest(executor: Executor, personIds: readonly string[], list: readonly Obligation[]): Promise<{ unchanged: number; changed: number }> {
  if (personIds.length === 0) return { unchanged: 0, changed: 0 };
  const stored = (await executor.execute(
    sql`select person_id, digest from obligation_digests where person_id = any(${plain(personIds, 'uuid')})`,
  )) as unknown as { rows: { person_id: string; digest: string }[] };
  const storedDigest = new Map(stored.rows.map((r) => [r.person_id, r.digest]));
  const byPerson = groupedBy(list, (o) => o.personId);
  const changed: { personId: string; digest: string }[] = [];
  for (const personId of personIds) {
    const digest = obligationsDigest(byPerson.get(personId) ?? []);
    if (storedDigest.get(personId) !== digest) changed.push({ personId, digest });
  }
  if (changed.length > 0) {
    const ids = changed.map((c) => c.personId);
    await reconcileObligations(executor, ids, changed.length === personIds.length ? list : ids.flatMap((id) => byPerson.get(id) ?? []));
    // After the rows are written (their triggers forget the old digests), the new ones.
    await executor.execute(sql`insert into obligation_digests (person_id, digest)
      select * from unnest(${plain(ids, 'uuid')}, ${plain(changed.map((c) => c.digest), 'text')})
      on conflict (person_id) do update set digest = excluded.digest`);
  }
  return { unchanged: personIds.length - changed.length, changed: changed.length };
}

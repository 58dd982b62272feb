import { approvesMoney, budgetLabel, standing, type PanelDecision } from './decisions';

/**
 * The finance log (resource-and-care-panel-policy.txt 1.7 g: "a finance service officer who will
 * maintain a running log of all expenditure for sign off by the deputy director"; I.19 e): every
 * expenditure approved at panel, by meeting, child, resource and budget, with the weekly and
 * projected totals per meeting, per budget and overall. Read from the decisions that stand.
 */
export interface FinanceRow {
  meetingId: string;
  meetingDate: string;
  personId: string;
  childName: string;
  decisionEventId: string;
  decision: string;
  resource: string;
  budget: string;
  budgetText: string;
  weeklyPence: number;
  totalPence: number;
}

export interface Totals {
  weeklyPence: number;
  totalPence: number;
  count: number;
}

export interface FinanceLog {
  rows: FinanceRow[];
  meetings: { meetingId: string; meetingDate: string; rows: FinanceRow[]; totals: Totals }[];
  byBudget: { budget: string; budgetText: string; totals: Totals }[];
  overall: Totals;
}

const sum = (rows: readonly FinanceRow[]): Totals => ({ weeklyPence: rows.reduce((n, r) => n + r.weeklyPence, 0), totalPence: rows.reduce((n, r) => n + r.totalPence, 0), count: rows.length });

export function financeLog(decisions: readonly PanelDecision[], meetingDates: ReadonlyMap<string, string>, names: (personId: string) => string): FinanceLog {
  const rows: FinanceRow[] = standing(decisions)
    .filter((d) => approvesMoney(d.decision) && meetingDates.has(d.meetingId))
    .map((d) => ({
      meetingId: d.meetingId,
      meetingDate: meetingDates.get(d.meetingId)!,
      personId: d.personId,
      childName: names(d.personId),
      decisionEventId: d.eventId,
      decision: d.decision,
      resource: d.resource,
      budget: d.budget ?? '',
      budgetText: budgetLabel(d.budget),
      weeklyPence: d.weeklyPence ?? 0,
      totalPence: d.totalPence ?? 0,
    }))
    .sort((a, b) => (a.meetingDate === b.meetingDate ? a.childName.localeCompare(b.childName) : a.meetingDate < b.meetingDate ? 1 : -1));
  const meetingIds = [...new Set(rows.map((r) => r.meetingId))];
  const budgetIds = [...new Set(rows.map((r) => r.budget))].sort();
  return {
    rows,
    meetings: meetingIds.map((id) => {
      const mine = rows.filter((r) => r.meetingId === id);
      return { meetingId: id, meetingDate: mine[0]!.meetingDate, rows: mine, totals: sum(mine) };
    }),
    byBudget: budgetIds.map((b) => ({ budget: b, budgetText: budgetLabel(b), totals: sum(rows.filter((r) => r.budget === b)) })),
    overall: sum(rows),
  };
}

/** One meeting's totals, as the chair signs them off. */
export const meetingTotals = (log: FinanceLog, meetingId: string): Totals => log.meetings.find((m) => m.meetingId === meetingId)?.totals ?? { weeklyPence: 0, totalPence: 0, count: 0 };

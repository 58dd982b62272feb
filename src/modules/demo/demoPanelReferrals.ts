import { addDays, londonDate } from '../../domain/calendar/localDate';
import { nextPanelDate } from '../../domain/panel/panelDates';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

type At = (daysAgo: number, hour?: number) => Date;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Referrals to the Resource and Care Panel in the demonstration (issue 8; resource-and-care-panel-
 * policy.txt I.9-I.13): Elena Lakatos's, after Hollins Lodge gave notice, signed by all three and
 * ready for next Thursday's panel; Gabriel Da Silva's, after he came into care under section 20,
 * signed only by his worker and now past the three-working-day deadline; Amani Mwangi's for her
 * increased package (over £1,000 a week), waiting for the service manager. Each is prefilled from
 * the record, as a worker would start it, then completed.
 */
export async function demoPanelReferrals(s: Services, as: (username: string) => RequestContext, children: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At): Promise<void> {
  const today = londonDate(at(0));
  const { deadlineOf, weekday } = await s.panelReferrals.rules();
  const daysAgo = (date: string) => daysBetween(date, today);
  /** A referral prefilled from the record, completed with what only the worker knows. */
  const write = async (worker: RequestContext, childId: string, panelDate: string, extra: Record<string, unknown>) => {
    const { prefill } = await s.panelReferrals.view(worker, childId);
    return s.panelReferrals.make(worker, childId, {
      ...prefill, panelDate, weekly: prefill.weeklyPence === null ? '' : (prefill.weeklyPence / 100).toFixed(2), period: '26', periodUnit: 'weeks',
      familyNetworkMeeting: 'yes', network: prefill.network.length ? prefill.network : [{ name: 'Family support worker', role: 'Staying Together service' }],
      scaling: prefill.scaling.length ? prefill.scaling : [{ name: 'Social worker', role: 'Allocated worker', score: 4, reasons: 'The network is willing but not yet tested.' }],
      ...extra,
    });
  };
  const signAll = async (childId: string, id: string, who: [string, 'worker' | 'team_manager' | 'service_manager'][]) => {
    for (const [username, role] of who) await s.panelReferrals.sign(as(username), childId, id, { as: role });
  };

  // Elena Lakatos: ready for next Thursday, sent on or before its deadline.
  const [elena] = children.get('Lakatos') ?? [];
  if (elena) {
    const panel = nextPanelDate(today, weekday);
    const sentOn = deadlineOf(panel) < today ? deadlineOf(panel) : addDays(today, -1);
    setClock(at(Math.max(daysAgo(sentOn) + 1, 2), 10));
    const id = await write(as('daniel.hughes'), elena, panel, {
      criterion: 'provider_request', safetyPlan: 'yes', period: '12',
      mainIssues: 'Hollins Lodge has given notice: Elena has gone missing eleven times in two months, back to Kingsford, and the home cannot keep her safe from exploitation.',
      ask: 'Agree a placement nearer home with specialist exploitation support, and the cost of a move within the notice period.',
      alternatives: 'In-house residential has no vacancy; foster carers were tried twice and ended after missing episodes. A local placement keeps her connected to her family and school (1.4 d).',
      parentsViews: 'Her mother wants her closer to home and will support family time.', childsWishes: 'Elena says she wants to live near her mum and sister.',
      pastHarm: 'Exploited by older males while missing.', futureDanger: 'Serious harm while missing far from home.', existingStrengths: 'Good relationship with her key worker and her sister.', nextSteps: 'Placement search; strategy meeting on exploitation.',
      dangerStatements: 'Elena may be sexually exploited while missing.', safetyGoals: 'Elena lives near home with adults who know where she is.',
    });
    await signAll(elena, id, [['daniel.hughes', 'worker'], ['aisha.rahman', 'team_manager']]);
    setClock(at(daysAgo(sentOn), 15));
    await signAll(elena, id, [['marcus.bell', 'service_manager']]);
  }

  // Gabriel Da Silva: signed by his worker only; the day it was due to the administrator has passed.
  const [gabriel] = children.get('Da Silva') ?? [];
  if (gabriel) {
    let made = 5;
    let panel = nextPanelDate(londonDate(at(made)), weekday);
    for (let d = 2; d <= 6; d++) {
      const p = nextPanelDate(londonDate(at(d)), weekday);
      if (deadlineOf(p) < today && deadlineOf(p) > londonDate(at(d))) [made, panel] = [d, p];
    }
    setClock(at(made, 11));
    const id = await write(as('hannah.scott'), gabriel, panel, {
      criterion: 'continued_placement', weekly: '425.00', safetyPlan: 'no', whyNot: 'He came into care before a safety plan could be agreed; the network meeting is being arranged.',
      mainIssues: 'Gabriel came into care under section 20 when his mother was admitted to hospital; the neighbour minding him could not go on.',
      ask: 'Agree the continued foster placement under section 20 while his mother recovers, with a plan for his return home.',
      alternatives: 'No family member in the UK could care for him; the neighbour was willing for days, not weeks.',
      parentsViews: 'His mother consented and wants him home when she is discharged.', childsWishes: 'Gabriel misses his mum and asks to visit her in hospital.',
      pastHarm: 'None known.', futureDanger: 'No safe carer if his mother is readmitted.', existingStrengths: 'A warm relationship with his mother; settled at school.', nextSteps: 'Family network meeting; discharge planning with the ward.',
      dangerStatements: 'Gabriel may be left without a safe adult if his mother becomes unwell again.', safetyGoals: 'A network of adults can care for Gabriel whenever his mother is unwell.',
    });
    setClock(at(Math.max(made - 1, 1), 16));
    await signAll(gabriel, id, [['hannah.scott', 'worker']]);
  }

  // Amani Mwangi: more support hours as she prepares to leave care, £1,225.50 a week: over £1,000 (1.1 e, 1.4 i).
  const [amani] = children.get('Mwangi') ?? [];
  if (amani) {
    setClock(at(1, 10));
    const { panelDate } = await s.panelReferrals.view(as('daniel.hughes'), amani);
    const id = await write(as('daniel.hughes'), amani, panelDate, {
      criterion: 'support_package', weekly: '1225.50', period: '52', safetyPlan: 'yes',
      mainIssues: 'Amani is 17 and preparing to leave care; her support at Mill Court is not enough for her to manage her tenancy and college.',
      ask: 'Approve the increased package at Mill Court: additional staffing hours, for up to a year.',
      alternatives: 'Staying Put is not possible (supported accommodation); her personal adviser and the in-house tenancy support have been tried and are not enough on their own.',
      parentsViews: 'Her aunt supports the plan.', childsWishes: 'Amani wants to stay at Mill Court and finish college.',
      pastHarm: 'Trauma before arriving in the UK.', futureDanger: 'Tenancy breakdown and isolation after 18.', existingStrengths: 'Attends college; good relationship with her key worker.', nextSteps: 'Pathway plan review; tenancy training.',
      dangerStatements: 'Amani may lose her home and her college place if she is not supported to manage on her own.', safetyGoals: 'Amani manages her tenancy and college with the support she needs.',
    });
    await signAll(amani, id, [['daniel.hughes', 'worker'], ['aisha.rahman', 'team_manager']]);
  }
}

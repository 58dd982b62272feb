import { randomUUID } from 'node:crypto';
import { cliContext } from '../../cli/cliContext';
import { addDays, londonDate } from '../../domain/calendar/localDate';
import { lastPanelDate } from '../../domain/panel/panelDates';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

type At = (daysAgo: number, hour?: number) => Date;
type As = (username: string) => RequestContext;

const day = (name: string, date: string) => {
  const [y, m, d] = date.split('-');
  return { [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y };
};

/**
 * The Resource and Care Panel's meetings in the demonstration authority (issue 8, meetings half):
 * a meeting six weeks ago whose approval was due back two weeks ago and was not brought (overdue,
 * with the 1.20 warning); last Thursday's meeting held, with attendance, a declaration, an approval
 * with a return date and a late referral deferred, and its finance log signed off; next Thursday's
 * meeting scheduled with its agenda. Andrew Fletcher chairs, Emma Price administers, Karen Doyle
 * keeps the finance log. Does nothing if last Thursday's meeting is already there.
 */
export async function demoPanelMeetings(s: Services, as: As, children: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At) {
  const today = londonDate(at(0));
  const last = lastPanelDate(today);
  const earlier = addDays(last, -35);
  const ago = (date: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
  const admin = as('emma.price');
  const chair = as('andrew.fletcher');
  const [campbell] = children.get('Campbell') ?? [];
  const [tesfaye] = children.get('Tesfaye') ?? [];
  const [doherty] = children.get('Doherty') ?? [];
  const [green] = children.get('Green') ?? [];
  if (!campbell || !tesfaye || !doherty || !green) return;
  if ((await s.panel.meetings.meetings({ from: last, to: last })).length > 0) return;

  // The administrator schedules the weekly meetings ahead (1.5), seven weeks before last Thursday.
  setClock(at(ago(earlier) + 14, 9));
  await s.panel.meetings.scheduleAhead(admin, 12);
  const meetingOn = async (date: string) => (await s.panel.meetings.meetings({ from: date, to: date }))[0]!;

  /** A referral for a panel date, sent to the administrator `sentDaysBefore` days before it (the service manager's sign-off; I.9, I.13). */
  const refer = async (personId: string, panelDate: string, sentDaysBefore: number, criterion: string, ask: string, weekly: number, weeks: number) => {
    const referralId = randomUUID();
    const data = { referralId, panelDate, criterion, ask, weeklyPence: weekly, periodWeeks: weeks, totalPence: weekly * weeks, worker: 'Daniel Hughes', team: 'Children in Care', summary: ask };
    // Written through the referrals' own pages in practice; here the signed-off referral as an import would bring it.
    const manager = (await s.staff.memberByUsername('joanna.kay'))!;
    const recordedBy = { userId: manager.id, displayName: manager.displayName };
    await s.people.importEvents(cliContext(), [
      { personId, type: 'panel.referral_made', occurredAt: at(ago(panelDate) + 10, 10), data, recordedBy },
      { personId, type: 'panel.referral_submitted', occurredAt: at(ago(panelDate) + sentDaysBefore, 16), data, recordedBy },
    ]);
    return referralId;
  };
  const hold = async (date: string, members: [string, string][]) => {
    const m = await meetingOn(date);
    setClock(at(ago(date), 13));
    const chairId = (await s.staff.memberByUsername('andrew.fletcher'))!.id;
    await s.panel.meetings.setChair(admin, m.meetingId, { userId: chairId, capacity: 'chair' });
    for (const [username, panelRole] of members) {
      const member = await s.staff.memberByUsername(username);
      await s.panel.meetings.attended(admin, m.meetingId, member ? { userId: member.id, panelRole } : { externalName: username, panelRole });
    }
    return m.meetingId;
  };

  // Six weeks ago: Doherty's connected person placement support approved, to come back two weeks ago. It did not.
  await refer(doherty, earlier, 6, 'support_package', 'Support package for the connected carers: £1,200 a month respite', 30_000, 12);
  const first = await hold(earlier, [['andrew.fletcher', 'chair'], ['emma.price', 'business_support'], ['karen.doyle', 'finance']]);
  setClock(at(ago(earlier), 14));
  const [dohertyItem] = (await s.panel.meeting(chair, first)).items;
  await s.panel.decisions.decide(chair, first, { itemKey: dohertyItem!.itemKey, decision: 'approved', decision1: 'Approve weekend respite for the connected carers for 12 weeks', decision2: 'Bring back with the special guardianship assessment', rationale: 'Keeps Shannon with her grandparents, the plan for permanence (1.4 a).', resource: 'Weekend respite with in-house carers', budget: 'social_care_placements', weekly: '300', total: '3600', ...day('returnDate', addDays(last, -7)) });
  await s.panel.signOffFinance(chair, first);

  // Last Thursday: Campbell approved (return in 12 weeks); Green's late referral deferred to next Thursday.
  const campbellRef = await refer(campbell, last, 6, 'provider_request', 'The agency asks for 1:1 support after school: £450 a week for 26 weeks', 45_000, 26);
  const greenRef = await refer(green, last, 1, 'provider_request', 'Rivermead asks for an enhanced fee while Isla settles', 25_000, 12);
  const meetingId = await hold(last, [['andrew.fletcher', 'chair'], ['helen.okafor', 'head_of_service'], ['emma.price', 'business_support'], ['karen.doyle', 'finance'], ['Pat Green (Housing)', 'housing']]);
  const helen = (await s.staff.memberByUsername('helen.okafor'))!.id;
  await s.panel.declare(admin, meetingId, { memberId: helen, personId: green, involvement: 'Agreed Isla’s move to Rivermead as head of service' });
  setClock(at(ago(last), 14));
  for (const step of ['introductions', 'previous_recommendations', 'case_summary', 'discussion', 'summary']) await s.panel.step(admin, meetingId, { itemKey: campbellRef, step });
  await s.panel.decisions.decide(chair, meetingId, { itemKey: campbellRef, decision: 'approved', decision1: 'Approve 1:1 after-school support for 26 weeks', decision2: 'Review the support with the school at the PEP', rationale: 'The placement is stable with the support; the alternative is a residential placement far from school (1.4 d).', resource: '1:1 after-school support (agency)', budget: 'social_care_placements', weekly: '450', total: '11700', ...day('returnDate', addDays(last, 84)) });
  setClock(at(ago(last), 15));
  await s.panel.decisions.decide(chair, meetingId, { itemKey: greenRef, decision: 'deferred', decision1: 'Defer to next week with the agency’s action plan', rationale: 'The referral came a day before the panel, without the agency’s action plan after its Ofsted downgrade.', ...day('deferredTo', addDays(last, 7)), deferredReason: 'Late referral: the agency’s action plan is needed' });
  setClock(at(ago(last), 17));
  await s.panel.signOffFinance(chair, meetingId);

  // Next Thursday: Tesfaye's referral is ready; Green's deferred request is due back.
  setClock(at(1, 11));
  await refer(tesfaye, addDays(last, 7), 5, 'leaving_care_placement', 'Staying Put in supported lodgings after 18: £380 a week for 52 weeks', 38_000, 52);
  setClock(at(0, 10));
}

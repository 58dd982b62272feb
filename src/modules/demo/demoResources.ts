import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { demoCarePackages } from './demoCarePackages';
import { demoFamilyTime } from './demoFamilyTime';
import { demoPanelMeetings } from './demoPanelMeetings';
import { demoPanelReferrals } from './demoPanelReferrals';
import { placementRequestsDemo } from './demoPlacementRequests';
import { whenAt } from './demoWhen';

type At = (daysAgo: number, hour?: number) => Date;
type As = (username: string) => RequestContext;

/**
 * The Resource Service at work in the demonstration authority (issue 7): a placement that broke
 * down and a move agreed by the head of service to a provider rated Inadequate by her recorded
 * exception, whose planning meeting and disruption review are now late; a Notice to Quit waiting
 * on a stability meeting and a move waiting for agreement; a stability meeting and a quality visit
 * at a home whose rating fell. Then the request queue, care packages and family time scenes.
 */
export async function resourceServiceScenes(s: Services, as: As, children: ReadonlyMap<string, string[]>, setClock: (at: Date) => void, at: At) {
  const worker = as('daniel.hughes');
  const head = as('helen.okafor');
  const officer = as('noah.williams');
  const providers = await s.providers.all();
  const idOf = (name: string) => providers.find((p) => p.name === name)?.id ?? '';

  // Isla Green: her foster placement broke down a month ago; Rivermead had the only carers near her school.
  const [green] = children.get('Green') ?? [];
  if (green) {
    setClock(at(33, 11));
    await s.placements.requestMove(worker, green, { reason: 'Pat and Chris Lowe have said they cannot continue after Isla hit Pat; they asked for her to move within the week.', urgent: 'no' });
    setClock(at(32, 16));
    await s.placements.authoriseMove(head, green, { by: 'head_of_service', alternatives: 'In-house carers: no vacancy for a 13-year-old near Thornleigh Academy. Joseph House is full. Brightside has carers 30 miles away, which would mean a new school. Rivermead has experienced carers in Thornleigh.' });
    await s.placements.ratingException(head, green, { providerId: idOf('Rivermead Fostering Agency'), reason: 'The Bells are experienced carers near her school, not the carers Ofsted criticised. The Resource Service visits fortnightly while the agency’s action plan runs.' });
    setClock(at(32, 17));
    await s.placements.virtualSchoolConsulted(worker, green, { advice: 'Keep her at Thornleigh Academy: the move is within the catchment; the PEP is reviewed after the move.' });
    await s.placements.childTold(worker, green, { how: 'Daniel and Pat tell Isla together after school on Wednesday, with a photo booklet of the Bells and their house.' });
    setClock(at(30, 19));
    await s.placements.move(worker, green, { ending: 'breakdown', why: 'The carers gave notice after an assault; a stability meeting could not save the placement.', setting: 'independent_fostering', providerId: idOf('Rivermead Fostering Agency'), carer: 'Sian and Mark Bell', postcode: 'WM7 2JK' }, whenAt(at(30, 17)));
  }

  // Elena Lakatos: Hollins Lodge gave notice three days ago; no stability meeting yet. A move is asked for, waiting for the head of service.
  const [lakatos] = children.get('Lakatos') ?? [];
  if (lakatos) {
    setClock(at(3, 12));
    await s.stability.noticeReceived(worker, lakatos, { reason: 'Elena has gone missing eleven times in two months and the home says it cannot keep her safe from exploitation.', 'noticeEndsOn-day': String(at(-25).getUTCDate()), 'noticeEndsOn-month': String(at(-25).getUTCMonth() + 1), 'noticeEndsOn-year': String(at(-25).getUTCFullYear()) }, whenAt(at(3, 10)));
    setClock(at(2, 15));
    await s.placements.requestMove(worker, lakatos, { reason: 'Sixty miles from home and her family; repeated missing episodes back to Kingsford. A placement nearer home with exploitation support.', urgent: 'no' });
  }

  // Mason Walker: Oakfield House fell to Requires improvement; a stability meeting and the Resource Service's visit since.
  const [walker] = children.get('Walker') ?? [];
  if (walker) {
    setClock(at(10, 17));
    await s.stability.stabilityMeeting(worker, walker, { attendees: ['social_worker', 'iro', 'provider', 'resource_service', 'virtual_school'], concerns: 'Mason says he does not feel safe at night since two new young people arrived; he has refused school for a week.', supportPlanReview: 'Key worker sessions move to daily; CAMHS outreach brought forward; the Virtual School arranges a part-time timetable for two weeks.', agreed: 'Keep the placement: Oakfield adds a waking night worker. Review in two weeks.' }, whenAt(at(10, 14)));
    setClock(at(20, 16));
    await s.stability.qualityVisit(officer, walker, { findings: 'Mason’s room is personal and well kept. Staff know his plan. The action plan after the downgrade is on the office wall but not yet started.', actions: 'Chase the action plan with the Registered Manager; ask for the EHCP to be filed at the home.', documentsHeld: ['review_minutes', 'pep', 'placement_plan'] }, whenAt(at(20, 11)));
  }

  // The Resource Service's queue: requests waiting, one being matched (src/modules/placementRequests/).
  await placementRequestsDemo(s, as, children, setClock, at);
  // Care packages and what they commit (4.1), and the Family Time team's diary (2.2).
  await demoCarePackages(s, as, children, setClock, at);
  await demoFamilyTime(s, as, children, setClock, at);
  // The Resource and Care Panel: referrals being signed, last week's meeting and next week's agenda (resource-and-care-panel-policy.txt).
  await demoPanelReferrals(s, as, children, setClock, at);
  await demoPanelMeetings(s, as, children, setClock, at);
}

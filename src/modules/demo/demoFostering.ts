import { londonDate } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';

/** A date's three boxes, as the fostering forms name them. */
function day(name: string, date: string) {
  const [year, month, dd] = date.split('-');
  return { [`${name}-day`]: dd, [`${name}-month`]: month, [`${name}-year`]: year };
}
const mainstreamTerms = (children: number, from: number, to: number, careTypes: string[]) => ({ termsChildren: String(children), termsAgeFrom: String(from), termsAgeTo: String(to), termsGender: 'any', termsCareTypes: careTypes });

interface Household {
  given: string;
  family: string;
  phone: string;
  enquiry: number;
  source: string;
  note: string;
  responded?: number;
  members?: { name: string; relationship: string; born?: string }[];
  application?: number;
  checks?: number;
  allChecks?: boolean;
  training?: number;
  feedback?: { daysAgo: number; summary: string; workNeeded?: string }[];
  assessment?: { daysAgo: number; recommendation: 'approve' | 'not_approve'; summary: string; terms?: Record<string, unknown>; lateReason?: string };
  shared?: number;
  comments?: { daysAgo: number; text: string };
  invited?: { daysAgo: number; panelIn: number };
  panel?: { daysAgo: number; recommendation: 'approve' | 'not_approve'; reasons: string };
  decision?: { daysAgo: number; decision: 'approve' | 'qualifying_determination'; reasons: string };
  agreement?: number;
  closed?: { daysAgo: number; reason: string };
}

/**
 * The Family Placement Team's recruitment (practice-standards.txt, Section 3 Family Placement
 * 1-20), recorded by Lucy Barnes (assessing social worker), Owen Parry (team manager, panel
 * adviser), Emma Price (the panel's administrator) and Gillian Ward (agency decision maker) with
 * the clock set back: new enquiries, an assessment on time and one past its 6 months, one awaiting
 * the Fostering Panel, one approved with its Foster Care Agreement, a qualifying determination, a
 * closed enquiry, and Mary Doherty, the aunt caring for Shannon and Connor, temporarily approved as
 * a connected person and being fully assessed.
 */
export async function fosteringScenes(s: Services, as: (username: string) => RequestContext, setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date) {
  const sw = as('lucy.barnes');
  const tm = as('owen.parry');
  const panel = as('emma.price');
  const adm = as('gillian.ward');
  const on = (daysAgo: number) => londonDate(at(daysAgo, 12));
  const f = s.fostering;

  const households: Household[] = [
    { given: 'Sophie', family: 'Turner', phone: '07700 900412', enquiry: 3, source: 'website', note: 'Single, works part-time as a teaching assistant; spare room; interested in short breaks.' },
    { given: 'Mark', family: 'Ellison', phone: '07700 900538', enquiry: 20, source: 'event', note: 'Couple with two grown-up children; came to the information evening at Wealdmoor library.', responded: 12 },
    { given: 'Rachel', family: 'Osborne', phone: '07700 900177', enquiry: 60, source: 'phone', note: 'Asked about fostering teenagers.', responded: 58, closed: { daysAgo: 30, reason: 'Decided to wait until her own son has finished his exams next summer.' } },
    {
      given: 'Amara', family: 'Okoye', phone: '07700 900623', enquiry: 120, source: 'referral', note: 'Referred by foster carers Pat and Chris Lowe; couple, one son at primary school.', responded: 115,
      members: [{ name: 'Daniel Okoye', relationship: 'second_applicant' }, { name: 'Tobi Okoye', relationship: 'birth_child', born: '2017-06-01' }, { name: 'Ruth Okoye', relationship: 'adult_child_elsewhere', born: '1999-02-11' }],
      application: 75, checks: 60, training: 45,
      feedback: [{ daysAgo: 40, summary: 'Checks complete and satisfactory; Skills to Foster attended. Home visits 3 to 6 next.' }, { daysAgo: 12, summary: 'Visits going well; Tobi seen on his own and keen.', workNeeded: 'Safer caring plan and ecomap to finish.' }],
    },
    {
      given: 'Kevin', family: 'Holt', phone: '07700 900264', enquiry: 260, source: 'website', note: 'Couple, no children; both work shifts at Wealdmoor General.', responded: 255,
      members: [{ name: 'Sarah Holt', relationship: 'second_applicant' }],
      application: 215, checks: 190, allChecks: true, training: 170,
      feedback: [{ daysAgo: 160, summary: 'References received; medicals booked.' }, { daysAgo: 70, summary: 'Assessment paused while Sarah was in hospital.', workNeeded: 'Sarah’s updated medical; two more home visits.' }],
    },
    {
      given: 'Hannah', family: 'Reid', phone: '07700 900781', enquiry: 230, source: 'phone', note: 'Single carer, former nursery nurse, lives with her adult son.', responded: 226,
      members: [{ name: 'Joe Reid', relationship: 'adult_child_in_household', born: '2001-09-30' }],
      application: 170, checks: 150, allChecks: true, training: 140,
      feedback: [{ daysAgo: 100, summary: 'Checks complete; Joe seen and supportive.' }, { daysAgo: 30, summary: 'Assessment nearly finished; report to you within a fortnight.' }],
      assessment: { daysAgo: 14, recommendation: 'approve', summary: 'Warm, experienced with young children; good support network.', terms: mainstreamTerms(2, 0, 8, ['short_term', 'emergency']) },
      shared: 13, comments: { daysAgo: 6, text: 'Asked to correct the dates of her nursery work; added her sister as a support.' }, invited: { daysAgo: 12, panelIn: 21 },
    },
    {
      given: 'Marcus', family: 'Bennett', phone: '07700 900349', enquiry: 330, source: 'event', note: 'Couple, Leah is a youth worker; two teenage daughters.', responded: 327,
      members: [{ name: 'Leah Bennett', relationship: 'second_applicant' }, { name: 'Ava Bennett', relationship: 'birth_child', born: '2011-03-14' }, { name: 'Isla Bennett', relationship: 'birth_child', born: '2013-11-02' }],
      application: 250, checks: 230, allChecks: true, training: 215,
      feedback: [{ daysAgo: 180, summary: 'Checks back; preparation training done.' }, { daysAgo: 90, summary: 'The girls have been seen; report being written.' }],
      assessment: { daysAgo: 75, recommendation: 'approve', summary: 'Calm, structured household; strong on education.', terms: mainstreamTerms(2, 5, 12, ['short_term', 'long_term', 'respite']) },
      shared: 60, invited: { daysAgo: 58, panelIn: 21 }, panel: { daysAgo: 37, recommendation: 'approve', reasons: 'Unanimous: the household offers stability and warmth; the daughters were well prepared.' },
      decision: { daysAgo: 33, decision: 'approve', reasons: 'I agree with the panel’s recommendation and its reasons.' }, agreement: 28,
    },
    {
      given: 'Gary', family: 'Mills', phone: '07700 900905', enquiry: 300, source: 'website', note: 'Single applicant; lives alone.', responded: 296,
      application: 240, checks: 220, allChecks: true, training: 200,
      feedback: [{ daysAgo: 150, summary: 'Local authority check raised a historic referral; we will talk it through with you.' }],
      assessment: { daysAgo: 50, recommendation: 'not_approve', summary: 'Limited understanding of the impact of trauma; no support network.', lateReason: 'Waited three weeks for a reference from his previous employer abroad.' },
      shared: 45, invited: { daysAgo: 44, panelIn: 20 }, panel: { daysAgo: 24, recommendation: 'not_approve', reasons: 'Not enough evidence he could meet the needs of children in care.' },
      decision: { daysAgo: 17, decision: 'qualifying_determination', reasons: 'Proposed not to approve, for the panel’s reasons.' },
    },
  ];

  for (const h of households) {
    setClock(at(h.enquiry, 10));
    const result = await f.newEnquiry(sw, { givenNames: h.given, familyName: h.family, phone: h.phone, source: h.source, interest: 'mainstream', enquirySummary: h.note, confirmNotDuplicate: 'yes', ...day('enquiryOn', on(h.enquiry)) });
    if (result.outcome !== 'recorded') continue;
    const id = result.personId;
    if (h.responded !== undefined) {
      setClock(at(h.responded, 14));
      await f.respond(sw, id, { how: h.responded < h.enquiry - 4 ? 'initial_visit' : 'information_pack', ...day('respondOn', on(h.responded)) });
    }
    if (h.closed) {
      setClock(at(h.closed.daysAgo, 11));
      await f.closeEnquiry(sw, id, { closeReason: h.closed.reason });
      continue;
    }
    if (h.application === undefined) continue;
    setClock(at(h.application, 11));
    for (const m of h.members ?? []) await f.addMember(sw, id, { memberName: m.name, relationship: m.relationship, ...(m.born ? day('memberDob', m.born) : {}) });
    await f.completeApplication(sw, id, { applicationKind: 'mainstream', ...day('applicationOn', on(h.application)) });
    await f.allocateWorker(tm, id, { workerId: sw.actor.userId, limitedExperience: 'no' });
    const household = (await f.view(sw, id)).s.household;
    setClock(at(h.checks!, 15));
    for (const m of household.filter((x) => x.adult && x.inHousehold)) await f.recordCheck(sw, id, { checkMemberId: m.memberId, check: 'dbs', checkOutcome: 'satisfactory', ...day('checkOn', on(h.checks!)) });
    for (const m of household.filter((x) => x.applicant)) {
      for (const check of h.allChecks ? ['health', 'references', 'local_authority'] : ['references', 'local_authority']) {
        const information = h.family === 'Mills' && check === 'local_authority';
        await f.recordCheck(sw, id, { checkMemberId: m.memberId, check, checkOutcome: information ? 'information_to_consider' : 'satisfactory', ...(information ? { checkNotes: 'A 2009 referral about a previous partner’s child; no further action.' } : {}), ...day('checkOn', on(h.checks!)) });
      }
    }
    setClock(at(h.training!, 16));
    await f.training(sw, id, { course: 'skills_to_foster', attendees: household.filter((x) => x.applicant).map((x) => x.memberId), ...day('trainingOn', on(h.training!)) });
    for (const fb of h.feedback ?? []) {
      setClock(at(fb.daysAgo, 13));
      await f.feedback(sw, id, { feedbackSummary: fb.summary, ...(fb.workNeeded ? { workNeeded: fb.workNeeded } : {}), ...day('feedbackOn', on(fb.daysAgo)) });
    }
    if (h.assessment) {
      setClock(at(h.assessment.daysAgo, 15));
      await f.completeAssessment(sw, id, { assessmentRecommendation: h.assessment.recommendation, assessmentSummary: h.assessment.summary, ...(h.assessment.terms ?? {}), ...(h.assessment.lateReason ? { lateReason: h.assessment.lateReason } : {}), ...day('assessmentOn', on(h.assessment.daysAgo)) });
    }
    if (h.assessment) await f.signOff(tm, id, { signOffComments: 'Quality assured: the analysis is evidenced; ready for panel.' });
    if (h.shared !== undefined) {
      setClock(at(h.shared, 10));
      await f.shareReport(sw, id, day('sharedOn', on(h.shared)));
    }
    if (h.invited) {
      setClock(at(h.invited.daysAgo, 10));
      await f.invite(sw, id, { supporter: 'yes', ...day('panelDate', on(h.invited.daysAgo - h.invited.panelIn)) });
    }
    if (h.comments) {
      setClock(at(h.comments.daysAgo, 10));
      await f.comments(sw, id, { applicantComments: h.comments.text, ...day('commentsOn', on(h.comments.daysAgo)) });
    }
    if (h.panel) {
      setClock(at(h.panel.daysAgo, 16));
      await f.panel(panel, id, { panelRecommendation: h.panel.recommendation, attended: 'yes', panelReasons: h.panel.reasons, ...(h.assessment?.terms ?? {}), ...day('panelOn', on(h.panel.daysAgo)) });
    }
    if (h.decision) {
      setClock(at(h.decision.daysAgo, 11));
      await f.admDecision(adm, id, { decision: h.decision.decision, decisionReasons: h.decision.reasons, ...(h.assessment?.terms ?? {}), ...day('decisionOn', on(h.decision.daysAgo)) });
    }
    if (h.agreement !== undefined) {
      setClock(at(h.agreement, 11));
      await f.agreement(sw, id, { responsibilities: 'yes', handbookGiven: 'yes', ...day('agreementOn', on(h.agreement)) });
    }
  }

  // Mary Doherty, the children's aunt (demoFamilies: placed with her under an interim care order 90 days ago).
  const mary = (await s.people.search(sw, { q: 'Mary Doherty', dateOfBirth: null, kind: 'adult', page: 1, pageSize: 5 })).records[0];
  if (mary) {
    const children = (await s.people.currentRelationships(sw, mary)).filter((r) => r.person.kind === 'child').map((r) => r.person.id);
    if (children.length > 0) {
      setClock(at(92, 15));
      for (const childId of children) {
        await f.viability(sw, mary.id, { viabilityChildId: childId, viabilityOutcome: 'positive', viabilitySummary: 'Long-standing close relationship; the mobile home has room for both; Mary understands the risks from their mother’s partner.', ...day('viabilityOn', on(92)) });
      }
      setClock(at(90, 18));
      await f.temporaryApproval(adm, mary.id, { temporaryChildId: children, temporaryReasons: 'Mother arrested; the children know and trust their aunt, and can stay at their school.', ...day('temporaryOn', on(90)) });
      setClock(at(60, 11));
      await f.completeApplication(sw, mary.id, { applicationKind: 'connected_person', childIds: children, ...day('applicationOn', on(60)) });
      await f.allocateWorker(tm, mary.id, { workerId: sw.actor.userId, limitedExperience: 'no' });
      setClock(at(40, 15));
      await f.recordCheck(sw, mary.id, { checkMemberId: 'applicant', check: 'dbs', checkOutcome: 'satisfactory', ...day('checkOn', on(40)) });
      setClock(at(20, 13));
      await f.feedback(sw, mary.id, { feedbackSummary: 'Checks under way; the full assessment will go to panel before the temporary approval ends, or we will ask for an extension.', workNeeded: 'Medical and references.', ...day('feedbackOn', on(20)) });
    }
  }
}

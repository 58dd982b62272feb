import { isIsoDate, londonDate } from '../../calendar/localDate';
import type { WorkflowEvent } from '../../records/events';
import type { ReturnContext, ReturnSubject } from '../subject';
import { careEndingsThatCloseTheEpisode, categoryOfAbuseOf, closureReasonOf, disabilitiesOf, referralSourceOf, sexOf, upnUnknownOf } from './cinCodes';
import type { CinAssessment, CinChild, CinChildProtectionPlan, CinDetails, CinPlanDates, CinSection47 } from './cinCensusTypes';
import { dfeCodeOf, primaryNeeds, recordedAssessmentFactors } from './cinWords';

/**
 * The CIN census as a projection of the child's record (issue 10): one CINdetails per episode of
 * need open at any time in the collection year, built from the events the front door,
 * assessments, strategy discussions, section 47 enquiries, conferences, child in need plans,
 * care and case closure record. Pure: the period, calendar and record are passed in.
 *
 * An episode of need:
 * - starts at a referral: a contact (contact.received) that the threshold decision sent to an
 *   assessment or a strategy discussion (threshold.decided, Duty Team (MASH) 5-7). Its
 *   CINreferralDate is the contact's date and its ReferralSource who made it (cinCodes.ts). A
 *   contact about a child whose episode is still open is part of that episode, not a new one
 *   (rules.csv 8815, 8820: episodes do not overlap). A child whose record shows work of the
 *   census (an assessment, an enquiry, a conference, a plan, care) with no referral before it,
 *   as history brought from another system may, has an episode from that work's date with no
 *   ReferralSource, so that 8866 asks for the contact to be recorded.
 * - ends when the case is closed (closure.completed, ReasonForClosure from data.closureReason),
 *   or when care ends in a way that ends the authority's involvement (adopted, died, looked
 *   after by another authority, turned 18: cinCodes.ts careEndingsThatCloseTheEpisode).
 *
 * The census is a picture on its reference date, 31 March: anything recorded as happening after
 * it has not happened yet (an assessment signed off in April is open). Within an episode it
 * lists only what the year needs (rules.csv): assessments completed in the year or still open
 * (8696, 8736), plans and enquiries open at any time in the year (4010, 4013, 8720, 8930, 8740),
 * conferences and reviews held in the year (8715).
 */
export function cinChildOf(subject: ReturnSubject, context: ReturnContext): CinChild | null {
  const { period } = context;
  const dated: Dated[] = [];
  for (const event of subject.events) {
    const on = londonDate(event.occurredAt);
    if (on <= period.end) dated.push({ event, on });
  }
  const history = episodesOf(dated, context);
  const inYear = history.episodes.filter((e) => e.referralDate <= period.end && (e.closureDate === null || e.closureDate >= period.start));
  if (inYear.length === 0) return null;

  const details = subject.details;
  const unborn = !details.dateOfBirth && Boolean(details.expectedDateOfBirth);
  const CINdetails = inYear.map((episode) => detailsOf(episode, context));
  return {
    ChildIdentifiers: {
      LAchildID: subject.childId,
      UPN: details.upn,
      FormerUPN: null,
      UPNunknown: upnUnknownOf({
        upn: details.upn,
        dateOfBirth: details.dateOfBirth ?? details.expectedDateOfBirth,
        uasc: details.uasc,
        onlyReferralsWithNoFurtherAction: CINdetails.every((d) => d.ReferralNFA === true),
        referenceDate: period.end,
      }),
      PersonBirthDate: details.dateOfBirth,
      // Either a date of birth or an expected one, not both (8525Q).
      ExpectedPersonBirthDate: details.dateOfBirth ? null : details.expectedDateOfBirth,
      Sex: sexOf(details.gender, unborn),
      PersonDeathDate: history.deathDate,
    },
    ChildCharacteristics: {
      Ethnicity: details.ethnicity,
      Disabilities: disabilitiesOf(details.disabilities),
    },
    CINdetails,
  };
}

interface Dated {
  event: WorkflowEvent;
  /** The event's date in London, YYYY-MM-DD. */
  on: string;
}

interface AssessmentItem {
  id: string;
  start: string;
  completed: string | null;
  factors: string[];
  primaryNeed: string | null;
}

interface EnquiryItem {
  start: string;
  target: string;
  conference: string | null;
  notRequired: boolean;
  /** The date the enquiry ended without a conference. */
  endedOn: string | null;
}

interface PlanItem {
  start: string;
  end: string | null;
  initialCategory: string | null;
  latestCategory: string | null;
  previous: number;
  reviews: string[];
}

interface Episode {
  referralDate: string;
  referralSource: string | null;
  /** Whether it began with a contact: its first assessment then runs from the referral. */
  fromContact: boolean;
  referralNFA: boolean;
  /** The primary need the threshold decision that opened the episode recorded (threshold.decided data.primaryNeed), as a DfE code. */
  referralNeed: string | null;
  closureDate: string | null;
  closureReason: string | null;
  assessments: AssessmentItem[];
  cinPlans: { start: string; end: string | null }[];
  enquiries: EnquiryItem[];
  plans: PlanItem[];
  /** Initial conferences not held for one of the episode's enquiries (a transfer-in, imported history). */
  conferencesOutsideEnquiries: string[];
}

interface Contact {
  on: string;
  data: Record<string, unknown>;
}

const acceptedOutcomes = new Set(['assessment', 'strategy_discussion']);
/** Work the census counts that means the child is a child in need, whether or not a referral was recorded first. */
const workOfNeed = new Set(['assessment.allocated', 's47.started', 'cp.conference_held', 'cin.plan_started', 'cic.started']);

/** Every episode of need in the record up to the reference date, oldest first, and the date the child died. */
function episodesOf(dated: readonly Dated[], context: ReturnContext) {
  const episodes: Episode[] = [];
  let open: Episode | null = null;
  const contacts = new Map<string, Contact>();
  let lastContact: Contact | null = null;
  let lastThresholdMet: string | null = null;
  const assessments = new Map<string, AssessmentItem>();
  let latestAssessment: AssessmentItem | null = null;
  let openEnquiry: EnquiryItem | null = null;
  let openPlan: PlanItem | null = null;
  let plansStarted = 0;
  let openCinPlan: { start: string; end: string | null } | null = null;
  let deathDate: string | null = null;

  const start = (referralDate: string, referralSource: string | null, fromContact: boolean): Episode => {
    const episode: Episode = {
      referralDate,
      referralSource,
      fromContact,
      referralNFA: false,
      referralNeed: null,
      closureDate: null,
      closureReason: null,
      assessments: [],
      cinPlans: [],
      enquiries: [],
      plans: [],
      conferencesOutsideEnquiries: [],
    };
    episodes.push(episode);
    // What an earlier episode left open (a plan never ended) stays with it, unended: the new
    // episode's own plans and enquiries start afresh.
    openEnquiry = null;
    openPlan = null;
    openCinPlan = null;
    return episode;
  };

  for (const { event, on } of dated) {
    const data = event.data;
    if (!open && workOfNeed.has(event.type) && !(event.type === 'cp.conference_held' && data.kind === 'review')) open = start(on, null, false);
    switch (event.type) {
      case 'contact.received': {
        const contact = { on, data };
        contacts.set(typeof data.contactId === 'string' ? data.contactId : event.id, contact);
        lastContact = contact;
        break;
      }
      case 'threshold.decided': {
        // The decision names its contact; one from elsewhere that does not is about the latest contact not yet decided.
        const contact: Contact | null = (typeof data.contactId === 'string' ? contacts.get(data.contactId) : lastContact) ?? null;
        if (contact === lastContact) lastContact = null;
        if (open) break;
        if (acceptedOutcomes.has(String(data.outcome))) {
          open = start(contact?.on ?? on, contact ? referralSourceOf(contact.data) : null, Boolean(contact));
          // The need as the Duty Manager saw it, so the episode has one while its assessment is under way (8610).
          open.referralNeed = dfeCodeOf(primaryNeeds, data.primaryNeed);
        } else if (data.referralNFA === true) {
          // A referral with no further action, as an earlier census recorded it (the importer marks
          // its threshold decision so): closed the day it was decided (8569Q, 8831).
          const episode = start(contact?.on ?? on, contact ? referralSourceOf(contact.data) : null, Boolean(contact));
          episode.referralNFA = true;
          episode.closureDate = on;
          episode.closureReason = closureReasonOf(data.closureReason);
        }
        break;
      }
      case 'strategy.discussion_held':
        if (data.section47ThresholdMet === true) lastThresholdMet = on;
        break;
      case 'assessment.allocated': {
        // The first assessment after a referral runs from the referral: Working Together 2023 and
        // the practice standards count its 45 working days "from the point of referral" (Child and
        // Family Assessment 1 and 7), and the census times it from AssessmentActualStartDate (8670Q).
        // Any later assessment in the episode starts when it was allocated.
        const first = open!.fromContact && open!.assessments.length === 0;
        const item: AssessmentItem = { id: event.id, start: first ? open!.referralDate : on, completed: null, factors: [], primaryNeed: null };
        open!.assessments.push(item);
        assessments.set(event.id, item);
        latestAssessment = item;
        break;
      }
      case 'assessment.completed': {
        const item = (typeof data.assessmentId === 'string' ? assessments.get(data.assessmentId) : undefined) ?? latestAssessment;
        if (!item || item.completed) break;
        item.completed = on;
        const factors = Array.isArray(data.factors) ? data.factors : [];
        item.factors = [...new Set(factors.map((f) => dfeCodeOf(recordedAssessmentFactors, f)).filter((c): c is string => c !== null))];
        item.primaryNeed = dfeCodeOf(primaryNeeds, data.primaryNeed);
        break;
      }
      case 's47.started': {
        // InitialCPCtarget: 15 working days from the strategy discussion that found the threshold
        // met (practice-standards.txt, Child Protection Conferences 1, as the cp.icpc standard counts it),
        // or from the enquiry's start when none is recorded (cp.icpc-from-s47).
        const from = lastThresholdMet ?? on;
        openEnquiry = { start: on, target: context.calendar.addWorkingDays(from, 15), conference: null, notRequired: false, endedOn: null };
        open!.enquiries.push(openEnquiry);
        lastThresholdMet = null;
        break;
      }
      case 's47.completed':
        // Completed with anything but a conference (an enquiry that does not say is read as no
        // further action, as section47/enquiryState.ts reads it): no conference is needed.
        if (openEnquiry && data.outcome !== 'initial_conference') {
          openEnquiry.notRequired = true;
          openEnquiry.endedOn = on;
          openEnquiry = null;
        }
        break;
      case 'cp.conference_held': {
        if (data.kind === 'initial') {
          if (openEnquiry && !openEnquiry.conference) {
            openEnquiry.conference = on;
            openEnquiry = null;
          } else if (open) open.conferencesOutsideEnquiries.push(on);
          if (data.planMade === true && !openPlan && open) {
            const category = categoryOfAbuseOf(data.category);
            openPlan = { start: on, end: null, initialCategory: category, latestCategory: category, previous: plansStarted, reviews: [] };
            plansStarted++;
            open.plans.push(openPlan);
          }
        } else if (data.kind === 'review' && openPlan) {
          openPlan.reviews.push(on);
          const category = categoryOfAbuseOf(data.category);
          if (category) openPlan.latestCategory = category;
        }
        break;
      }
      case 'cp.plan_ended':
        if (openPlan) {
          openPlan.end = on;
          openPlan = null;
        }
        break;
      case 'cin.plan_started':
        if (!openCinPlan) {
          openCinPlan = { start: on, end: null };
          open!.cinPlans.push(openCinPlan);
        }
        break;
      case 'cin.plan_ended':
        if (openCinPlan) {
          openCinPlan.end = on;
          openCinPlan = null;
        }
        break;
      case 'cic.ended': {
        if (data.reason === 'died') deathDate ??= on;
        const reason = typeof data.reason === 'string' && Object.hasOwn(careEndingsThatCloseTheEpisode, data.reason) ? careEndingsThatCloseTheEpisode[data.reason] : undefined;
        if (reason && open) {
          open.closureDate = on;
          open.closureReason = reason;
          open = null;
        }
        break;
      }
      case 'closure.completed': {
        const reason = closureReasonOf(data.closureReason);
        // A case closed because the child died: the date of death, if the closure gives it, else the closure's.
        if (data.closureReason === 'died') deathDate ??= typeof data.dateOfDeath === 'string' && isIsoDate(data.dateOfDeath) ? data.dateOfDeath : on;
        if (open) {
          open.closureDate = on;
          open.closureReason = reason;
          open = null;
        }
        break;
      }
    }
  }
  return { episodes, deathDate };
}

/** One episode as the census lists it: only what the year needs. */
function detailsOf(episode: Episode, context: ReturnContext): CinDetails {
  const { start: yearStart } = context.period;
  const inYear = (date: string | null) => date !== null && date >= yearStart;

  const Assessments: CinAssessment[] = episode.assessments
    .filter((a) => a.completed === null || inYear(a.completed))
    .map((a) => ({
      AssessmentActualStartDate: a.start,
      AssessmentAuthorisationDate: a.completed,
      // Factors only for a completed assessment (8614).
      AssessmentFactors: a.completed ? a.factors : [],
    }));
  const CINPlanDates: CinPlanDates[] = episode.cinPlans
    .filter((p) => p.end === null || inYear(p.end))
    .map((p) => ({ CINPlanStartDate: p.start, CINPlanEndDate: p.end }));
  const Section47: CinSection47[] = episode.enquiries
    .filter((s) => {
      const concluded = s.conference ?? s.endedOn;
      return concluded === null || inYear(concluded);
    })
    .map((s) => ({ S47ActualStartDate: s.start, InitialCPCtarget: s.target, DateOfInitialCPC: s.conference, ICPCnotRequired: s.notRequired }));
  const ChildProtectionPlans: CinChildProtectionPlan[] = episode.plans
    .filter((p) => p.end === null || inYear(p.end))
    .map((p) => ({
      CPPstartDate: p.start,
      CPPendDate: p.end,
      InitialCategoryOfAbuse: p.initialCategory,
      LatestCategoryOfAbuse: p.latestCategory,
      NumberOfPreviousCPP: p.previous,
      Reviews: p.reviews.filter(inYear),
    }));
  // The primary need is the one found by the episode's latest signed-off assessment that recorded one,
  // else the one the threshold decision that opened the episode recorded: the census needs it for
  // every referral going on to further action, the assessment still under way too (8610).
  const primaryNeed = [...episode.assessments].reverse().find((a) => a.completed && a.primaryNeed)?.primaryNeed ?? episode.referralNeed;
  // An initial conference held outside an enquiry is recorded here, once (2884).
  const conference = episode.conferencesOutsideEnquiries.filter(inYear).at(-1) ?? null;
  return {
    CINreferralDate: episode.referralDate,
    ReferralSource: episode.referralSource,
    PrimaryNeedCode: primaryNeed,
    CINclosureDate: episode.closureDate,
    ReasonForClosure: episode.closureReason,
    DateOfInitialCPC: conference,
    ReferralNFA: episode.referralNFA,
    Assessments,
    CINPlanDates,
    Section47,
    ChildProtectionPlans,
  };
}

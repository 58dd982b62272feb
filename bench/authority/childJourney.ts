import { assessment, closure, contact, earlyHelp, strategy, type Next } from './frontDoor';
import { inCare } from './inCare';
import { workingDays, type Journey } from './journey';
import { childInNeedPlan, childProtectionPlan, initialConference } from './plans';

/**
 * A child's whole journey: contacts, and whatever each leads to, until today, their 18th
 * birthday (or 21st as a care leaver), or their record is as long as the authority's mix asks.
 * A social care case, from the first assessment, enquiry or plan to its closure, keeps a
 * chronology and a case summary up to date (practice standards Section 5).
 */
export function childJourney(j: Journey, firstContact: number): void {
  let next: Next = { stage: 'contact', at: firstContact };
  let caseOpened: number | null = null;
  const open = (at: number) => {
    caseOpened ??= at;
  };
  while (next.at <= j.today) {
    const { stage, at } = next;
    if (j.ageAt(at) >= 18 && stage !== 'closure') {
      if (caseOpened === null) break;
      next = { stage: 'closure', at };
      continue;
    }
    switch (stage) {
      case 'contact':
        if (j.exhausted) return;
        next = contact(j, at);
        break;
      case 'early-help':
        next = earlyHelp(j, at);
        break;
      case 'assessment':
        open(at);
        next = assessment(j, at);
        break;
      case 'strategy':
        open(at);
        next = strategy(j, at, next.byThreshold === true);
        break;
      case 'icpc':
        next = initialConference(j, at, next.enquiryCompleted ?? at);
        break;
      case 'cp':
        next = childProtectionPlan(j, at);
        break;
      case 'cin':
        open(at);
        next = childInNeedPlan(j, at);
        break;
      case 'in-care':
        open(at);
        next = inCare(j, at);
        break;
      case 'closure':
        next = closure(j, at);
        if (caseOpened !== null) caseRecording(j, caseOpened, next.at);
        caseOpened = null;
        break;
      case 'closed':
        // A while later, perhaps, another contact.
        next = { stage: 'contact', at: j.workTime(at + j.days(30, 540)) };
        break;
    }
  }
  if (caseOpened !== null) caseRecording(j, caseOpened, Number.POSITIVE_INFINITY);
}

/** The chronology and case summary kept while a case is open, and a significant event now and then. */
function caseRecording(j: Journey, from: number, until: number): void {
  j.every(from, 91, until, (at) => j.record('chronology.updated', at));
  j.every(from, 91, until, (at) => j.record('case_summary.updated', at));
  j.every(from, 365, until, (at) => {
    j.record('case.significant_event_occurred', at);
    const updated = j.doneBy(at, workingDays(5));
    if (updated !== null && updated < until) j.record('case_summary.updated', updated);
  });
}

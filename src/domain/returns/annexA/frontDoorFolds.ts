import { once, type ChildView, type DatedEvent } from './childView';

/**
 * The front door and early help as the lists read them, from the events the front door
 * (src/modules/frontDoor/) and the Early Help pages record.
 */

export interface Contact {
  event: DatedEvent;
  on: string;
  /** The Duty Manager's threshold decision on it, once made (Duty Team (MASH) 5-7). */
  decision: { on: string; outcome: string } | null;
}

/**
 * Each `contact.received` with its `threshold.decided`: the decision that names the contact
 * (data.contactId), or, for history imported without ids, the first decision after the contact
 * and before the next one.
 */
export const contactsOf = (view: ChildView) => once(view, contactsOfFold);

function contactsOfFold(view: ChildView): Contact[] {
  const events = view.events;
  const contacts: Contact[] = [];
  events.forEach((event, index) => {
    if (event.type !== 'contact.received') return;
    const contactId = typeof event.data.contactId === 'string' ? event.data.contactId : null;
    let decision = contactId ? events.find((e) => e.type === 'threshold.decided' && e.data.contactId === contactId) : undefined;
    if (!decision) {
      for (const e of events.slice(index + 1)) {
        if (e.type === 'contact.received') break;
        if (e.type === 'threshold.decided' && (e.data.contactId === undefined || e.data.contactId === contactId)) {
          decision = e;
          break;
        }
      }
    }
    contacts.push({ event, on: event.on, decision: decision ? { on: decision.on, outcome: String(decision.data.outcome ?? '') } : null });
  });
  return contacts;
}

/**
 * A contact becomes a referral when the Duty Manager decides it needs children's social care: a
 * Child and Family Assessment or a strategy discussion (Duty Team (MASH) 5-7; the CIN census
 * counts the same). Advice, no further action and Early Help are contacts only.
 */
export const referralOutcomes: ReadonlySet<string> = new Set(['assessment', 'strategy_discussion']);

export const referralsOf = (view: ChildView): Contact[] => contactsOf(view).filter((c) => c.decision !== null && referralOutcomes.has(c.decision.outcome));

export interface EarlyHelpEpisode {
  /** Received into Early Help (from the Hub or a transfer meeting). */
  received: string;
  /** Allocated to the Early Help worker, who starts the Early Help Assessment. */
  allocated: string | null;
  leadProfessional: string | null;
  organisation: string | null;
  assessmentCompleted: string | null;
  closed: string | null;
}

/** The child's Early Help episodes, from `early_help.received` to `early_help.closed` (practice-standards.txt, Section 1: Integrated Early Help). */
export function earlyHelpEpisodesOf(view: ChildView): EarlyHelpEpisode[] {
  const episodes: EarlyHelpEpisode[] = [];
  let open: EarlyHelpEpisode | null = null;
  const start = (on: string): EarlyHelpEpisode => {
    const episode: EarlyHelpEpisode = { received: on, allocated: null, leadProfessional: null, organisation: null, assessmentCompleted: null, closed: null };
    episodes.push(episode);
    return episode;
  };
  for (const e of view.events) {
    if (e.type === 'early_help.received') {
      open ??= start(e.on);
    } else if (e.type === 'early_help.allocated') {
      open ??= start(e.on);
      open.allocated ??= e.on;
      if (typeof e.data.leadProfessional === 'string') open.leadProfessional = e.data.leadProfessional;
      if (typeof e.data.organisation === 'string' && e.data.organisation.trim()) open.organisation = e.data.organisation;
    } else if (e.type === 'early_help.assessment_completed') {
      // An assessment imported without the episode around it still counts.
      open ??= start(e.on);
      open.assessmentCompleted ??= e.on;
      if (typeof e.data.organisation === 'string' && e.data.organisation.trim()) open.organisation = e.data.organisation;
    } else if (e.type === 'early_help.closed' && open) {
      open.closed = e.on;
      open = null;
    }
  }
  return episodes;
}

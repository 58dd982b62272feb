import { randomUUID } from 'node:crypto';
import { londonDate, londonTime } from '../../domain/calendar/localDate';
import type { RequestContext } from '../../platform/audit/auditLog';
import type { Services } from '../../services';
import { emptyContactDraft } from '../frontDoor/frontDoorSchemas';
import { labelOf, professionalRoles } from '../../domain/people/codes';
import { demoProfessionals, type DemoFamily } from './demoFamilies';

/** How each demonstration family's contact came in, as the front door records it. */
const sourceOf: Record<DemoFamily['source'], string> = {
  school: 'marf',
  police: 'marf',
  health: 'marf',
  hospital: 'marf',
  family: 'family',
  self: 'young_person',
  anonymous: 'public',
};

/** Which parents consented to information being shared, for the families still at the front door. */
const refusedBy: Record<string, string[]> = { Robinson: ['mum'], Khan: ['dad'] };

/**
 * The front door's details of a demonstration family's contact (who referred, about whom, with
 * which parents' consent), merged into the events its journey scripts: one contact for all the
 * family's children, its MASH enquiries and decision tied to it, as the front door's pages record
 * them (practice-standards.txt, Section 2: Duty Team (MASH) 1-3).
 */
export function frontDoorDetails(family: DemoFamily, childIds: string[], adults: { id: string; adult: DemoFamily['adults'][number] }[]) {
  const contactId = randomUUID();
  const professional = demoProfessionals.find((p) => p[0] === family.professionals[0]);
  const referrer =
    professional && sourceOf[family.source] === 'marf'
      ? { name: `${professional[1]} ${professional[2]}`, organisation: professional[4], relationship: labelOf(professionalRoles, professional[3]), phone: professional[5] }
      : family.source === 'self'
        ? { name: 'The young person', organisation: null, relationship: 'Themselves', phone: null }
        : family.source === 'family'
          ? { name: 'A relative (gave their name)', organisation: null, relationship: 'Relative', phone: null }
          : { name: 'Anonymous caller', organisation: null, relationship: 'Member of the public', phone: null };
  const contactAdults = adults
    .filter((a) => a.adult.relationship === 'parent' || a.adult.relationship === 'partner-of-parent')
    .map(({ id, adult }) => ({
      personId: id,
      relationship: adult.relationship === 'parent' ? (adult.sex === 'F' ? 'Mother' : 'Father') : "Mother's partner",
      parent: adult.relationship === 'parent',
      consent: adult.relationship !== 'parent' ? 'not_asked' : (refusedBy[family.surname] ?? []).includes(adult.key) ? 'refused' : 'given',
    }));
  const consented = contactAdults.filter((a) => a.parent).every((a) => a.consent === 'given');
  const enquiryId = randomUUID();
  return (type: string, data: Record<string, unknown>): Record<string, unknown> => {
    switch (type) {
      case 'contact.received':
        return { ...data, contactId, source: sourceOf[family.source], referrer, concerns: family.concern, childIds, adults: contactAdults };
      case 'mash_enquiry.started':
        return {
          ...data,
          contactId,
          enquiryId,
          agency: data.grade === 'red' ? 'Police' : 'Health visiting',
          consent: consented ? 'parents' : 'overridden',
          ...(consented ? {} : { overrideRationale: 'Asking the parents first could place the children at risk: checks needed today' }),
        };
      case 'threshold.decided':
        return { ...data, contactId, reason: data.summary };
      default:
        return data;
    }
  };
}

/**
 * A new contact about a child whose case is open (Jayden Patterson, held by Sam Patel), recorded
 * through the front door's own draft and submission two days ago and not yet decided: Sam sees
 * the alert on My work, and the front door sees the decision overdue.
 */
export async function contactOnOpenCase(s: Services, duty: RequestContext, childId: string, setClock: (at: Date) => void, at: (daysAgo: number, hour?: number) => Date) {
  const received = at(2, 15);
  setClock(new Date(received.getTime() + 40 * 60_000));
  const draft = await s.frontDoor.startContact(duty);
  const [year, month, day] = londonDate(received).split('-') as [string, string, string];
  const { contactId } = await s.frontDoor.submitContact(duty, draft.id, {
    ...emptyContactDraft,
    receivedOn: { day, month, year },
    receivedTime: londonTime(received),
    source: 'professional_call',
    referrerName: 'Paul Grainger',
    referrerOrganisation: 'Riverside Primary School',
    referrerAgency: 'school',
    referrerRelationship: 'Designated safeguarding lead',
    concerns: 'Jayden arrived at school hungry for the third day running and said there was "no tea again" because mum was asleep. He had the same clothes on all week.',
    children: [{ personId: childId }],
  });
  // The school's follow-up email, attached to the contact as it arrived (an .eml file, as Outlook saves one).
  setClock(new Date(received.getTime() + 55 * 60_000));
  const email = [
    'From: Paul Grainger <p.grainger@riverside.wealdmoor.sch.example>',
    'To: Front Door <frontdoor@wealdmoor.gov.example>',
    `Date: ${received.toUTCString()}`,
    'Subject: Jayden Patterson - follow up to my call',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'As discussed on the phone: Jayden has had breakfast club every day this week and has asked to take',
    'toast home. His attendance is 86% this term. His mother did not come to parents evening.',
    '',
    'Paul Grainger, Designated Safeguarding Lead, Riverside Primary School',
  ].join('\r\n');
  await s.contactDocuments.attach(duty, contactId, { filename: 'Email from Riverside Primary - follow up.eml', content: Buffer.from(email), truncated: false }, { description: "The school's email after the call" });
}

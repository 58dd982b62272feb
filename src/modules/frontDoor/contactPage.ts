import type { FastifyRequest } from 'fastify';
import { consentAnswers, enquiryGrades, labelOfConsent, labelOfOutcome, labelOfSource, partnerAgencies, thresholdOutcomes } from '../../domain/frontDoor/contact';
import { contextOf } from '../../platform/http/routes';
import type { Services } from '../../services';
import { describeEvent } from '../people/describeEvent';
import { frontDoorPrimaryNeeds } from './frontDoorSchemas';

/**
 * Everything the contact's page shows (Duty Team (MASH) 2: the chronology of any involvement
 * beside the new information), with the choices of its triage forms.
 */
export async function contactPage(services: Services, request: FastifyRequest, contactId: string) {
  const context = contextOf(request);
  const view = await services.frontDoor.contact(context, contactId);
  const chronologies = await services.frontDoor.chronologies(context, view.children.map((c) => c.record.id));
  const children = [];
  for (const child of view.children) {
    const events = (chronologies.get(child.record.id) ?? []).filter((e) => e.data.contactId !== contactId);
    const nameOf = await services.people.namesFor(context, events);
    children.push({ ...child, chronology: events.map((e) => ({ event: e, description: describeEvent(e, nameOf) })) });
  }
  const { contact } = view;
  const documents = await services.contactDocuments.list(contactId);
  return {
    documents,
    pageTitle: `Contact received ${contact.receivedAt.toISOString().slice(0, 10)}`,
    ...view,
    children,
    outcomeLabels: Object.fromEntries(thresholdOutcomes.map((o) => [o.value, o.text])),
    labels: {
      source: labelOfSource(contact.source),
      recommendation: contact.recommendation ? labelOfOutcome(contact.recommendation) : null,
      decision: contact.decision ? labelOfOutcome(contact.decision) : null,
      consent: labelOfConsent,
    },
    choices: {
      agencies: partnerAgencies,
      grades: enquiryGrades,
      outcomes: thresholdOutcomes,
      consent: consentAnswers,
      teams: view.teams.map((t) => ({ value: t.id, text: t.name })),
      // The child's primary need as it looks now, for an assessment or a strategy discussion (issue 10).
      needs: frontDoorPrimaryNeeds,
    },
  };
}

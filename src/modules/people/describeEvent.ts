import {
  disabilities,
  ethnicities,
  genders,
  immigrationStatuses,
  labelOf,
  legalStatuses,
  professionalRoles,
  relationshipTypes,
  religions,
  warningCategories,
  type Code,
} from '../../domain/people/codes';
import { adoptionEventTitles } from '../../domain/adoption/adoptionJourney';
import { recruitmentEventTitles } from '../../domain/fostering/recruitment';
import { healthOutcomeLines, sdqReasonText } from '../../domain/inCare/healthOutcomes';
import { formatNhsNumber } from '../../domain/people/nhsNumber';
import { fieldLabels, type DetailField } from '../../domain/people/personDetails';
import { personEvent, registrationEvents, type CorrectionData, type AddressData, type AllocationData, type RelationshipData, type WarningData } from '../../domain/people/personEvents';
import type { RecordedEvent } from '../../domain/records/events';
import { closureReasons, primaryNeeds, recordedAssessmentFactors, textOf } from '../../domain/returns/cinCensus/cinWords';
import { formatDate } from '../../platform/views/filters';
import { eventTypeOf } from '../../standards/index';

export interface EventDescription {
  title: string;
  lines: string[];
  changes?: { label: string; from: string; to: string }[];
}

const listOf: Partial<Record<DetailField, readonly Code[]>> = {
  gender: genders,
  ethnicity: ethnicities,
  religion: religions,
  immigrationStatus: immigrationStatuses,
  professionalRole: professionalRoles,
};

/** A detail's value as a person would read it: labels, not codes; dates written out. */
export function showValue(field: DetailField, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'Not recorded';
  if (field === 'uasc') return value ? 'Yes' : 'No';
  if (field === 'disabilities') return (value as string[]).length ? (value as string[]).map((d) => labelOf(disabilities, d)).join(', ') : 'None recorded';
  if (field === 'dateOfBirth' || field === 'expectedDateOfBirth') return formatDate(String(value));
  if (field === 'nhsNumber') return formatNhsNumber(String(value));
  const list = listOf[field];
  return list ? labelOf(list, String(value)) : String(value);
}

const simpleTitles: Record<string, string> = {
  'child.registered': 'Child added to Hearth',
  'adult.registered': 'Adult added to Hearth',
  'professional.registered': 'Professional added to Hearth',
  [personEvent.restricted]: 'Record restricted',
  [personEvent.restrictionLifted]: 'Restriction lifted',
  [personEvent.warningEnded]: 'Warning ended',
  [personEvent.relationshipEnded]: 'Relationship ended',
  [personEvent.cicEnded]: 'Stopped being looked after',
  // Adoption (issue 11): the events this part adds beside the catalogue's.
  ...adoptionEventTitles,
  // Fostering recruitment (issue 11, RECRUITMENT): enquiries to approval.
  ...recruitmentEventTitles,
  'contact.received': 'Contact received',
  'mash_enquiry.started': 'MASH enquiry started',
  'mash_enquiry.completed': 'MASH enquiry completed',
  'threshold.decided': 'Threshold decision',
  'assessment.allocated': 'Child and Family Assessment allocated',
  'assessment.child_seen': 'Child seen for the assessment',
  'assessment.completed': 'Child and Family Assessment completed',
  'strategy.discussion_held': 'Strategy discussion held',
  's47.started': 'Section 47 enquiry started',
  's47.child_visited': 'Child visited for the section 47 enquiry',
  's47.completed': 'Section 47 enquiry completed',
  'cp.conference_held': 'Child protection conference held',
  'cp.core_group_held': 'Core group meeting held',
  'cp.visit': 'Child protection visit',
  'cp.plan_ended': 'Child protection plan ended',
  'cin.plan_started': 'Child in need plan started',
  'cin.visit': 'Child in need visit',
  'cin.review_held': 'Child in need review held',
  'cin.plan_ended': 'Child in need plan ended',
  'cic.notification_sent': 'Child in care notification sent',
  'cic.iro_appointed': 'Independent reviewing officer appointed',
  'cic.placement_started': 'Placement started',
  'cic.placement_ended': 'Placement ended',
  'cic.placement_planning_meeting_held': 'Placement planning meeting held',
  'cic.care_plan_completed': 'Care plan completed',
  'cic.health_assessment_completed': 'Health assessment completed',
  'cic.review_held': 'Child in care review held',
  'cic.visit': 'Child in care visit',
  'cic.missing_started': 'Went missing',
  'cic.missing_ended': 'Returned from missing',
  'cic.return_interview_held': 'Return home interview held',
  'care_leaver.pa_allocated': 'Personal adviser allocated',
  'care_leaver.contact': 'Personal adviser contact',
  'care_leaver.pathway_plan_completed': 'Pathway plan completed',
  'lado.allegation_received': 'Allegation received by the LADO',
  'lado.strategy_meeting_held': 'LADO strategy meeting held',
  'lado.review_held': 'LADO review held',
  'lado.note_added': 'LADO note added',
  'lado.allegation_concluded': 'Allegation concluded (LADO)',
  'lado.recorded_in_error': 'Allegation recorded in error (LADO)',
  'fostering.review_required': "Review of the foster carer's approval needed",
  // Approved foster carers (issue 11, CARERS).
  'fostering.review_views_received': 'Written views for the foster carer review',
  'fostering.terms_changed': 'Terms of approval changed',
  'fostering.terms_decision': "Agency decision maker's decision on the panel's recommendation",
  'fostering.carer_qualifying_determination': 'Qualifying determination: proposed ending or change of terms',
  'fostering.training_recorded': 'Foster carer training recorded',
  'fostering.payment_level_set': 'Foster carer payment level',
  'fostering.support_recorded': 'Foster carer support recorded',
  'fostering.terms_exemption_agreed': 'Exemption to place a child outside the terms of approval',
  'fostering.placement_linked': 'Placement linked to the foster carer',
};

/**
 * The names of other people an event mentions, resolved when the page is drawn and only for
 * records the reader may see ("Restricted record" otherwise): never stored in the event, so a
 * restriction added later still hides them.
 */
export type NameOf = (personId: string) => string | undefined;

/** The people an event mentions besides the person whose record it is on. */
export function mentionedPeople(event: RecordedEvent): string[] {
  return event.type === personEvent.relationshipRecorded ? [String(event.data.relatedPersonId)] : [];
}

/**
 * What the CIN census needs of a threshold decision, an assessment's sign-off or a case's closure,
 * in the words the worker chose (issue 10): the child's primary need, the factors identified, why
 * the case closed.
 * Nothing for history recorded without them.
 */
function censusLines(type: string, d: Record<string, unknown>): string[] {
  if (type === 'assessment.completed') {
    const factors = Array.isArray(d.factors) ? d.factors.map((f) => textOf(recordedAssessmentFactors, f)).filter(Boolean) : [];
    return [
      ...(typeof d.primaryNeed === 'string' ? [`Primary need: ${textOf(primaryNeeds, d.primaryNeed)}`] : []),
      ...(factors.length ? [`Factors identified: ${factors.join('; ')}`] : []),
    ];
  }
  if (type === 'closure.completed' && typeof d.closureReason === 'string') return [`Reason the case closed: ${textOf(closureReasons, d.closureReason)}`];
  if (type === 'threshold.decided' && typeof d.primaryNeed === 'string') return [`Primary need, as it looked at the front door: ${textOf(primaryNeeds, d.primaryNeed)}`];
  return [];
}

/**
 * What the Health and education page records for the SSDA903 OC2 table (issue 10), in the words the
 * worker chose: the SDQ score or why there was none, and the year's health and wellbeing.
 */
function healthLines(type: string, d: Record<string, unknown>): string[] {
  if (type === 'cic.sdq_completed' && d.score !== undefined && d.score !== null && d.score !== '') return [`Total difficulties score: ${String(d.score)}`];
  if (type === 'cic.sdq_not_completed' && typeof d.reason === 'string') return [`Why: ${sdqReasonText(d.reason)}`];
  if (type === 'cic.health_outcomes_recorded') return healthOutcomeLines(d);
  return [];
}

/** What an event on a record was, in words, for the front sheet and the history. */
export function describeEvent(event: RecordedEvent, nameOf: NameOf = () => undefined): EventDescription {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case personEvent.detailsCorrected:
      return {
        title: 'Details corrected',
        lines: [],
        changes: (d as unknown as CorrectionData).changes.map((c) => ({ label: fieldLabels[c.field], from: showValue(c.field, c.from), to: showValue(c.field, c.to) })),
      };
    case personEvent.addressRecorded: {
      const a = d as unknown as AddressData;
      return { title: 'Address recorded', lines: [[a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(', '), `From ${formatDate(a.startDate)}`] };
    }
    case personEvent.warningRecorded: {
      const w = d as unknown as WarningData;
      return { title: `Warning: ${labelOf(warningCategories, w.category)}`, lines: [w.detail, `From ${formatDate(w.startDate)}`] };
    }
    case personEvent.relationshipRecorded: {
      const r = d as unknown as RelationshipData;
      const role = r.type === 'professional' && r.professionalRole ? labelOf(professionalRoles, r.professionalRole) : labelOf(relationshipTypes, r.type);
      const name = nameOf(r.relatedPersonId);
      const who = name ? `${name}: ` : '';
      return { title: 'Relationship recorded', lines: [`${who}${role}${r.parentalResponsibility ? ' with parental responsibility' : ''}, from ${formatDate(r.startDate)}`] };
    }
    case personEvent.allocated: {
      const a = d as unknown as AllocationData;
      // Beyond the worker's caseload limit, the manager's reason is kept with it (issue 12).
      const beyond = typeof d.overLimitReason === 'string' ? [`Allocated beyond the worker's caseload limit: ${d.overLimitReason}`] : [];
      return { title: 'Allocated', lines: [`${a.workerName ?? 'No named worker'}, ${a.teamName}`, ...beyond] };
    }
    case personEvent.accessGranted:
      return { title: 'Access to the restricted record given', lines: [String(d.userName ?? '')] };
    case personEvent.accessRevoked:
      return { title: 'Access to the restricted record removed', lines: [] };
    case personEvent.recordedInError:
      return { title: `An entry was marked as recorded in error (${String(d.entry ?? 'entry')})`, lines: [] };
    case personEvent.cicStarted:
      return { title: 'Became looked after', lines: [labelOf(legalStatuses, String(d.legalStatus ?? ''))] };
    case personEvent.legalStatusChanged:
      return { title: 'Legal status changed', lines: [labelOf(legalStatuses, String(d.legalStatus ?? ''))] };
    default: {
      if (registrationEvents.includes(event.type)) return { title: simpleTitles[event.type] ?? 'Added to Hearth', lines: [] };
      const title = simpleTitles[event.type] ?? eventTypeOf(event.type)?.title ?? event.type.replace(/[._]/g, ' ');
      const summary = typeof d.summary === 'string' && d.summary !== title ? [d.summary] : [];
      return { title, lines: [...summary, ...(d.seenAlone === true ? ['Seen alone'] : []), ...censusLines(event.type, d), ...healthLines(event.type, d)] };
    }
  }
}

import type { CatalogueFile } from './catalogueTypes';
import { rules } from './catalogueTypes';
import type { placementSettings } from './coreEventTypes';

/**
 * resource-service-policy.txt: Resource Service Policy and Procedures. The Resource Service
 * commissions placements from private and voluntary fostering agencies, children's homes and
 * supported accommodation (4.1), and watches over each child's placement there.
 */
const document = 'resource-service-policy' as const;
const role = { document, section: '1.1 Role of the Service' };
const objectives = { document, section: '1.2 Resources Service objectives' };
const information = { document, section: '2.1 Providing information and advice' };
const missing = { document, section: '5.3 Missing from placement' };

/** The placements the Resource Service commissions (4.1), among `cic.placement_started`'s `data.setting` values (placementSettings). */
const commissioned = ['independent_fostering', 'residential', 'supported_accommodation'] as const satisfies readonly (typeof placementSettings)[number][];

export const resourceServicePolicy: CatalogueFile = {
  episodes: [
    {
      id: 'placement',
      title: 'One placement of a child in care, from its start to its end or the end of care',
      starts: [{ type: 'cic.placement_started' }],
      ends: [{ type: 'cic.placement_ended' }, { type: 'cic.ended' }],
    },
  ],
  eventTypes: [
    // A request for a placement and its matching (3.1), recorded on the request's pages (src/modules/placementRequests/).
    { type: 'placements.request_made', title: 'Placement request made (Decision to Seek Accommodation, or 18+ Supported Accommodation Request)', recordedOn: 'placement-requests' },
    { type: 'placements.request_authorised', title: "Placement request authorised by the worker's manager", after: [{ type: 'placements.request_made' }], recordedOn: 'placement-requests' },
    { type: 'placements.request_allocated', title: 'Placement request allocated to a Placement social worker', after: [{ type: 'placements.request_made' }], recordedOn: 'placement-requests' },
    { type: 'placements.option_considered', title: 'Placement option shortlisted or rejected, with the reason', after: [{ type: 'placements.request_made' }], recordedOn: 'placement-requests' },
    { type: 'placements.introduction_held', title: 'Introduction to the new carers or home (visit, call or overnight stay)', recordedOn: 'placement-requests' },
    { type: 'placements.request_matched', title: 'Placement request matched to a provider', after: [{ type: 'placements.request_made' }], recordedOn: 'placement-requests' },
    { type: 'placements.request_withdrawn', title: 'Placement request withdrawn', after: [{ type: 'placements.request_made' }], recordedOn: 'placement-requests' },
    { type: 'placements.site_visited', title: 'Placement visited by the Resource Service before it was agreed', recordedOn: 'placement-requests' },
    // A placement's life (src/modules/placements/): the provider rule, moves, quality, stability, Notice to Quit.
    { type: 'placements.rating_exception_agreed', title: 'Head of service agreed a placement with a provider rated below Good', permission: 'placement:authorise', recordedOn: 'placements' },
    { type: 'placements.move_requested', title: 'Placement move requested', during: 'placement', recordedOn: 'placements' },
    { type: 'placements.move_authorised', title: 'Placement move agreed by the head of service or the Placement Stability Panel', during: 'placement', permission: 'placement:authorise', recordedOn: 'placements' },
    { type: 'placements.virtual_school_consulted', title: 'Virtual School consulted on a placement move', during: 'in-care', recordedOn: 'placements' },
    { type: 'placements.child_told', title: 'Agreed how and when the child is told about the move', during: 'in-care', recordedOn: 'placements' },
    { type: 'placements.quality_assurance_visit_made', title: 'Placement Quality Assurance and Monitoring visit made', during: 'placement', recordedOn: 'placements' },
    { type: 'placements.stability_meeting_held', title: 'Placement Stability Meeting (Placement Support Meeting) held', during: 'placement', recordedOn: 'placements' },
    { type: 'placements.stability_panel_referred', title: 'Referred to the Placement Stability Panel', during: 'placement', recordedOn: 'placements' },
    { type: 'placements.notice_to_quit_received', title: 'Notice to Quit received from the placement provider', during: 'placement', recordedOn: 'placements' },
    { type: 'placements.notice_to_quit_accepted', title: 'Notice to Quit from the placement provider accepted', during: 'placement', recordedOn: 'placements' },
    { type: 'placements.disruption_review_held', title: 'Disruption review held after a placement broke down', during: 'in-care', recordedOn: 'placements' },
    // Care packages (4.1), recorded on the child's care packages page (src/modules/carePackages/).
    { type: 'placements.care_package_agreed', title: 'Care package set up', recordedOn: 'care-packages' },
    { type: 'placements.care_package_approved', title: 'Care package approved', after: [{ type: 'placements.care_package_agreed' }], permission: 'package:approve', recordedOn: 'care-packages' },
    { type: 'placements.care_package_reviewed', title: 'Care package reviewed', after: [{ type: 'placements.care_package_agreed' }], recordedOn: 'care-packages' },
    { type: 'placements.care_package_ended', title: 'Care package ended', after: [{ type: 'placements.care_package_agreed' }], recordedOn: 'care-packages' },
    // Family time (2.2), recorded by the Family Time team (src/modules/familyTime/).
    { type: 'family_time.session_booked', title: 'Supervised family time booked', permission: 'family_time:record', recordedOn: 'family-time' },
    { type: 'family_time.session_recorded', title: 'Supervised family time recorded: attendance and observations', after: [{ type: 'family_time.session_booked' }], permission: 'family_time:record', recordedOn: 'family-time' },
    { type: 'family_time.session_cancelled', title: 'Supervised family time cancelled', after: [{ type: 'family_time.session_booked' }], permission: 'family_time:record', recordedOn: 'family-time' },
  ],
  rules: rules([
    {
      id: 'placements.site-visit',
      kind: 'before-event',
      title: 'Placement visited before it is made, for a child with complex needs or at risk of disruption',
      citation: { ...role, paragraph: '2' },
      quote:
        "When a child has complex needs or there is a risk of placement disruption, the assigned Placement social worker will conduct a site visit before finalizing the placement to confirm that the provider can meet the child's needs and maintain a high standard of care.",
      notes:
        "Hearth has no event for a placement being finalised, so the visit is due by the day the placement starts (0 days before it) and must come before it is recorded. Which placements need one is `data.complexNeeds` or `data.riskOfDisruption` on the placement; a placement and its visit are tied by `data.placementId` when the placement carries one: a placement made from a matched request takes the request's id, which the matching's site visit carries; history without ids is matched by order.",
      responsible: 'placements-officer',
      starts: [
        { type: 'cic.placement_started', where: { complexNeeds: true } },
        { type: 'cic.placement_started', where: { riskOfDisruption: true } },
      ],
      satisfiedBy: [{ type: 'placements.site_visited' }],
      correlate: 'placementId',
      ahead: { amount: 0, unit: 'days' },
    },
    {
      id: 'placements.quality-assurance-visit',
      kind: 'recurring',
      title: 'Placement Quality Assurance and Monitoring visit every 6 months (residential and supported accommodation)',
      citation: { ...objectives, paragraph: 'bullet 4' },
      quote:
        'conduct Placement Quality Assurance and Monitoring visits every six months for children in supported accommodation and residential settings, ensuring the ongoing quality and compliance of care plans and placements in accordance with statutory guidance.',
      notes:
        "Six calendar months from the placement's start, then from each visit, until the placement ends. The setting is the placement's `data.setting`. 1.1 says the same of 'each placement' the service commissions (placements.quality-assurance-visit-all, off): this objective names the settings, so it is the one on.",
      responsible: 'placements-officer',
      starts: [{ type: 'cic.placement_started', where: { setting: ['residential', 'supported_accommodation'] } }],
      satisfiedBy: [{ type: 'placements.quality_assurance_visit_made' }],
      episode: 'placement',
      every: { amount: 6, unit: 'months' },
    },
    {
      id: 'placements.quality-assurance-visit-all',
      kind: 'recurring',
      title: 'Placement Quality Assurance and Monitoring visit every 6 months (every commissioned placement)',
      citation: { ...role, paragraph: '2' },
      quote: 'regularly reviews each placement through Placement Quality Assurance and Monitoring visits every six months, or sooner if necessary.',
      notes:
        "Read as every placement the Resource Service commissions: independent fostering, residential and supported accommodation (4.1). Off by default: 1.2 limits the visits to supported accommodation and residential settings (placements.quality-assurance-visit).",
      responsible: 'placements-officer',
      starts: [{ type: 'cic.placement_started', where: { setting: commissioned } }],
      satisfiedBy: [{ type: 'placements.quality_assurance_visit_made' }],
      episode: 'placement',
      every: { amount: 6, unit: 'months' },
      enabled: false,
      alternativeTo: 'placements.quality-assurance-visit',
    },
    {
      id: 'placements.notice-to-quit',
      kind: 'before-event',
      title: 'Placement Stability Meeting held before a Notice to Quit is accepted',
      citation: { ...role, paragraph: '4' },
      quote: 'The Resource Service will not accept a Notice to Quit without first holding a Placement Stability Meeting to explore all options for maintaining stability.',
      notes: 'Due by the day the notice is accepted (0 days before it); only a meeting held during the same placement, and since any earlier notice, counts.',
      responsible: 'placements-officer',
      starts: [{ type: 'placements.notice_to_quit_accepted' }],
      satisfiedBy: [{ type: 'placements.stability_meeting_held' }],
      episode: 'placement',
      ahead: { amount: 0, unit: 'days' },
    },
  ]),
  notModelled: [
    {
      citation: { ...objectives, paragraph: 'bullet 9' },
      quote: 'ensuring the Placement team receive monthly reg 44 report',
      reason: 'A provider’s, tracked by the placements module (issue 7).',
    },
    {
      citation: { ...information, paragraph: '2' },
      quote: 'The Resources service operates a daily duty system so that a Placement social worker is available to discuss requests for services, placements and accommodation prior to a formal request being made.',
      reason: "How the service staffs its duty rota, not an obligation on a person's record.",
    },
    {
      citation: { ...missing, paragraph: '3' },
      quote: 'the Emergency Duty Team will notify the Resources Duty Team each morning of any missing children or young people',
      reason:
        "A daily handover between two teams listing every missing child, not a timescale counted from one child's events; the engine also has no time of day to be due by ('each morning').",
    },
  ],
};

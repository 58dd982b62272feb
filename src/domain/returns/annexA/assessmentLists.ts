import { no, unknown, yes, yesNo } from './annexAWords';
import { allocationCells, allocationHeadings, childCells, childHeadings, ddmmyyyy, disabilityCell, disabilityHeading, overlapsRange, withinTwelveMonthsOf, type ListDefinition } from './childView';
import { assessmentsOf, initialConferencesOf, section47sOf, type Assessment } from './socialCareFolds';

/** The assessment's outcomes that mean children's social care goes on working with the child (src/domain/assessment/signsOfSafety.ts assessmentOutcomes). */
const needsSupport: ReadonlySet<string> = new Set(['child_in_need', 'strategy_discussion', 'care']);

function requiresSupport(a: Assessment): string {
  if (a.completed === null) return '';
  if (a.outcome) return needsSupport.has(a.outcome) ? yes : no;
  // An assessment imported without Hearth's outcome: "not a child in need" (N9) says no; anything else is not known.
  return a.primaryNeed === 'N9' ? no : unknown;
}

/**
 * List 4: Child and Family Assessments under way at any time in the range, from the allocation
 * (the start) to the manager's sign-off (the authorisation).
 */
export const assessmentsList: ListDefinition = {
  number: 4,
  title: 'Assessments',
  headings: [
    ...childHeadings,
    disabilityHeading,
    'Continuous Assessment Start Date',
    'Child Seen During Continuous Assessment',
    'Continuous Assessment Date of Authorisation',
    "Was the child assessed as requiring LA children's social care support?",
    ...allocationHeadings,
  ],
  rows: (view) =>
    assessmentsOf(view)
      .filter((a) => overlapsRange(a.start, a.completed, view.range))
      .map((a) => [...childCells(view), disabilityCell(view), ddmmyyyy(a.start), yesNo(a.childSeen), ddmmyyyy(a.completed), requiresSupport(a), ...allocationCells(view)]),
};

/**
 * List 5: section 47 enquiries under way at any time in the range (from the strategy discussion
 * that began one to its initial conference, or to the enquiry's end when no conference followed).
 * The conference was deemed unnecessary when the enquiry ended with a child in need plan or no
 * further action. The counts look back 12 months from the enquiry (enquiries) and from its
 * conference, or the enquiry when there was none (initial conferences), each counting itself.
 */
export const section47List: ListDefinition = {
  number: 5,
  title: 'Section 47 enquiries and initial child protection conferences',
  headings: [
    ...childHeadings,
    disabilityHeading,
    'Strategy discussion initiating Section 47 Enquiry Start Date',
    'Was an Initial Child Protection Conference deemed unnecessary?',
    'Date of Initial Child Protection Conference',
    'Did the Initial Child Protection Conference Result in a Child Protection Plan',
    'Number of Section 47 Enquiries in the last 12 months',
    'Number of ICPCs in the last 12 months',
    ...allocationHeadings,
  ],
  rows: (view) => {
    const enquiries = section47sOf(view);
    const conferences = initialConferencesOf(view);
    return enquiries
      .filter((q) => overlapsRange(q.start, q.icpc?.on ?? q.completed, view.range))
      .map((q) => {
        const unnecessary = q.icpc ? no : q.outcome === 'initial_conference' ? no : q.outcome ? yes : '';
        const conferenceCountUpTo = q.icpc?.on ?? q.start;
        return [
          ...childCells(view),
          disabilityCell(view),
          ddmmyyyy(q.start),
          unnecessary,
          ddmmyyyy(q.icpc?.on),
          q.icpc && q.icpc.planMade !== null ? yesNo(q.icpc.planMade) : '',
          String(enquiries.filter((other) => withinTwelveMonthsOf(other.start, q.start)).length),
          String(conferences.filter((on) => withinTwelveMonthsOf(on, conferenceCountUpTo)).length),
          ...allocationCells(view),
        ];
      });
  },
};

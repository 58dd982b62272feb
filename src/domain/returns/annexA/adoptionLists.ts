import { londonDate } from '../../calendar/localDate';
import { carePeriodsOf, placementOrderOf } from './careFolds';
import { childCells, ddmmyyyy, disabilityCell, disabilityHeading, overlapsRange, type ListDefinition } from './childView';

/**
 * List 10: children whose plan was adoption at any time in the range — from the placement order
 * (legal status E1) or the placement for adoption, whichever came first, until the adoption order
 * or the end of care, or the agency decision maker's decision that the child should be placed.
 * The ADM's decisions (should be placed, no longer to be placed) and the match agreed by the ADM
 * are recorded on the child's Adoption page (issue 11: adoption.should_be_placed_decided,
 * adoption.match_decided). Left blank because Hearth does not record them:
 * - Family identifier: siblings placed together are not grouped for adoption in Hearth;
 * - Reason Why Child No Longer Placed for Adoption: the ADM's reasons are free text, not the codes;
 * - Date the child was placed for fostering in FFA or concurrent planning placement: Hearth does
 *   not record whether a foster placement is fostering for adoption.
 */
export const adoptionList: ListDefinition = {
  number: 10,
  title: 'Adoption',
  headings: [
    'Child Unique ID',
    'Family identifier',
    'Gender',
    'Ethnicity',
    'Date of Birth',
    'Age of Child (Years)',
    disabilityHeading,
    'Date the Child Entered Care',
    'Date of Decision that Child Should be Placed for Adoption',
    'Date of Placement Order',
    'Date of Matching Child and Prospective Adopters',
    'Date Placed for Adoption',
    'Date of Adoption Order',
    'Date of Decision that Child Should No Longer be Placed for Adoption',
    'Reason Why Child No Longer Placed for Adoption',
    'Date the child was placed for fostering in FFA or concurrent planning placement',
  ],
  rows: (view) =>
    carePeriodsOf(view).flatMap((period) => {
      const placementOrder = placementOrderOf(period);
      const starts = [period.shouldBePlaced, placementOrder, period.placedForAdoption, period.adoptionOrder].filter((d): d is string => d !== null).sort();
      const start = starts[0];
      if (!start || !overlapsRange(start, period.adoptionOrder ?? period.end, view.range)) return [];
      const [id, ...child] = childCells(view);
      return [
        [
          id!,
          '',
          ...child,
          disabilityCell(view),
          ddmmyyyy(period.start),
          ddmmyyyy(period.shouldBePlaced),
          ddmmyyyy(placementOrder),
          ddmmyyyy(period.matched),
          ddmmyyyy(period.placedForAdoption),
          ddmmyyyy(period.adoptionOrder),
          ddmmyyyy(period.noLongerToBePlaced),
          '',
          '',
        ],
      ];
    }),
};

/**
 * List 11: adopters — the prospective adopters the Family Placement Team registered (issue 11:
 * adoption.adopter_* on the first applicant's record), one row a household whose time in the
 * adoption process overlaps the range: registered (Stage 1 started), assessment signed off (Stage 2
 * ended), approved by the agency decision maker, and when they left the process (withdrawn, or not
 * approved). Left blank because Hearth does not record them on the adopters' record: family
 * identifier, disability, fostering for adoption, the enquiry, the ends and starts of the stages in
 * between, the application, and the reason for leaving (free text, not the template's codes); the
 * match, placement and order are recorded on each child's record (list 10).
 */
export const adoptersList: ListDefinition = {
  number: 11,
  title: 'Adopters',
  headings: [
    'Individual adopter identifier',
    'Family identifier',
    'Gender',
    'Ethnicity',
    'Disability',
    'Is the (prospective) adopter fostering for adoption?',
    'Date enquiry received',
    'Date Stage 1 started',
    'Date Stage 1 ended',
    'Date Stage 2 started',
    'Date Stage 2 ended',
    'Date application submitted',
    'Date application approved',
    'Date adopter matched with child(ren)',
    'Date child/children placed with adopter(s)',
    'No. of children placed',
    'Date of Adoption Order',
    'Date of leaving adoption process',
    'Reason for leaving adoption process',
  ],
  rows: (view) => {
    const events = view.subject.events.filter((e) => londonDate(e.occurredAt) <= view.asAt && e.type.startsWith('adoption.adopter_'));
    const registered = events.filter((e) => e.type === 'adoption.adopter_registered').at(-1);
    if (!registered) return [];
    const after = events.filter((e) => e.occurredAt.getTime() >= registered.occurredAt.getTime());
    const on = (e: (typeof events)[number] | undefined) => (e ? (typeof e.data.decisionOn === 'string' ? e.data.decisionOn : londonDate(e.occurredAt)) : null);
    const assessed = after.find((e) => e.type === 'adoption.adopter_assessment_completed');
    const decided = after.find((e) => e.type === 'adoption.adopter_decided');
    const approved = decided?.data.decision === 'agreed' ? decided : undefined;
    const left = after.find((e) => e.type === 'adoption.adopter_withdrawn') ?? (decided && !approved ? decided : undefined);
    const start = londonDate(registered.occurredAt);
    if (!overlapsRange(start, on(left) ?? view.range.to, view.range)) return [];
    const [id, gender, ethnicity] = childCells(view);
    return [[id!, '', gender!, ethnicity!, '', '', '', ddmmyyyy(start), '', '', ddmmyyyy(assessed ? londonDate(assessed.occurredAt) : null), '', ddmmyyyy(on(approved)), '', '', '', '', ddmmyyyy(on(left)), '']];
  },
};

import { carePeriodsOf, placementOrderOf } from './careFolds';
import { childCells, ddmmyyyy, disabilityCell, disabilityHeading, overlapsRange, type ListDefinition } from './childView';

/**
 * List 10: children whose plan was adoption at any time in the range — from the placement order
 * (legal status E1) or the placement for adoption, whichever came first, until the adoption order
 * or the end of care. Left blank because Hearth does not record them:
 * - Family identifier: siblings placed together are not grouped for adoption in Hearth;
 * - Date of Decision that Child Should be Placed for Adoption: the agency decision maker's decision
 *   is made by the regional adoption agency; Hearth records only that the Child Permanence Report
 *   was sent to them (adoption.cpr_sent_to_adm), not the decision;
 * - Date of Matching Child and Prospective Adopters: matching is the adoption agency's panel;
 * - Date of Decision that Child Should No Longer be Placed for Adoption, and its reason: Hearth
 *   records a disrupted adoptive placement (adoption.placement_disrupted), not a change of plan;
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
      const starts = [placementOrder, period.placedForAdoption, period.adoptionOrder].filter((d): d is string => d !== null).sort();
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
          '',
          ddmmyyyy(placementOrder),
          '',
          ddmmyyyy(period.placedForAdoption),
          ddmmyyyy(period.adoptionOrder),
          '',
          '',
          '',
        ],
      ];
    }),
};

/**
 * List 11: adopters. Hearth holds no data for it: prospective adopters are recruited, assessed
 * (stages 1 and 2), approved and matched by the regional adoption agency (Adopt Thames Valley in
 * the policies), not by the authority's children's social care, and Hearth has no record of them.
 * The list is given with the template's headings and no rows, for the agency's own list to fill.
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
  rows: () => [],
};

/**
 * Where a child is placed, in the worker's words; the values are what `cic.placement_started`
 * stores in `data.setting` (src/standards/coreEventTypes.ts `placementSettings`). The Resource Service
 * commissions independent fostering, residential and supported accommodation (resource-service-policy.txt 4.1).
 */
export const settingChoices = [
  { value: 'in_house_fostering', text: "The authority's own foster carers" },
  { value: 'connected_person', text: 'Family or friends approved as foster carers (connected person)' },
  { value: 'independent_fostering', text: 'Independent fostering agency' },
  { value: 'residential', text: "Children's home" },
  { value: 'supported_accommodation', text: 'Supported accommodation (16 and over)' },
  { value: 'placed_with_parents', text: 'Placed with parents' },
  { value: 'secure', text: 'Secure children’s home' },
  { value: 'parent_and_child', text: 'Parent and child placement' },
  { value: 'other', text: 'Another placement' },
] as const;

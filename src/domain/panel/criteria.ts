/**
 * Why a case comes to the Resource and Care Panel, in the worker's words: the criteria of
 * resource-and-care-panel-policy.txt 1.1 a)-f) and 1.4 g)-i), and a review the panel asked for (1.20).
 * The values are the catalogue's `panelReasons` (src/standards/resourceAndCarePanelPolicy.ts).
 */
export const criterionChoices = [
  { value: 'care_needed', text: 'Needs may require the child to be looked after, all alternatives ruled out', paragraph: '1.1 a)' },
  { value: 'continued_placement', text: 'Continued placement after an EPO, police protection or section 20', paragraph: '1.1 b)' },
  { value: 'newly_looked_after', text: 'Became looked after in the week since the last panel', paragraph: '1.1 c)' },
  { value: 'provider_request', text: 'An external placement or provider asks for more or different support', paragraph: '1.1 d)' },
  { value: 'support_package', text: 'A support package in excess of £1,000', paragraph: '1.1 e), 1.4 i)' },
  { value: 'panel_request', text: 'The panel asked for the case to be presented', paragraph: '1.1 f)' },
  { value: 'leaving_care_placement', text: 'External placement after 18 for a young person leaving care', paragraph: '1.4 g)' },
  { value: 'intentionally_homeless', text: 'Support for a family presenting as intentionally homeless (section 17)', paragraph: '1.4 h)' },
  { value: 'review', text: 'A review the panel asked for', paragraph: '1.20' },
] as const;
export const criterionText = (value: string) => criterionChoices.find((c) => c.value === value)?.text ?? value;

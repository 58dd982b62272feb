import { describe, expect, it } from 'vitest';
import { annexALists } from './annexALists';
import { child, context, ev, range, rowsOf } from './annexATestKit';

/** Annex A list 11 (adopters), from the prospective adopters' records the Family Placement Team keeps (issue 11). */
describe('Annex A list 11: adopters', () => {
  const list11 = (adopters: Parameters<typeof annexALists>[3], subjects: Parameters<typeof annexALists>[0] = []) => rowsOf(annexALists(subjects, range, context, adopters).find((l) => l.number === 11)!);

  it('lists a household registered, assessed and approved in the range, with the dates Hearth holds', () => {
    // Registered Tuesday 22 April 2025 (after Easter Monday), signed off Friday 29 August (before the bank holiday), approved Wednesday 24 December.
    const whitfield = child('A1', [
      ev('adoption.adopter_registered', '2025-04-22', { household: 'Sarah and James Whitfield' }),
      ev('adoption.adopter_assessment_completed', '2025-08-29'),
      ev('adoption.adopter_panel_recommended', '2025-12-10', { recommendation: 'recommended', panelOn: '2025-12-10' }),
      ev('adoption.adopter_decided', '2025-12-24', { decision: 'agreed', decisionOn: '2025-12-24' }),
    ], { gender: 'F', ethnicity: 'WBRI' });
    const [row] = list11([whitfield]);
    expect(row).toMatchObject({
      'Individual adopter identifier': 'A1',
      'Date Stage 1 started': '22/04/2025',
      'Date Stage 2 ended': '29/08/2025',
      'Date application approved': '24/12/2025',
      'Date of leaving adoption process': '',
    });
  });

  it('gives the date a household left, leaves out one that left before the range, and reads no child for the list', () => {
    const withdrew = child('A2', [ev('adoption.adopter_registered', '2025-01-06'), ev('adoption.adopter_withdrawn', '2025-05-27', { summary: 'Moved away' })]);
    const before = child('A3', [ev('adoption.adopter_registered', '2024-06-03'), ev('adoption.adopter_withdrawn', '2025-03-28')]);
    expect(list11([withdrew, before]).map((r) => [r['Individual adopter identifier'], r['Date of leaving adoption process']])).toEqual([['A2', '27/05/2025']]);
    // A child's record is never a row of list 11, even with adopter events on it.
    expect(list11([], [child('C1', [ev('adoption.adopter_registered', '2025-05-01')])])).toEqual([]);
  });
});

import type { ReturnSubject } from '../subject';
import { adoptersList, adoptionList } from './adoptionLists';
import type { AnnexAContext, AnnexAList, AnnexARange } from './annexATypes';
import { assessmentsList, section47List } from './assessmentLists';
import { careLeaversList, childrenInCareList } from './careLists';
import { childView, type ListDefinition } from './childView';
import { contactsList, earlyHelpList, referralsList } from './frontDoorLists';
import { childProtectionList, childrenInNeedList } from './openCaseLists';

/** Ofsted's lists 1-11 (ILACS Annex A, 2023 onwards), in their order. */
export const annexADefinitions: readonly ListDefinition[] = [
  contactsList,
  earlyHelpList,
  referralsList,
  assessmentsList,
  section47List,
  childrenInNeedList,
  childProtectionList,
  childrenInCareList,
  careLeaversList,
  adoptionList,
  adoptersList,
];

/**
 * The Annex A lists for a date range, from the children's records. Each child's record is read as
 * it stood at the end of the range (or today, if the range ends later); a contact, referral,
 * assessment or enquiry is listed when it falls in the range, and a child in need episode, child
 * protection plan, period of care or care leaver when it was open at any time in it. Rows are in
 * the order of the children given, each child's in the order things happened.
 */
export function annexALists(subjects: readonly ReturnSubject[], range: AnnexARange, context: AnnexAContext, adopters: readonly ReturnSubject[] = []): AnnexAList[] {
  if (range.from > range.to) throw new RangeError(`The range starts (${range.from}) after it ends (${range.to})`);
  const lists: AnnexAList[] = annexADefinitions.map((d) => ({ number: d.number, title: d.title, headings: [...d.headings], rows: [] }));
  for (const subject of subjects) {
    const view = childView(subject, range, context);
    annexADefinitions.forEach((definition, index) => {
      if (definition !== adoptersList) lists[index]!.rows.push(...definition.rows(view));
    });
  }
  // List 11 is of the prospective adopters (adults' records), and only list 11 reads them.
  const adoptersIndex = annexADefinitions.indexOf(adoptersList);
  for (const subject of adopters) lists[adoptersIndex]!.rows.push(...adoptersList.rows(childView(subject, range, context)));
  return lists;
}

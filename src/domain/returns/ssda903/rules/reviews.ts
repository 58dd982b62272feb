/**
 * SSDA903 rules on the Reviews table: each review's date and how the child took part
 * (ssda903/rules-2024-25.csv).
 */
import { respiteLs, reviewCodes } from './codes';
import { ageOn, dobOf, eachRow, failure, isRealDate, rule, type Ssda903Rule } from './helpers';

const reviews = (c: { tables: { reviews: import('../ssda903Types').ReviewRow[] } }) => c.tables.reviews;
const recordFix = 'Correct the review on the Reviews in care page (Record the review).';

export const reviewRules: Ssda903Rule[] = [
  // ssda903/rules-2024-25.csv 166
  rule('166', 'Date of review is invalid or blank.', recordFix,
    eachRow('166', reviews, (r) => !isRealDate(r.REVIEW), ['REVIEW'], (r) => r.REVIEW)),
  // 167
  rule('167', 'Data entry for participation is invalid or blank.', 'Record how the child took part in the review on the Reviews in care page.',
    eachRow('167', reviews, (r) => r.REVIEW_CODE == null || !reviewCodes.has(r.REVIEW_CODE), ['REVIEW_CODE'], (r) => r.REVIEW)),
  // 440: PN0 is for a child under 4 on the day of the review.
  rule('440', 'Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.',
    'Record how the child took part in the review on the Reviews in care page (they were 4 or over), or correct their date of birth on the Correct details page.',
    (child) => {
      const dob = dobOf(child);
      if (!dob) return [];
      return child.tables.reviews.filter((r) => r.REVIEW_CODE === 'PN0' && isRealDate(r.REVIEW) && ageOn(dob, r.REVIEW) >= 4)
        .map((r) => failure('440', child, ['DOB', 'REVIEW', 'REVIEW_CODE'], r.REVIEW));
    }),
  // 441
  rule('441', 'Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.',
    'Record that the child was under 4 at the review on the Reviews in care page, or correct their date of birth on the Correct details page.',
    (child) => {
      const dob = dobOf(child);
      if (!dob) return [];
      return child.tables.reviews.filter((r) => r.REVIEW_CODE != null && r.REVIEW_CODE !== 'PN0' && reviewCodes.has(r.REVIEW_CODE) && isRealDate(r.REVIEW) && ageOn(dob, r.REVIEW) < 4)
        .map((r) => failure('441', child, ['DOB', 'REVIEW', 'REVIEW_CODE'], r.REVIEW));
    }),
  // 399: short breaks alone carry no mother field and no reviews.
  rule('399', 'Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.',
    'A child looked after only on short breaks is returned without reviews or the mother field: check the legal status on the In care page.',
    (child) => {
      const eps = child.tables.episodes;
      if (eps.length === 0 || !eps.every((e) => respiteLs.has(e.LS ?? ''))) return [];
      const mother = child.tables.header.some((h) => h.MOTHER != null);
      const reviewed = child.tables.reviews.some((r) => r.REVIEW != null || r.REVIEW_CODE != null);
      return mother || reviewed ? [failure('399', child, ['LS', 'MOTHER', 'REVIEW', 'REVIEW_CODE'], child.tables.reviews[0]?.REVIEW ?? null)] : [];
    }),
];

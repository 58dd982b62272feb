/**
 * The CIN census code sets the rules check against, from the DfE's CIN census guide as the
 * public validator data-to-insight/csc-validator-be-cin lists them. Where Hearth already keeps a
 * list (people's details, the words a worker chooses), the set is read from it, so that a code
 * Hearth offers is always one the census accepts.
 */
import { disabilities, ethnicities, genders } from '../../../people/codes';
import { closureReasons, primaryNeeds } from '../cinWords';

/** Ethnicity (cin-census/rules.csv 4220). */
export const ethnicityCodes: ReadonlySet<string> = new Set(ethnicities.map((c) => c.code));

/** Disability, with NONE for a child who has none (cin-census/rules.csv 8540, 8790). */
export const disabilityCodes: ReadonlySet<string> = new Set(['NONE', ...disabilities.map((c) => c.code)]);

/** Sex from 2024-25: M, F or U (cin-census/rules.csv 4180, 8750 in cin2024_25). */
export const sexCodes: ReadonlySet<string> = new Set(genders.map((c) => c.code));

/** Source of the referral (cin-census/rules.csv 8866). */
export const referralSourceCodes: ReadonlySet<string> = new Set([
  '1A', '1B', '1C', '1D', // individuals
  '2A', '2B', // schools and education services
  '3A', '3B', '3C', '3D', '3E', '3F', // health services
  '4', // housing
  '5A', '5B', '5C', '5D', // local authority services, including early help
  '6', // police
  '7', // other legal agency
  '8', // other
  '9', // anonymous
  '10', // unknown
]);

/** Primary need N0-N9 (cin-census/rules.csv 8650): the codes behind cinWords.primaryNeeds. */
export const primaryNeedCodes: ReadonlySet<string> = new Set(primaryNeeds.map((w) => w.dfe));

/** Reason for closure RC1-RC9 (cin-census/rules.csv 8640): the codes behind cinWords.closureReasons. */
export const closureReasonCodes: ReadonlySet<string> = new Set(closureReasons.map((w) => w.dfe));

/** Category of abuse (cin-census/rules.csv 8905, 8910). */
export const categoryOfAbuseCodes: ReadonlySet<string> = new Set(['NEG', 'PHY', 'SAB', 'EMO', 'MUL']);

/**
 * Factors identified at assessment (cin-census/rules.csv 8897Q). 18A and 19A are still accepted
 * but queried (8945Q, 8950Q: physical and sexual abuse are now split by who abused, B by an adult,
 * C by another child). "21" is "no factors identified" and stands alone (8869).
 */
export const assessmentFactorCodes: ReadonlySet<string> = new Set([
  '1A', '1B', '1C', // alcohol misuse: the child, a parent or carer, another person in the household
  '2A', '2B', '2C', // drug misuse
  '3A', '3B', '3C', // domestic abuse
  '4A', '4B', '4C', // mental health
  '5A', '5B', '5C', // learning disability
  '6A', '6B', '6C', // physical disability or illness
  '7A', // young carer
  '8B', '8C', '8D', '8E', '8F', // privately fostered
  '9A', // unaccompanied asylum-seeking child
  '10A', // going or being missing
  '11A', // child sexual exploitation
  '12A', // trafficking
  '13A', // gangs
  '14A', // socially unacceptable behaviour
  '15A', // self-harm
  '16A', // abuse or neglect: neglect
  '17A', // abuse or neglect: emotional abuse
  '18A', '18B', '18C', // abuse or neglect: physical abuse (18A retired)
  '19A', '19B', '19C', // abuse or neglect: sexual abuse (19A retired)
  '20', // other
  '21', // no factors identified
  '22A', // female genital mutilation
  '23A', // abuse linked to faith or belief
  '24A', // child criminal exploitation
]);

export const noFactorsIdentified = '21';

/**
 * Reasons a child has no UPN, as the CIN census lists them: UN1 not yet of school age, UN2 never
 * attended a state school in England, UN3 educated at home, UN4 newly arrived, UN5 sources do not
 * know it, UN6 unaccompanied asylum seeker, UN7 a referral with no further action (8770Q, 8772).
 */
export const upnUnknownCodes: ReadonlySet<string> = new Set(['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7']);

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Local authority numbers a UPN's characters 2-4 may carry: the post-April 1998 LA codes and the
 * DfE's "pseudo LA" codes (cin-census/rules.csv 1530, as widened in cin2023_24 with 942 and 943).
 */
export const upnLaCodes: ReadonlySet<string> = new Set(
  [
    ...range(1, 5),
    ...range(201, 213), ...range(301, 320), ...range(330, 336), ...range(340, 344), ...range(350, 359),
    ...range(370, 373), ...range(380, 384), ...range(390, 394), 420, ...range(660, 681), ...range(701, 708),
    ...range(800, 803), ...range(805, 808), ...range(810, 813), 815, 816, ...range(820, 823), 825, 826,
    830, 831, ...range(835, 839), 840, 841, 845, 846, ...range(850, 852), ...range(855, 857), 860, 861,
    ...range(865, 896), 908, 909, 916, 919, 921, 925, 926, 928, 929, 931, 933, ...range(935, 938),
    ...range(940, 943),
  ].map((n) => String(n).padStart(3, '0')),
);

import { z } from 'zod';

/**
 * The terms of a foster carer's approval (practice-standards.txt, Section 3 "Family Placement
 * (Fostering)" para 18: the foster care agreement sets out the terms of approval; Fostering
 * Services (England) Regulations 2011 reg 27(5)(b)): how many children, of what ages and gender,
 * for what kinds of care, and — for connected persons — the named child or children.
 *
 * Shared by RECRUITMENT (approval) and CARERS (changes of terms, placement-start check): the shape
 * is fixed by the issue 11 contract. Do not change it without both parts.
 */
export const careTypeLabels = {
  short_term: 'Short-term',
  long_term: 'Long-term (permanent)',
  respite: 'Short breaks (respite)',
  emergency: 'Emergency',
  parent_and_child: 'Parent and child',
  family_and_friends: 'Family and friends (connected person)',
} as const;
export type CareType = keyof typeof careTypeLabels;
export const careTypes = Object.keys(careTypeLabels) as [CareType, ...CareType[]];

export const genderLabels = {
  any: 'Any gender',
  female: 'Girls',
  male: 'Boys',
} as const;
export type TermsGender = keyof typeof genderLabels;
export const termsGenders = Object.keys(genderLabels) as [TermsGender, ...TermsGender[]];

export interface Terms {
  /** How many children may be placed at once (1-6). */
  children: number;
  /** The youngest age, in whole years (0-17). */
  ageFrom: number;
  /** The oldest age, in whole years (0-20: staying put and parent-and-child placements can go beyond 17). */
  ageTo: number;
  gender: TermsGender;
  careTypes: CareType[];
  /** For connected persons approved for a named child or children: their person ids. */
  namedChildIds?: string[];
}

/** The terms as stored on an event or sent to the API. */
export const termsSchema = z
  .object({
    children: z
      .number({ error: 'Enter how many children the carer is approved for' })
      .int('The number of children must be a whole number')
      .min(1, 'The number of children must be between 1 and 6')
      .max(6, 'The number of children must be between 1 and 6'),
    ageFrom: z
      .number({ error: 'Enter the youngest age' })
      .int('The youngest age must be a whole number of years')
      .min(0, 'The youngest age must be between 0 and 17')
      .max(17, 'The youngest age must be between 0 and 17'),
    ageTo: z
      .number({ error: 'Enter the oldest age' })
      .int('The oldest age must be a whole number of years')
      .min(0, 'The oldest age must be between 0 and 20')
      .max(20, 'The oldest age must be between 0 and 20'),
    gender: z.enum(termsGenders, { error: 'Select the gender of children the carer is approved for' }),
    careTypes: z
      .array(z.enum(careTypes, { error: 'Select a type of care from the list' }))
      .min(1, 'Select at least one type of care'),
    namedChildIds: z.array(z.string().min(1)).optional(),
  })
  .refine((t) => t.ageTo >= t.ageFrom, { message: 'The oldest age must be the same as or more than the youngest age', path: ['ageTo'] });

/** The terms read from stored event data, or null when they are not terms. */
export function termsOf(data: unknown): Terms | null {
  const parsed = termsSchema.safeParse(data);
  return parsed.success ? (parsed.data as Terms) : null;
}

/** The terms in words: "2 children, aged 0 to 10, any gender: Short-term, Short breaks (respite)". */
export function describeTerms(terms: Terms, nameOf?: (id: string) => string): string {
  const count = terms.children === 1 ? '1 child' : `${terms.children} children`;
  const ages = terms.ageFrom === terms.ageTo ? `aged ${terms.ageFrom}` : `aged ${terms.ageFrom} to ${terms.ageTo}`;
  const gender = terms.gender === 'any' ? 'any gender' : genderLabels[terms.gender].toLowerCase();
  const kinds = terms.careTypes.map((t) => careTypeLabels[t]).join(', ');
  const named = terms.namedChildIds && terms.namedChildIds.length > 0 ? `; named child: ${terms.namedChildIds.map((id) => (nameOf ? nameOf(id) : id)).join(', ')}` : '';
  return `${count}, ${ages}, ${gender}: ${kinds}${named}`;
}

import { z } from 'zod';
import {
  codeValues,
  disabilities,
  ethnicities,
  genders,
  immigrationStatuses,
  legalStatuses,
  professionalRoles,
  relationshipTypes,
  religions,
  warningCategories,
} from '../../domain/people/codes';
import { normaliseNhsNumber } from '../../domain/people/nhsNumber';
import { normaliseUpn } from '../../domain/people/upn';
import {
  checkboxes,
  isoDate,
  optionalChoice,
  optionalIsoDate,
  optionalText,
  requiredText,
  yesNo,
} from '../../platform/validation';

/**
 * One set of schemas for the pages and the API. Dates are YYYY-MM-DD (pages turn their three
 * date boxes into that first); codes are the DfE's where there is one.
 */
const nhsNumber = optionalText(20, 'NHS number').transform((v) => (v ? normaliseNhsNumber(v) : null));
const upn = optionalText(20, 'Unique pupil number').transform((v) => (v ? normaliseUpn(v) : null));

export const detailShape = {
  givenNames: requiredText('Enter the given names', 100, 'Given names'),
  familyName: requiredText('Enter the family name', 100, 'Family name'),
  preferredName: optionalText(100, 'Preferred name'),
  dateOfBirth: optionalIsoDate('Date of birth'),
  expectedDateOfBirth: optionalIsoDate('Expected date of birth'),
  gender: optionalChoice(codeValues(genders), 'sex'),
  ethnicity: optionalChoice(codeValues(ethnicities), 'ethnicity'),
  firstLanguage: optionalText(50, 'First language'),
  religion: optionalChoice(codeValues(religions), 'religion'),
  disabilities: checkboxes(z.enum(codeValues(disabilities), { error: 'Select disabilities from the list' })),
  nhsNumber,
  upn,
  uasc: yesNo,
  immigrationStatus: optionalChoice(codeValues(immigrationStatuses), 'immigration status'),
  organisation: optionalText(100, 'Organisation'),
  professionalRole: optionalChoice(codeValues(professionalRoles), 'professional role'),
  phone: optionalText(30, 'Telephone').refine((v) => v === null || /^[0-9+()\s-]{6,30}$/.test(v), 'Enter a telephone number, like 01632 960 001 or +44 808 157 0192'),
  email: optionalText(200, 'Email').refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an email address in the correct format, like name@example.org'),
};

const postcode = requiredText('Enter the postcode', 10, 'Postcode')
  .transform((v) => v.toUpperCase().replace(/\s+/g, ''))
  .refine((v) => /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(v), 'Enter a real postcode, like BA1 1AA')
  .transform((v) => `${v.slice(0, -3)} ${v.slice(-3)}`);

export const addressSchema = z.object({
  line1: requiredText('Enter the first line of the address', 100, 'Address line 1'),
  line2: optionalText(100, 'Address line 2'),
  town: requiredText('Enter the town or city', 60, 'Town or city'),
  postcode,
  startDate: isoDate('Date they started living here'),
}).strict();
export type AddressInput = z.infer<typeof addressSchema>;

export const registrationSchema = z.object({
  kind: z.enum(['child', 'adult', 'professional'], { error: 'Select who you are adding: a child, an adult or a professional' }),
  ...detailShape,
  address: addressSchema.nullish(),
  externalId: optionalText(64, 'External ID'),
  /** The user has seen the likely duplicates and says this is someone else. */
  confirmNotDuplicate: yesNo.optional(),
}).strict();
export type RegistrationInput = z.infer<typeof registrationSchema>;

/** A correction names only the fields it changes, and why. */
export const correctionSchema = z.object({
  changes: z.object(detailShape).partial().strict(),
  reason: requiredText('Enter the reason for the correction, like "date of birth confirmed by birth certificate"', 500, 'Reason'),
}).strict();
export type CorrectionInput = z.infer<typeof correctionSchema>;

export const warningSchema = z.object({
  category: z.enum(codeValues(warningCategories), { error: 'Select the kind of warning' }),
  detail: requiredText('Describe the warning so a colleague knows what to do', 1000, 'Warning'),
  startDate: isoDate('Date the warning applies from'),
});
export type WarningInput = z.infer<typeof warningSchema>;

export const endSchema = z.object({
  endDate: isoDate('End date'),
  reason: optionalText(500, 'Reason'),
});
export type EndInput = z.infer<typeof endSchema>;

export const relationshipSchema = z.object({
  relatedPersonId: z.uuid({ error: 'Choose the related person' }),
  type: z.enum(codeValues(relationshipTypes), { error: 'Select how they are related' }),
  parentalResponsibility: yesNo,
  professionalRole: optionalChoice(codeValues(professionalRoles), 'professional role'),
  startDate: isoDate('Date the relationship started'),
});
export type RelationshipInput = z.infer<typeof relationshipSchema>;

export const inErrorSchema = z.object({
  eventId: z.uuid({ error: 'Choose the entry recorded in error' }),
  reason: requiredText('Enter why the entry was recorded in error', 500, 'Reason'),
});

export const allocationSchema = z.object({
  teamId: z.uuid({ error: 'Select a team' }),
  workerId: z.union([z.literal(''), z.uuid({ error: 'Select a worker from the list' })]).nullish().transform((v) => (v ? v : null)),
  /** The manager's reason for allocating beyond the worker's caseload limit (issue 12; specialist-service-statement.txt 5.2): asked only then. */
  overLimitReason: optionalText(2000, 'The reason for allocating beyond the limit'),
});
export type AllocationInput = z.infer<typeof allocationSchema>;
/** What a caller gives: the reason may be left out. */
export type AllocationRequest = z.input<typeof allocationSchema>;

export const restrictionSchema = z.object({
  reason: requiredText('Enter why the record is restricted, like "child of a member of staff"', 500, 'Reason'),
});

/** The restriction form says which it asks for, so sending it twice cannot undo it. */
export const restrictionFormSchema = restrictionSchema.extend({
  action: z.enum(['restrict', 'lift'], { error: 'Choose whether to restrict the record or lift the restriction' }),
});

export const accessGrantSchema = z.object({
  username: requiredText('Enter the username of the person to give access to', 50, 'Username'),
});

export const legalStatusCodes = codeValues(legalStatuses);

export const searchSchema = z.object({
  q: optionalText(100, 'Search'),
  dateOfBirth: optionalIsoDate('Date of birth'),
  kind: optionalChoice(['child', 'adult', 'professional'], 'kind of person'),
  page: z.coerce.number({ error: 'Page must be a number' }).int().min(1, 'Page must be 1 or more').max(10_000).default(1),
  pageSize: z.coerce.number({ error: 'Page size must be a number' }).int().min(1).max(100, 'Page size must be 100 or fewer').default(20),
});
export type SearchInput = z.infer<typeof searchSchema>;

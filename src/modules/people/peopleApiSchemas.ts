import { z } from 'zod';

/** The shapes the API answers with, documented in the OpenAPI document and checked on the way out. */
const nullableText = z.string().nullable();

export const problemsSchema = z.object({ errors: z.array(z.object({ field: z.string(), message: z.string() })) });

export const childSummarySchema = z.object({
  id: z.string(),
  hearthId: z.number(),
  externalId: nullableText,
  givenNames: z.string(),
  familyName: z.string(),
  preferredName: nullableText,
  dateOfBirth: nullableText,
  expectedDateOfBirth: nullableText,
  gender: nullableText,
  restricted: z.boolean(),
  allocatedWorkerId: nullableText,
  allocatedTeamId: nullableText,
});

const dated = { id: z.string(), startDate: z.string(), endDate: nullableText };

export const childDetailSchema = childSummarySchema.extend({
  details: z.object({
    givenNames: z.string(),
    familyName: z.string(),
    preferredName: nullableText,
    dateOfBirth: nullableText,
    expectedDateOfBirth: nullableText,
    gender: nullableText,
    ethnicity: nullableText,
    firstLanguage: nullableText,
    religion: nullableText,
    disabilities: z.array(z.string()),
    nhsNumber: nullableText,
    upn: nullableText,
    uasc: z.boolean(),
    immigrationStatus: nullableText,
    organisation: nullableText,
    professionalRole: nullableText,
    phone: nullableText,
    email: nullableText,
  }),
  age: z.number().nullable(),
  allocation: z.object({
    worker: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    team: z.object({ id: z.string(), name: z.string() }).nullable(),
    since: nullableText,
  }),
  legalStatuses: z.array(z.object({ ...dated, status: z.string() })),
  addresses: z.array(z.object({ ...dated, line1: z.string(), line2: nullableText, town: z.string(), postcode: z.string() })),
  warnings: z.array(z.object({ ...dated, category: z.string(), detail: z.string() })),
  relationships: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      person: z.union([
        z.object({ id: z.string(), hearthId: z.number(), name: z.string(), kind: z.string() }),
        z.object({ restricted: z.literal(true) }),
      ]),
      parentalResponsibility: z.boolean(),
      startDate: z.string(),
      endDate: nullableText,
    }),
  ),
});

export const eventSchema = z.object({
  id: z.string(),
  type: z.string(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  recordedBy: nullableText,
  data: z.record(z.string(), z.unknown()),
  reason: nullableText,
  refersTo: nullableText,
});

export const searchResultSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  children: z.array(childSummarySchema),
});

export const duplicatesSchema = problemsSchema.extend({ duplicates: z.array(childSummarySchema) });
export const historySchema = z.object({ events: z.array(eventSchema), nextBefore: z.string().nullable() });
export const correctionResultSchema = z.object({ correction: eventSchema.nullable(), child: childDetailSchema });

/** Every refusal the API can give, for the OpenAPI document. */
export const refusals = { 400: problemsSchema, 401: problemsSchema, 403: problemsSchema, 404: problemsSchema };

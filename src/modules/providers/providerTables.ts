import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A placement provider's record (resource-service-policy.txt 1.2: "ensuring up to date Placement
 * Ofsted Rating information", downgrade action plans, monthly Regulation 44 reports): like a
 * child's, an append-only log of dated events, one stream per provider. The database refuses to
 * change or remove a row (migration 0011), so a rating history is never rewritten.
 */
export const providerEvents = pgTable(
  'provider_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid('id').notNull().unique(),
    providerId: uuid('provider_id').notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().default(sql`now()`),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    data: jsonb('data').notNull().$type<Record<string, unknown>>(),
  },
  (t) => [index('provider_events_provider_seq').on(t.providerId, t.seq)],
);

/**
 * Where a postcode district is (its outward code, like "WM5"): the centre of the district, to
 * work out how far a provider is from a child's home and school when matching. Reference data,
 * loaded from the ONS Postcode Directory's district centroids (`npx hearth postcodes import`);
 * a later load replaces a district's centre.
 */
export const postcodeDistricts = pgTable('postcode_districts', {
  outcode: text('outcode').primaryKey(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
});

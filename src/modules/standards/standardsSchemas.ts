import { z } from 'zod';
import { requiredText } from '../../platform/validation';

/** Changing a standard from a date: a new timescale, or switching it off or on. */
export const overrideSchema = z
  .object({
    effectiveFrom: z.iso.date({ error: 'Enter the date the change takes effect' }),
    enabled: z.enum(['yes', 'no'], { error: 'Choose whether the standard is followed from that date' }),
    amount: z
      .union([z.literal(''), z.coerce.number({ error: 'The new timescale must be a number' }).int('The new timescale must be a whole number').min(0, 'The new timescale must be 0 or more').max(1000, 'The new timescale must be 1,000 or less')])
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : v)),
    unit: z
      .union([z.literal(''), z.enum(['hours', 'working-days', 'days', 'weeks', 'months'], { error: 'Choose the unit of the new timescale' })])
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : v)),
    reason: requiredText('Enter why the standard is changing, like "agreed at the practice standards review, March 2027"', 500, 'Reason'),
  })
  .superRefine((v, ctx) => {
    if ((v.amount === null) !== (v.unit === null)) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Give both the number and the unit of the new timescale, or leave both empty to keep it' });
    }
  });

import { z } from 'zod';
import { homeAuthorityValues, takenOnValues } from '../../domain/hospitalDuty/hospitalReferral';
import { optionalText, requiredText } from '../../platform/validation';

/** The hospital duty service's forms (specialist-service-statement.txt 7.3.3 bullets 2-6). */
export const referralSchema = z
  .object({
    ward: requiredText('Enter the ward the child is on, or the department that referred', 200, 'The ward'),
    admitted: z.enum(['yes', 'no'], { error: 'Select whether the child has been admitted to hospital' }),
    homeAuthority: z.enum(homeAuthorityValues, { error: 'Select where the child lives: this authority, Somerset, Wiltshire or another authority' }),
    homeAuthorityName: optionalText(200, 'The other authority'),
    reason: requiredText('Enter why the hospital referred the child', 4000, 'Why the hospital referred'),
    referrer: optionalText(200, 'Who referred'),
  })
  .superRefine((value, ctx) => {
    if (value.homeAuthority === 'other' && !value.homeAuthorityName) ctx.addIssue({ code: 'custom', path: ['homeAuthorityName'], message: 'Enter the name of the local authority where the child lives' });
  });

/** A child not on Hearth yet, registered with the referral (through the people service, which finds likely duplicates). */
export const newChildSchema = z.object({
  givenNames: requiredText("Enter the child's given names", 100, 'Given names'),
  familyName: requiredText("Enter the child's family name", 100, 'Family name'),
  gender: z.enum(['M', 'F', 'U'], { error: "Select the child's sex" }),
});

export const wardVisitSchema = z.object({ note: requiredText('Enter who was seen on the ward and what was agreed', 4000, 'The note of the visit') });
export const passOnSchema = z.object({
  contact: requiredText('Enter who at the home authority the referral was passed to: their name and team', 300, 'The contact'),
  note: optionalText(2000, 'The note'),
});
export const handoverSchema = z.object({
  acceptedBy: requiredText('Enter who at the home authority confirmed they have taken case responsibility', 300, 'Who confirmed'),
  note: optionalText(2000, 'The note'),
});
export const takeOnSchema = z.object({
  route: z.enum(takenOnValues, { error: 'Select where the referral goes: the front door or the team' }),
  note: optionalText(2000, 'The note'),
});

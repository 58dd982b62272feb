/** The installation setting holding the authority's three-digit DfE code (the CIN census LEA, the UPN's characters 2-4). */
export const laCodeSetting = 'dfe_la_code';

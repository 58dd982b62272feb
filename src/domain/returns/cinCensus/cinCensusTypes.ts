/**
 * The CIN census as the DfE schema lays it out (../shared/returns-reference/cin-census/*.xml):
 * one Child per child in need in the year, each with one CINdetails per episode of need. Element
 * names are the schema's own, so the XML writer, the importer and the rules read the same shape.
 * Dates are YYYY-MM-DD; a missing optional element is null (or an empty list).
 */
export interface CinCensusHeader {
  Collection: 'CIN';
  /** The year the collection ends in (collectionYear.ts). */
  Year: number;
  ReferenceDate: string;
  SourceLevel: 'L';
  LEA: string;
  SoftwareCode: string;
  Release: string;
  SerialNo: string;
  /** YYYY-MM-DDThh:mm:ss, local time. */
  DateTime: string;
}

export interface CinChildIdentifiers {
  LAchildID: string;
  UPN: string | null;
  FormerUPN: string | null;
  /** UN1-UN10 when there is no UPN. */
  UPNunknown: string | null;
  PersonBirthDate: string | null;
  ExpectedPersonBirthDate: string | null;
  /** M, F or U (cin2024_25 4180, 8750). */
  Sex: string | null;
  PersonDeathDate: string | null;
}

export interface CinChildCharacteristics {
  Ethnicity: string | null;
  /** Disability codes; ["NONE"] when the child has none. */
  Disabilities: string[];
}

export interface CinAssessment {
  AssessmentActualStartDate: string | null;
  /** The date the assessment was completed (signed off); null while it is open. */
  AssessmentAuthorisationDate: string | null;
  /** Factors identified at assessment (1A, 2B, …, "21" for none); only for a completed assessment (8614). */
  AssessmentFactors: string[];
}

export interface CinPlanDates {
  CINPlanStartDate: string | null;
  CINPlanEndDate: string | null;
}

export interface CinSection47 {
  S47ActualStartDate: string | null;
  /** 15 working days after the strategy discussion that started the enquiry. */
  InitialCPCtarget: string | null;
  DateOfInitialCPC: string | null;
  /** True when the enquiry ended without a conference. */
  ICPCnotRequired: boolean | null;
}

export interface CinChildProtectionPlan {
  CPPstartDate: string | null;
  CPPendDate: string | null;
  /** NEG, PHY, SAB, EMO, MUL. */
  InitialCategoryOfAbuse: string | null;
  LatestCategoryOfAbuse: string | null;
  NumberOfPreviousCPP: number | null;
  /** CPPreviewDate of each review conference. */
  Reviews: string[];
}

export interface CinDetails {
  CINreferralDate: string | null;
  /** 1A-1D, 2A-2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10. */
  ReferralSource: string | null;
  /** N0-N9. */
  PrimaryNeedCode: string | null;
  CINclosureDate: string | null;
  /** RC1-RC9. */
  ReasonForClosure: string | null;
  /** An initial conference held outside a section 47 in the year (2884: recorded at one level only). */
  DateOfInitialCPC: string | null;
  /** True for a referral that led to no further action. */
  ReferralNFA: boolean | null;
  Assessments: CinAssessment[];
  CINPlanDates: CinPlanDates[];
  Section47: CinSection47[];
  ChildProtectionPlans: CinChildProtectionPlan[];
}

export interface CinChild {
  ChildIdentifiers: CinChildIdentifiers;
  ChildCharacteristics: CinChildCharacteristics;
  CINdetails: CinDetails[];
}

export interface CinCensus {
  header: CinCensusHeader;
  children: CinChild[];
}

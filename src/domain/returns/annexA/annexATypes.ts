/**
 * Ofsted's Annex A: the lists of children a local authority gives the inspectors at the start of
 * an inspection of local authority children's services (ILACS), for a date range Ofsted names
 * (issue 10: "the Ofsted lists 1–11 … for any date range, as a spreadsheet (xlsx) and CSV, with
 * the column headings Ofsted uses"). Like the DfE returns, each list is a projection of the
 * children's recorded events, never a second copy of the data.
 */
export interface AnnexAList {
  /** 1 to 11, Ofsted's numbering. */
  number: number;
  /** What the list is, in Ofsted's words ("Contacts", "Children in care"). */
  title: string;
  /** The columns, worded as the Annex A template words them. */
  headings: string[];
  /** One row a child (or a child's contact, referral, assessment…), each cell as the template shows it: dates DD/MM/YYYY. */
  rows: string[][];
}

/** The period the inspectors ask about: London dates YYYY-MM-DD, both days included. */
export interface AnnexARange {
  from: string;
  to: string;
}

/** What a provider's placement needs for list 8 (the same facts the SSDA903 return reads; src/domain/returns/subject.ts). */
export interface AnnexAProvider {
  /** Hearth's provider kind (src/domain/placements/providers.ts providerTypes). */
  kind: string;
  /** The Ofsted unique reference number, if registered. */
  urn: string | null;
  postcode: string | null;
}

/**
 * What the lists need beyond the children's own records. Pure: the caller (src/modules/returns/)
 * looks the names up and passes today's date in; nothing here reads a clock or a database.
 */
export interface AnnexAContext {
  /** Today, London date YYYY-MM-DD: a range that ends in the future is read as at today (ages, what is open). */
  today: string;
  /** A member of staff's name as it is now (allocated worker, personal adviser), or null if unknown: the event's own copy of the name is used then. */
  workerName(id: string): string | null;
  /** A team's name as it is now, or null if unknown. */
  teamName(id: string): string | null;
  /** Providers by id, for the placement's URN and postcode (list 8). Optional: without it those come from the placement's own data only. */
  providers?: ReadonlyMap<string, AnnexAProvider>;
}

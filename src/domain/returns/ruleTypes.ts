/**
 * A DfE validation rule, written in Hearth's own code from its meaning
 * (../shared/returns-reference/cin-census/rules.csv, ssda903/rules-2024-25.csv).
 */
export type ReturnName = 'cin-census' | 'ssda903';

export interface RuleFailure {
  /** The DfE rule code, e.g. "8840" or "8770Q"; a code ending in Q is a query (a warning). */
  code: string;
  /** The child it is about (LAchildID / CHILD), or null for a whole-return rule (2886Q). */
  childId: string | null;
  /** The DfE field names involved, e.g. ["CPPstartDate", "CPPendDate"] or ["DECOM", "DEC"]. */
  fields: string[];
  /** The date of the item that fails, where there is one, so the page can say which plan, episode or review. */
  at?: string | null;
}

export interface ReturnRule<Input, Context> {
  code: string;
  return: ReturnName;
  /** The DfE's message, as the rule list words it. */
  message: string;
  /** What to change in Hearth to put it right, in the words of the pages (not DfE codes). */
  fix: string;
  /** A query asks for a check or an explanation; an error stops the return being accepted. */
  severity: 'error' | 'query';
  check(input: Input, context: Context): RuleFailure[];
}

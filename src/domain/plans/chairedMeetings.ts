/**
 * "A manager will be present and will chair the meeting at the first and last" meetings of a plan
 * (practice-standards.txt, Section 2: Core Group Meetings 11; Child in Need Plans and Reviews 10):
 * why a meeting may not be recorded with this chair, or null. `held` is how many meetings of the
 * plan came before it; `what` names them ("core group meeting").
 */
export function firstAndLastChairRefusal(held: number, chairIsManager: boolean, last: boolean, what: string): string | null {
  if (chairIsManager) return null;
  if (held === 0) return `The first ${what} of a plan is chaired by a manager: choose the manager who chaired it`;
  if (last) return `The last ${what} of a plan is chaired by a manager: choose the manager who chaired it`;
  return null;
}

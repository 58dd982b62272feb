import { ageOn } from '../calendar/localDate';
import type { Terms } from './terms';

/** What the terms check needs to know about the child to be placed. */
export interface ChildToPlace {
  id: string;
  name: string;
  dateOfBirth: string | null;
  /** The record's sex: M, F or U. */
  gender: string | null;
}

/**
 * Each way a placement would be outside the carer's terms of approval, in words a placements
 * officer can act on; none when it is within them. Family Placement 17-18: the Foster Care
 * Agreement sets out "the number, age range and gender of the children and young people that may
 * be placed"; a connected person approved for a named child may take only that child. `placedNow`
 * counts the children placed with the carer now, not this one; `on` is the local date it starts.
 */
export function outsideTerms(terms: Terms, child: ChildToPlace, placedNow: number, on: string): string[] {
  const problems: string[] = [];
  if (placedNow + 1 > terms.children) {
    problems.push(`number: approved for ${terms.children === 1 ? '1 child' : `${terms.children} children`} and ${placedNow} ${placedNow === 1 ? 'is' : 'are'} placed now`);
  }
  if (!child.dateOfBirth) problems.push(`age: ${child.name}'s date of birth is not recorded, so the age range (${terms.ageFrom} to ${terms.ageTo}) cannot be checked`);
  else {
    const age = ageOn(child.dateOfBirth, on);
    if (age < terms.ageFrom || age > terms.ageTo) problems.push(`age: approved for children aged ${terms.ageFrom} to ${terms.ageTo}, and ${child.name} is ${age}`);
  }
  if (terms.gender !== 'any') {
    const wanted = terms.gender === 'female' ? 'F' : 'M';
    if (child.gender !== wanted) problems.push(`gender: approved for ${terms.gender === 'female' ? 'girls' : 'boys'} only`);
  }
  if (terms.namedChildIds && terms.namedChildIds.length > 0 && !terms.namedChildIds.includes(child.id)) {
    problems.push(`named child: approved as a connected person for a named child, and ${child.name} is not that child`);
  }
  return problems;
}

/** The part of each problem before the colon: which terms are outside ("number", "age"...). */
export function termsOutside(problems: readonly string[]): string[] {
  return problems.map((p) => p.slice(0, p.indexOf(':')));
}

/**
 * Whether a recorded exemption covers this child: agreed for this child, under the terms in force
 * now (`termsSince`: an exemption agreed before a change of terms was agreed for other terms, and a
 * new one is needed), and for every term the placement is outside (an exemption on the number does
 * not cover the age). Family Placement 18.
 */
export function exemptionCovers(exemption: { childId: string; outside: readonly string[]; termsAt?: Date }, childId: string, problems: readonly string[], termsSince?: Date): boolean {
  if (termsSince && (!exemption.termsAt || exemption.termsAt.getTime() !== termsSince.getTime())) return false;
  return exemption.childId === childId && termsOutside(problems).every((t) => exemption.outside.includes(t));
}

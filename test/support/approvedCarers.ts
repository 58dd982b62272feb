import type { RequestContext } from '../../src/platform/audit/auditLog';
import type { Terms } from '../../src/domain/fostering/terms';
import type { Services } from '../../src/services';
import { childInput, importEvent } from '../factories';

/**
 * Approved foster carers for tests that place a child with the authority's own carers or a
 * connected person (issue 11): such a placement names the carer's record, never a typed name. The
 * carer is registered (as `who`) and approved through the import path, with wide terms unless given.
 */
export async function approvedCarer(s: Services, who: RequestContext, name: string, terms: Partial<Terms> = {}, approvedAt = '2020-01-06T11:00:00Z'): Promise<string> {
  const words = name.split(' ');
  const familyName = words.pop() ?? name;
  const registered = await s.people.register(who, childInput({ kind: 'adult', givenNames: words.join(' ') || familyName, familyName, dateOfBirth: '1970-01-01', gender: 'F', nhsNumber: null, confirmNotDuplicate: true }));
  if (registered.outcome !== 'registered') throw new Error(`carer ${name} not registered`);
  const all: Terms = { children: 6, ageFrom: 0, ageTo: 20, gender: 'any', careTypes: ['short_term', 'long_term', 'respite', 'emergency', 'family_and_friends'], ...terms };
  await importEvent(s, registered.record.id, 'fostering.carer_approved', approvedAt, { terms: all, approvalKind: all.namedChildIds ? 'connected_person' : 'mainstream', decisionOn: approvedAt.slice(0, 10), summary: `${name} approved` });
  return registered.record.id;
}

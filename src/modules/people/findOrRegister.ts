import { fullName } from '../../domain/people/personDetails';
import type { RequestContext } from '../../platform/audit/auditLog';
import { ValidationError } from '../../platform/errors';
import type { PersonRecord } from './peopleRepository';
import type { RegistrationInput } from './peopleSchemas';
import type { PeopleService } from './peopleService';

/** A likely duplicate, as a form shows it before anyone is added. */
export type PossibleDuplicate = { id: string; name: string; hearthId: number };

/**
 * The first half of a "find the child first" page: the children matching the search box (a search
 * is audited as one). A search with nothing to search by ("!!!") gives its problem beside the box
 * rather than an error page.
 */
export async function findChildren(people: PeopleService, context: RequestContext, q: unknown): Promise<{ q: string; results: PersonRecord[]; searchError: string | null }> {
  const search = typeof q === 'string' && q.trim() ? q.trim() : null;
  if (!search) return { q: '', results: [], searchError: null };
  try {
    return { q: search, results: (await people.search(context, { q: search, dateOfBirth: null, kind: 'child', page: 1, pageSize: 20 })).records, searchError: null };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { q: search, results: [], searchError: error.problems[0]?.message ?? 'Search by a name, an NHS number or a Hearth ID' };
  }
}

/**
 * The second half: someone the search did not find, added; or, unless the worker has confirmed
 * they are someone else, the likely duplicates by name and date of birth to show first.
 */
export async function registerUnlessDuplicate(
  people: PeopleService,
  context: RequestContext,
  input: Partial<RegistrationInput> & Pick<RegistrationInput, 'kind'>,
  confirmedNotDuplicate: boolean,
): Promise<{ outcome: 'registered'; record: PersonRecord } | { outcome: 'possible-duplicates'; duplicates: PossibleDuplicate[] }> {
  const registered = await people.register(context, { ...input, ...(confirmedNotDuplicate ? { confirmNotDuplicate: true } : {}) });
  if (registered.outcome === 'possible-duplicates') return { outcome: 'possible-duplicates', duplicates: registered.duplicates.map((r) => ({ id: r.id, name: fullName(r.details), hearthId: r.hearthId })) };
  return registered;
}

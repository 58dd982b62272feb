import type { Problem } from '../domain/people/personDetails';

/** Errors a service raises for a person to act on; the HTTP layer turns each into a clear page or JSON. */
export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} was not found`);
  }
}

export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this') {
    super(message);
  }
}

/** Input that breaks a rule: each problem names the field and says what to do. Nothing was saved. */
export class ValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
}

/** The thing has moved on since the page was drawn (a form already submitted): say so, change nothing. */
export class ConflictError extends Error {}

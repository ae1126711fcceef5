import { HttpException } from '@nestjs/common';
import { FieldError, Problem, problemFor, problemType } from './problem';

/** An HttpException that carries a full problem document (type, field errors, extensions). */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }

  static validation(errors: FieldError[], detail = 'The request has invalid fields.'): ProblemException {
    return new ProblemException(
      problemFor(400, detail, { type: problemType('validation-error'), title: 'Invalid request', errors }),
    );
  }

  /** Whether `error` is the problem of this type slug (e.g. `email-taken`), whoever threw it. */
  static is(error: unknown, slug: string): error is ProblemException {
    return error instanceof ProblemException && error.problem.type === problemType(slug);
  }

  static conflict(slug: string, detail: string): ProblemException {
    return new ProblemException(problemFor(409, detail, { type: problemType(slug) }));
  }
}

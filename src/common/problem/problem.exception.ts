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

  static conflict(slug: string, detail: string): ProblemException {
    return new ProblemException(problemFor(409, detail, { type: problemType(slug) }));
  }
}

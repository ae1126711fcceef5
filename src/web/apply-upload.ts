import { ProblemException } from '../common/problem/problem.exception';
import type { Errors } from './apply-forms';

/**
 * The documents service's refusals of an upload at the form's fields, with the status to answer with; null
 * for anything else (rethrown).
 */
export function uploadErrors(error: unknown): { status: number; errors: Errors } | null {
  if (!(error instanceof ProblemException)) return null;
  const status = error.problem.status;
  if (status === 413) return { status, errors: { file: 'fileTooLarge' } };
  if (status === 415) return { status, errors: { file: 'fileType' } };
  if (status !== 400) return null;
  const errors: Errors = {};
  for (const e of error.problem.errors ?? []) {
    if (e.field === 'kind') errors.kind = 'kindMissing';
    else errors.file ??= 'fileMissing';
  }
  return { status, errors: Object.keys(errors).length ? errors : { file: 'fileMissing' } };
}

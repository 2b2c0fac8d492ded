/**
 * Puts a server error on a Mantine form: each `{ path, message }` beside the field the
 * path names, and a general sentence for anything no field on the form can show.
 */
import type { ApiError } from './client.ts';
import { ApiError as ApiErrorClass } from './client.ts';
import { errorSentence, fieldSentence } from './error-messages.ts';

/** `phases[1].minHoursPerWeek` (server) → `phases.1.minHoursPerWeek` (Mantine form). */
export function formPath(serverPath: string): string {
  return serverPath.replace(/\[(\d+)\]/g, '.$1');
}

export interface FormErrorTarget {
  setFieldError(path: string, error: string): void;
}

/**
 * @param fields form paths the page renders; problems at other paths go to the general alert.
 *   `'name'` takes `name` and anything under it (`facilityIds.0` → `facilityIds`);
 *   `'phases.'` takes every path under phases as it is (`phases.1.minHoursPerWeek`).
 * @returns the general alert text, or null when every problem sits beside a field.
 */
export function applyServerError(form: FormErrorTarget, error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiErrorClass)) return errorSentence(error);
  const problems = (error as ApiError).fieldProblems;
  const unplaced: string[] = [];
  for (const problem of problems) {
    const path = formPath(problem.path);
    const match = fields.find((f) => (f.endsWith('.') ? path.startsWith(f) : path === f || path.startsWith(`${f}.`)));
    const field = match?.endsWith('.') ? path : match;
    if (!field) {
      unplaced.push(fieldSentence(problem.message));
      continue;
    }
    // A fragment such as "is not right" reads better as the whole sentence the server gave
    // ("The current password is not right.").
    const fragment = /^[a-z]/.test(problem.message) && !problem.message.startsWith('must');
    form.setFieldError(field, fragment && problems.length === 1 && error.message ? error.message : fieldSentence(problem.message));
  }
  if (problems.length === 0) return errorSentence(error);
  if (unplaced.length > 0) return `${errorSentence(error)} ${unplaced.join(' ')}`;
  return null;
}

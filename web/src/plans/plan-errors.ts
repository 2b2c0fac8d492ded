/**
 * Plan refusals as sentences, and their field paths made to fit the editor's form (whose
 * values sit under `content`, like the request body).
 */
import { ApiError } from '../api/client.ts';
import { errorSentence } from '../api/error-messages.ts';

/* The shared sentences (api/error-messages.ts) serve every code but one, whose shared
   wording ("admit the patient first") is about admissions, not about a plan. */
const PLAN_SENTENCES: Record<string, string> = {
  episode_not_active: 'This episode has ended: its plan can no longer change.',
};

export function planErrorSentence(error: unknown): string {
  if (error instanceof ApiError && PLAN_SENTENCES[error.code]) return PLAN_SENTENCES[error.code]!;
  return errorSentence(error);
}

/**
 * The same error with each detail path under `content.`, one problem per field: an empty
 * text breaks both its length and its "not blank" pattern, and "required" says it best.
 */
export function withContentPaths(error: unknown): unknown {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return error;
  const byPath = new Map<string, string>();
  for (const p of error.fieldProblems) {
    const path = p.path.startsWith('content') ? p.path : `content.${p.path}`;
    const message = /^must match pattern "\\S"/.test(p.message) ? 'must NOT have fewer than 1 characters' : p.message;
    if (!byPath.has(path)) byPath.set(path, message);
  }
  const details = [...byPath].map(([path, message]) => ({ path, message }));
  return new ApiError(error.status, error.code, planErrorSentence(error), details);
}

/**
 * Plan refusals as sentences, and their field paths made to fit the editor's form (whose
 * values sit under `content`, like the request body).
 */
import { ApiError } from '../api/client.ts';
import { errorSentence } from '../api/error-messages.ts';

const PLAN_SENTENCES: Record<string, string> = {
  plan_invalid: 'Some entries cannot be saved: see the messages beside the fields.',
  plan_incomplete: 'Not complete enough to sign: each problem needs a goal, each goal a measurable objective, each objective an intervention. See the marked fields.',
  plan_not_draft: 'This version can no longer be changed or signed: someone else may have signed it. Reload the page.',
  plan_not_active: 'There is no plan in force to review yet.',
  plan_not_awaiting_signature: 'This version is no longer waiting for a signature. Reload the page.',
  episode_not_active: 'This episode has ended: its plan can no longer change.',
  objective_not_found: 'The plan in force has no such objective. Reload the page.',
  objective_not_custom: 'This objective measures itself from the record; only custom objectives take recorded values.',
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

/**
 * The save step every form shares: busy while the request runs, and a server refusal
 * placed beside the fields it names (the rest in one general alert).
 */
import { useState } from 'react';
import { type FormErrorTarget, applyServerError } from './form-errors.ts';

interface Options {
  /** Shown when every problem sits beside a field, so the alert still says why nothing was saved. */
  readonly fieldsOnlyMessage?: string;
  /** After a refusal, e.g. to move focus to the first field in error. */
  readonly afterError?: () => void;
}

export function useFormSubmit<V>(form: FormErrorTarget, fields: readonly string[], send: (values: V) => Promise<unknown>, options: Options = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await send(values);
    } catch (e) {
      setError(applyServerError(form, e, fields) ?? options.fieldsOnlyMessage ?? null);
      options.afterError?.();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

/**
 * useFormSubmit, plus refusals whose code belongs to one field (a specimen id already used,
 * a temperature missing): the sentence goes beside that field instead of the general alert.
 */
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { errorSentence } from '../api/error-messages.ts';
import { type FormErrorTarget, applyServerError } from '../api/form-errors.ts';

const BESIDE_FIELDS = 'See the messages beside the fields.';

export function useCodedSubmit<V>(form: FormErrorTarget, fields: readonly string[], codeFields: Readonly<Record<string, string>>, send: (values: V) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await send(values);
    } catch (e) {
      const field = e instanceof ApiError ? codeFields[e.code] : undefined;
      if (field) {
        form.setFieldError(field, errorSentence(e));
        setError(BESIDE_FIELDS);
      } else {
        setError(applyServerError(form, e, fields) ?? BESIDE_FIELDS);
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

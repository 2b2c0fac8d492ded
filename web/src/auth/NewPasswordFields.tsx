import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PASSWORD_HINT } from './password-rules.ts';

interface WithNewPassword {
  password: string;
  repeatPassword: string;
}

/** "Password" + "Repeat password", with the policy as a visible hint. */
export function NewPasswordFields<T extends WithNewPassword>({ form, label = 'Password' }: { form: UseFormReturnType<T>; label?: string }) {
  return (
    <>
      <PasswordInput label={label} description={PASSWORD_HINT} autoComplete="new-password" required {...form.getInputProps('password')} />
      <PasswordInput label="Repeat the password" autoComplete="new-password" required {...form.getInputProps('repeatPassword')} />
    </>
  );
}

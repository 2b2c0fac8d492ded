/**
 * The server's password policy (src/auth/password-policy.ts: NIST SP 800-63B), checked
 * early for a quick hint; the server also refuses common passwords.
 */
export const MIN_PASSWORD_LENGTH = 12;

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;

export function newPasswordProblem(password: string): string | null {
  if (password.length === 0) return 'Choose a password.';
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  return null;
}

/** A Mantine form rule: the repeat must equal `values.password`. */
export function repeatProblem(repeat: string, values: { password: string }): string | null {
  return repeat === values.password ? null : 'The two passwords are not the same.';
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s) via the otpauth library. */
import * as OTPAuth from 'otpauth';

const ISSUER = 'Cairn';

function totpFor(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

const PERIOD_MS = 30_000;

/**
 * The 30 s time step a code belongs to: the current step or one either side (clock drift),
 * or undefined when the code is wrong. Callers refuse a step at or before the last one
 * accepted, so an observed code cannot be replayed (RFC 6238 §5.2).
 */
export function totpStep(secretBase32: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpFor(secretBase32, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / PERIOD_MS) + delta;
}

export function totpCodeAccepted(secretBase32: string, code: string, now: Date, lastStep: number | null): number | undefined {
  const step = totpStep(secretBase32, code, now);
  return step !== undefined && (lastStep === null || step > lastStep) ? step : undefined;
}

/** The code an authenticator would show at `now` (tests and the demo use it). */
export function totpCodeAt(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'check').generate({ timestamp: now.getTime() });
}

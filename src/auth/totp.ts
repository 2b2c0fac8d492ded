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

/** Accepts the code for the current 30 s step or one step either side (clock drift). */
export function totpCodeValid(secretBase32: string, code: string, now: Date): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return totpFor(secretBase32, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null;
}

/** The code an authenticator would show at `now` (tests and the demo use it). */
export function totpCodeAt(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'check').generate({ timestamp: now.getTime() });
}

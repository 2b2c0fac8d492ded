/** Checks on facility identifiers. Pure. */

/**
 * NPI check digit: Luhn over the 9-digit base with the card-issuer prefix 80840, which
 * contributes a constant 24 (CMS, "Requirements for NPI check digit").
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  let sum = 24;
  for (let i = 0; i < 9; i += 1) {
    let digit = Number(npi[i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

/** An IANA zone name the runtime knows (America/New_York), not an offset or abbreviation. */
export function isIanaTimeZone(zone: string): boolean {
  if (zone !== 'UTC' && !/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** 10 to 15 digits once punctuation is removed: (555) 123-4567, +1 555 123 4567. */
export function isPlausiblePhone(phone: string): boolean {
  if (!/^[0-9+().\s-]+$/.test(phone)) return false;
  const digits = phone.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}

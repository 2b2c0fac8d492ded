import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIanaTimeZone, isPlausiblePhone, isValidNpi } from './facility-rules.ts';

describe('facility identifiers', () => {
  it('accepts an NPI whose check digit is right (CMS example 1234567893)', () => {
    assert.equal(isValidNpi('1234567893'), true);
  });
  it('rejects an NPI with a wrong check digit, a wrong length or letters', () => {
    for (const npi of ['1234567890', '1234567894', '123456789', '12345678930', '12345678a3']) {
      assert.equal(isValidNpi(npi), false, npi);
    }
  });
  it('accepts IANA time zones and rejects offsets, abbreviations and unknown names', () => {
    for (const zone of ['America/New_York', 'America/Los_Angeles', 'America/Indiana/Indianapolis', 'UTC', 'Pacific/Honolulu']) {
      assert.equal(isIanaTimeZone(zone), true, zone);
    }
    for (const zone of ['EST', '+05:00', 'America/Atlantis', '', 'New York']) {
      assert.equal(isIanaTimeZone(zone), false, zone);
    }
  });
  it('accepts common phone formats and rejects short or lettered numbers', () => {
    assert.equal(isPlausiblePhone('(555) 123-4567'), true);
    assert.equal(isPlausiblePhone('+1 555 123 4567'), true);
    assert.equal(isPlausiblePhone('555-1234'), false);
    assert.equal(isPlausiblePhone('call me'), false);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveCollection, resolveCustodyTime, temperatureInRange } from './collection-rules.ts';

const NY = 'America/New_York';
/** 10:00 in New York on Tuesday 24 November 2026 (EST). */
const NOW = new Date('2026-11-24T15:00:00Z');
const TEST = { selectedOn: '2026-11-24' };

describe('a urine temperature', () => {
  const cases: [celsius: number, inRange: boolean][] = [
    [31.9, false],
    [32, true],
    [32.1, true],
    [36.5, true],
    [38, true],
    [38.1, false],
    [20, false], // a cold specimen: possibly substituted
  ];
  for (const [celsius, inRange] of cases) {
    it(`${celsius} °C is ${inRange ? 'within' : 'outside'} 32–38 °C`, () => assert.equal(temperatureInRange(celsius), inRange));
  }

  it('is stored to one decimal, and judged on the stored value', () => {
    const low = resolveCollection({ specimenType: 'urine', temperatureC: 31.96 }, TEST, NOW, NY);
    assert.deepEqual(low, { ok: true, value: { collectedAt: NOW, temperatureC: 32, temperatureInRange: true } });
    const high = resolveCollection({ specimenType: 'urine', temperatureC: 38.04 }, TEST, NOW, NY);
    assert.ok(high.ok && high.value.temperatureC === 38 && high.value.temperatureInRange);
  });

  it('is required for urine', () => {
    assert.deepEqual(resolveCollection({ specimenType: 'urine' }, TEST, NOW, NY), { ok: false, problems: [{ path: 'temperatureC', message: 'is required for a urine specimen (read within 4 minutes of collection)' }] });
  });

  for (const celsius of [98.6, 4.9, 50.1, -1]) {
    it(`refuses ${celsius} as not a body temperature in °C`, () => {
      const result = resolveCollection({ specimenType: 'urine', temperatureC: celsius }, TEST, NOW, NY);
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.problems[0]!.path, 'temperatureC');
    });
  }

  it('does not apply to an oral-fluid swab', () => {
    assert.deepEqual(resolveCollection({ specimenType: 'oral_fluid' }, TEST, NOW, NY), { ok: true, value: { collectedAt: NOW, temperatureC: null, temperatureInRange: null } });
    const withTemperature = resolveCollection({ specimenType: 'oral_fluid', temperatureC: 36 }, TEST, NOW, NY);
    assert.equal(!withTemperature.ok && withTemperature.problems[0]!.message, 'applies to urine specimens only');
  });
});

describe('the collection time', () => {
  const at = (iso: string) => resolveCollection({ specimenType: 'oral_fluid', collectedAt: new Date(iso) }, TEST, NOW, NY);

  it('may be earlier the same facility day', () => assert.ok(at('2026-11-24T05:00:00Z').ok)); // 00:00 New York
  it('may be a few minutes ahead of the server clock (a tablet’s clock)', () => assert.ok(at('2026-11-24T15:04:00Z').ok));
  it('may not be in the future', () => assert.deepEqual(!at('2026-11-24T15:06:00Z').ok && at('2026-11-24T15:06:00Z'), { ok: false, problems: [{ path: 'collectedAt', message: 'is in the future' }] }));
  it('may not be on another day in the facility’s zone (23:59 the evening before)', () => assert.equal(at('2026-11-24T04:59:00Z').ok, false));
  it('defaults to now', () => assert.deepEqual(resolveCollection({ specimenType: 'oral_fluid' }, TEST, NOW, NY), { ok: true, value: { collectedAt: NOW, temperatureC: null, temperatureInRange: null } }));
});

describe('a custody event time', () => {
  const collectedAt = new Date('2026-11-24T14:00:00Z');
  it('defaults to now', () => assert.deepEqual(resolveCustodyTime(undefined, collectedAt, NOW), { ok: true, value: NOW }));
  it('may be the moment of collection', () => assert.ok(resolveCustodyTime(collectedAt, collectedAt, NOW).ok));
  it('may not come before the collection', () => assert.equal(resolveCustodyTime(new Date('2026-11-24T13:59:00Z'), collectedAt, NOW).ok, false));
  it('may not be in the future', () => assert.equal(resolveCustodyTime(new Date('2026-11-25T13:59:00Z'), collectedAt, NOW).ok, false));
});

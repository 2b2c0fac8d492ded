import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../http/errors.ts';
import { dayRange } from './day-range.ts';

const TODAY = '2026-11-24';

describe('a range of days asked for', () => {
  const answered: [string, { from?: string; to?: string }, { from: string; to: string }][] = [
    ['defaults to the 30 days ending today', {}, { from: '2026-10-26', to: TODAY }],
    ['runs 30 days from a given start', { from: '2026-11-01' }, { from: '2026-11-01', to: '2026-11-30' }],
    ['runs 30 days back from a given end', { to: '2026-11-10' }, { from: '2026-10-12', to: '2026-11-10' }],
    ['may be a single day', { from: TODAY, to: TODAY }, { from: TODAY, to: TODAY }],
    ['may span a year and a day (366 days inclusive)', { from: '2025-11-24', to: TODAY }, { from: '2025-11-24', to: TODAY }],
  ];
  for (const [sentence, query, expected] of answered) {
    it(sentence, () => assert.deepEqual(dayRange(query, TODAY, 30), expected));
  }
  const refused: [string, { from?: string; to?: string }][] = [
    ['a range that runs backwards', { from: TODAY, to: '2026-11-23' }],
    ['a range over 366 days', { from: '2025-11-23', to: TODAY }],
  ];
  for (const [sentence, query] of refused) {
    it(`refuses ${sentence} (422 date_out_of_range)`, () => {
      assert.throws(() => dayRange(query, TODAY, 30), (e: unknown) => e instanceof AppError && e.status === 422 && e.code === 'date_out_of_range');
    });
  }
});

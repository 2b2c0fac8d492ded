/**
 * Instrument shapes the web reads (GET /api/instruments and the portal's due list), from
 * the server's definitions with type-only imports: no server code reaches the bundle.
 */
export type { AnswerValue, InstrumentDefinition, InstrumentId, InstrumentItem, InstrumentOption, SeverityBand } from '../../../src/instruments/definitions.ts';
import type { AnswerValue } from '../../../src/instruments/definitions.ts';

/** One entry per item, in item order; an item the skip logic hides is sent as null. */
export type Answers = (AnswerValue | null)[];

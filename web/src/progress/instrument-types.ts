/** Instrument API shapes, derived from the server's schemas (type-only: no server code in the bundle). */
import type { Static } from 'typebox';
import type {
  DueInstrumentView as DueInstrumentViewSchema,
  FacilityDueInstrument as FacilityDueInstrumentSchema,
  InstrumentResponse as InstrumentResponseSchema,
  InstrumentResponseInput as InstrumentResponseInputSchema,
} from '../../../src/instruments/instruments.schemas.ts';
import type { InstrumentDefinition, InstrumentId } from '../instruments/instrument-types.ts';

export type { InstrumentDefinition, InstrumentId };
export type InstrumentBand = InstrumentDefinition['bands'][number];
export type InstrumentResponse = Static<typeof InstrumentResponseSchema>;
export type InstrumentResponseInput = Static<typeof InstrumentResponseInputSchema>;
export type DueInstrumentView = Static<typeof DueInstrumentViewSchema>;
export type FacilityDueInstrument = Static<typeof FacilityDueInstrumentSchema>;

/** Drug-test API shapes, derived from the server's schemas and table types (type-only). */
import type { Static } from 'typebox';
import type {
  CollectionInput as CollectionInputSchema,
  CustodyInput as CustodyInputSchema,
  DrugTestSummary as DrugTestSummarySchema,
  ForCauseInput as ForCauseInputSchema,
  Policy as PolicySchema,
  PolicyInput as PolicyInputSchema,
  PolicyResponse as PolicyResponseSchema,
  TodayList as TodayListSchema,
} from '../../../src/drugtests/drug-test-collection.schemas.ts';
import type {
  DrugTestDetail as DrugTestDetailSchema,
  DrugTestSummary as DrugTestListItemSchema,
  Hl7ImportResponse as Hl7ImportResponseSchema,
  ReadingInput as ReadingInputSchema,
  ResultsInput as ResultsInputSchema,
  ResultsResponse as ResultsResponseSchema,
  ValidityInput as ValidityInputSchema,
} from '../../../src/drugtests/drug-test-results.schemas.ts';

export type {
  AnalyteInterpretation as Interpretation,
  CustodyEvent as CustodyEventKind,
  DrugTestOutcome,
  DrugTestReason,
  DrugTestStatus,
  ResultMethod as ReadingMethod,
  SpecimenType,
  SpecimenValidity as Validity,
} from '../../../src/db/schema.ts';
export type { AnalyteDef, Panel } from '../../../src/drugtests/panels.ts';

export type Policy = Static<typeof PolicySchema>;
export type PolicyView = Static<typeof PolicyResponseSchema>;

export type PolicyInput = Static<typeof PolicyInputSchema>;

/** A test on today's collection list (and the answer of the order and collection actions). */
export type TodayTest = Static<typeof DrugTestSummarySchema>;
export type SessionToday = TodayTest['sessionsToday'][number];
export type TodayList = Static<typeof TodayListSchema>;
export type CollectionInput = Static<typeof CollectionInputSchema>;
export type CustodyInput = Static<typeof CustodyInputSchema>;
export type ForCauseInput = Static<typeof ForCauseInputSchema>;

export type ReadingInput = Static<typeof ReadingInputSchema>;
export type ValidityInput = Static<typeof ValidityInputSchema>;
export type ResultsInput = Static<typeof ResultsInputSchema>;

/** GET /api/drug-tests/:testId — the whole record. */
export type DrugTestDetail = Static<typeof DrugTestDetailSchema>;
export type Reading = DrugTestDetail['readings'][number];
export type CustodyEvent = DrugTestDetail['custody'][number];
/** A row of the patient's list, the review queue and the awaiting-results list. */
export type DrugTestListItem = Static<typeof DrugTestListItemSchema>;
export type ResultsResponse = Static<typeof ResultsResponseSchema>;
export type Hl7ImportResult = Static<typeof Hl7ImportResponseSchema>;

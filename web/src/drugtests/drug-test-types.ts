/**
 * Drug-test API shapes (docs: scratch/issue5-contract.md "Drug tests"), as the screens use them.
 */
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

export type SpecimenType = 'urine' | 'oral_fluid';
export type DrugTestReason = 'random' | 'for_cause' | 'scheduled';
export type DrugTestStatus = 'pending' | 'collected' | 'refused' | 'not_collected' | 'resulted' | 'reviewed';
export type Validity = 'valid' | 'dilute' | 'substituted' | 'adulterated' | 'invalid';
export type DrugTestOutcome = 'negative' | 'expected_only' | 'unexpected_positive' | 'missing_expected' | 'invalid_specimen' | 'refused';
export type ReadingMethod = 'poc_cup' | 'lab_initial' | 'lab_confirmation';
export type Interpretation = 'negative' | 'positive' | 'expected' | 'missing_expected';
export type CustodyEventKind = 'collected' | 'sealed' | 'sent_to_lab' | 'received_by_lab' | 'resulted' | 'disposed' | 'other';

export interface PatientRef {
  patientId: string;
  displayName: string;
  mrn: string;
}

export interface StaffRef {
  staffId: string;
  fullName: string;
}

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

/** Request and response shapes of the instrument routes (staff and portal). */
import { Type, type Static } from 'typebox';
import { LocalDay, Nullable, Timestamp, Uuid } from '../http/schemas.ts';
import { type Answer, type InstrumentId, INSTRUMENT_IDS } from './definitions.ts';

export const InstrumentIdSchema = Type.Unsafe<InstrumentId>({ type: 'string', enum: [...INSTRUMENT_IDS], description: 'phq9, gad7, audit, audit_c, dast10, bam, cssrs_screener' });

/**
 * The answers in item order. Item types are checked by the scorer, not the schema, so that a
 * wrong answer gets its `answers[i]` path and the request parser never coerces "1" or true
 * into something else.
 */
export const AnswersSchema = Type.Unsafe<Answer[]>({
  type: 'array',
  maxItems: 64,
  items: {},
  description: 'One entry per item in definition order: a number (scaled items), true/false (yes/no items), or null for an item the skip logic leaves out',
});

const AnswerValue = Type.Union([Type.Number(), Type.Boolean()]);

export const InstrumentDefinitionSchema = Type.Object({
  id: InstrumentIdSchema,
  name: Type.String(),
  shortName: Type.String(),
  instructions: Type.String(),
  timeframe: Type.String(),
  items: Type.Array(
    Type.Object({
      number: Type.String({ description: '"1", "7a"' }),
      text: Type.String(),
      options: Type.Array(Type.Object({ value: AnswerValue, label: Type.String() })),
      askedWhen: Type.Optional(Type.Object({ item: Type.String(), equals: AnswerValue }, { description: 'Asked only when that item was asked and answered with this value' })),
    }),
  ),
  maxScore: Nullable(Type.Integer()),
  bands: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), min: Type.Integer(), max: Type.Integer() })),
  loinc: Nullable(Type.Object({ panel: Type.String(), total: Nullable(Type.String()) })),
});

export const PatientParams = Type.Object({ patientId: Uuid });
export const FacilityParams = Type.Object({ facilityId: Uuid });

export const InstrumentResponseInput = Type.Object(
  {
    instrument: InstrumentIdSchema,
    answers: AnswersSchema,
    administeredAt: Type.Optional(Timestamp),
    episodeId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type InstrumentResponseInput = Static<typeof InstrumentResponseInput>;

export const ResponsesQuery = Type.Object({ instrument: Type.Optional(InstrumentIdSchema), episodeId: Type.Optional(Uuid) }, { additionalProperties: false });
export type ResponsesQuery = Static<typeof ResponsesQuery>;

export const InstrumentResponse = Type.Object({
  responseId: Uuid,
  patientId: Uuid,
  episodeId: Nullable(Uuid),
  instrument: InstrumentIdSchema,
  instrumentName: Type.String({ description: 'Short name, e.g. PHQ-9' }),
  answers: AnswersSchema,
  totalScore: Nullable(Type.Integer()),
  severity: Nullable(Type.String({ description: 'A band key of the definition; AUDIT-C positive/negative; C-SSRS negative/low/moderate/high' })),
  severityLabel: Nullable(Type.String()),
  subscales: Nullable(Type.Record(Type.String(), Type.Integer(), { description: 'BAM: use, risk, protective' })),
  flags: Type.Array(Type.String(), { description: 'e.g. phq9_item9_positive, gad7_positive_screen, audit_c_positive, cssrs_high_risk, bam_use_positive' }),
  administeredOn: LocalDay('The facility-local day it was given'),
  administeredAt: Timestamp,
  source: Type.Union([Type.Literal('staff'), Type.Literal('portal')]),
  administeredBy: Nullable(Type.Object({ staffId: Uuid, fullName: Type.String() })),
});
export type InstrumentResponse = Static<typeof InstrumentResponse>;

export const InstrumentResponses = Type.Object({ responses: Type.Array(InstrumentResponse, { description: 'Oldest first' }) });

const DueFields = {
  instrument: InstrumentIdSchema,
  reason: Type.Union([Type.Literal('admission'), Type.Literal('periodic'), Type.Literal('discharge')]),
  dueOn: LocalDay('The day it fell due'),
  status: Type.Union([Type.Literal('due'), Type.Literal('overdue')], { description: 'overdue: more than 3 days past dueOn' }),
  episodeId: Uuid,
  programName: Type.String(),
};

export const DueInstrumentView = Type.Object(DueFields);
export type DueInstrumentView = Static<typeof DueInstrumentView>;

export const PatientDueInstruments = Type.Object({ due: Type.Array(DueInstrumentView) });
export type PatientDueInstruments = Static<typeof PatientDueInstruments>;

export const FacilityDueInstrument = Type.Object({ ...DueFields, patientId: Uuid, patientName: Type.String(), mrn: Type.String() });
export type FacilityDueInstrument = Static<typeof FacilityDueInstrument>;
export const FacilityDueInstruments = Type.Object({ items: Type.Array(FacilityDueInstrument, { description: 'Overdue first, longest overdue first' }) });
export type FacilityDueInstruments = Static<typeof FacilityDueInstruments>;

/* ---- Portal ---- */

export const PortalQuestionnaires = Type.Object({
  due: Type.Array(Type.Object({ ...DueFields, definition: InstrumentDefinitionSchema })),
});
export type PortalQuestionnaires = Static<typeof PortalQuestionnaires>;

export const PortalQuestionnaireInput = Type.Object({ instrument: InstrumentIdSchema, episodeId: Uuid, answers: AnswersSchema }, { additionalProperties: false });
export type PortalQuestionnaireInput = Static<typeof PortalQuestionnaireInput>;

export const PortalQuestionnaireReceipt = Type.Object({
  instrument: InstrumentIdSchema,
  administeredOn: LocalDay('The facility-local day it was given'),
  crisisResources: Type.Boolean({ description: 'The answers call for crisis resources now (PHQ-9 item 9, any C-SSRS risk): show 988' }),
  careTeamAlerted: Type.Boolean({ description: 'A safety alert for these answers is in the care team’s inbox (PHQ-9 item 9, C-SSRS moderate or high risk)' }),
});
export type PortalQuestionnaireReceipt = Static<typeof PortalQuestionnaireReceipt>;

/** Step-down (and step-up) proposals, the queue and the clinical director's decisions (issue 4). */
import { Type, type Static } from 'typebox';
import { Episode } from '../episodes/episodes.schemas.ts';
import { LocalDay, Nullable, Timestamp, Uuid } from '../http/schemas.ts';

const PhaseRef = Type.Object({ phaseId: Uuid, name: Type.String() });

export const StepDirection = Type.Union([Type.Literal('advance'), Type.Literal('complete'), Type.Literal('intensify')], {
  description: 'advance: to the next phase; complete: the last phase is done (discharge); intensify: back a phase, or to a higher level of care from the first',
});
export type StepDirection = Static<typeof StepDirection>;

export const Evaluation = Type.Object({
  weekStart: Type.String({ description: 'First day of the evaluated (last completed) facility week' }),
  direction: Nullable(StepDirection),
  toPhase: Type.Union([PhaseRef, Type.Null()], { description: 'null with complete, and with intensify from the first phase (refer to a higher level of care)' }),
  criteria: Type.Array(
    Type.Object({
      key: Type.Union([Type.Literal('consecutive_weeks'), Type.Literal('attendance'), Type.Literal('phq9'), Type.Literal('objectives')]),
      met: Type.Boolean(),
      required: Type.String(),
      actual: Type.String(),
    }),
    { description: 'Empty when the phase has no advancement criteria' },
  ),
  concerns: Type.Array(
    Type.Object({
      key: Type.Union([Type.Literal('phq9_rising_into_severe'), Type.Literal('gad7_rising_into_severe'), Type.Literal('too_long_in_phase')]),
      text: Type.String(),
    }),
  ),
});
export type Evaluation = Static<typeof Evaluation>;

export const StepDownQueue = Type.Object({
  facilityId: Uuid,
  weekStart: Type.String({ description: 'The evaluated week' }),
  items: Type.Array(
    Type.Object({
      episodeId: Uuid,
      patientId: Uuid,
      patientName: Type.String(),
      mrn: Type.String(),
      programId: Uuid,
      programName: Type.String(),
      phase: PhaseRef,
      evaluation: Evaluation,
    }),
    { description: 'Active episodes with a proposal not yet decided; more intensive care first, then by name' },
  ),
});
export type StepDownQueue = Static<typeof StepDownQueue>;

export const StepDownDecision = Type.Object({
  decisionId: Uuid,
  episodeId: Uuid,
  weekStart: Type.String(),
  direction: StepDirection,
  fromPhase: PhaseRef,
  toPhase: Nullable(PhaseRef),
  decision: Type.Union([Type.Literal('approved'), Type.Literal('declined')]),
  reason: Nullable(Type.String()),
  decidedBy: Type.Object({ staffId: Uuid, fullName: Type.String() }),
  decidedAt: Timestamp,
  evidence: Evaluation,
});
export type StepDownDecision = Static<typeof StepDownDecision>;

export const EpisodeStepDown = Type.Object({
  evaluation: Type.Union([Evaluation, Type.Null()], { description: 'null for a discharged episode' }),
  decisions: Type.Array(StepDownDecision, { description: 'Newest first' }),
});
export type EpisodeStepDown = Static<typeof EpisodeStepDown>;

export const DecisionInput = Type.Object(
  {
    weekStart: LocalDay('The evaluated week the proposal was for'),
    direction: StepDirection,
    decision: Type.Union([Type.Literal('approved'), Type.Literal('declined')]),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 2000, description: 'Required to decline' }))),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionInput>;

export const DecisionResult = Type.Object({
  decision: StepDownDecision,
  episode: Episode,
  nextStep: Type.Union([Type.Literal('none'), Type.Literal('discharge'), Type.Literal('refer_higher_level')], {
    description: 'discharge: an approved completion (open the discharge workflow); refer_higher_level: an approved intensify from the first phase',
  }),
});
export type DecisionResult = Static<typeof DecisionResult>;

export const FacilityParams = Type.Object({ facilityId: Uuid });
export const EpisodeParams = Type.Object({ episodeId: Uuid });

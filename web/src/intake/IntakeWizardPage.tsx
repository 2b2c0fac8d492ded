import { Button, Card, Group, Select, Stack, Stepper, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery, useWindowEvent } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { errorSentence } from '../api/error-messages.ts';
import type { Patient } from '../api/types.ts';
import { ApiError } from '../api/client.ts';
import { applyServerError, formPath } from '../api/form-errors.ts';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { displayName } from '../patients/patient-labels.ts';
import { usePatient } from '../patients/usePatients.ts';
import { usePrograms } from '../programs/usePrograms.ts';
import { Page } from '../shell/Page.tsx';
import { ErrorState, FormAlert, SectionLoader } from '../shell/States.tsx';
import { CandidacyStep } from './CandidacyStep.tsx';
import { DimensionsStep } from './DimensionsStep.tsx';
import { assessmentInputOf, initialIntakeValues, type IntakeFormValues, previewInputOf, validateStep } from './intake-form.ts';
import { levelLabel } from './intake-labels.ts';
import type { PlacementDimensions } from './intake-types.ts';
import { RecommendationStep } from './RecommendationStep.tsx';
import { usePlacementDimensions, usePlacementPreview, useSaveIntakeAssessment } from './useIntake.ts';

/** /patients/:patientId/intake/new — the intake assessment wizard. */
export function IntakeWizardPage() {
  const { patientId = '' } = useParams();
  const patient = usePatient(patientId);
  const dimensions = usePlacementDimensions();
  const back = { to: `/patients/${patientId}?tab=care`, label: 'Back to the chart' };

  if (patient.isPending || dimensions.isPending) return <SectionLoader label="Loading the intake assessment" />;
  if (patient.isError || dimensions.isError) {
    return (
      <Page title="Intake assessment" back={back}>
        <ErrorState error={patient.error ?? dimensions.error} onRetry={() => void (patient.isError ? patient.refetch() : dimensions.refetch())} />
      </Page>
    );
  }
  return <IntakeWizard patient={patient.data} dimensions={dimensions.data} back={back} />;
}

const STEPS = [
  { label: 'Dimensions', description: 'Six risk ratings' },
  { label: 'IOP candidacy', description: 'Five questions' },
  { label: 'Placement', description: 'Recommendation and decision' },
];

const FIELDS = ['programId', 'assessedOn', 'dimensions.', 'candidacy.', 'decision.'];
const STEP_OF_FIELD: [string, number][] = [
  ['programId', 0],
  ['dimensions', 0],
  ['candidacy', 1],
];

function IntakeWizard({ patient, dimensions, back }: { patient: Patient; dimensions: PlacementDimensions; back: { to: string; label: string } }) {
  const navigate = useNavigate();
  const today = useFacilityToday(patient.facilityId);
  const programs = usePrograms();
  const activeEpisodes = patient.episodes.filter((e) => e.status === 'active');
  const form = useForm<IntakeFormValues>({
    initialValues: initialIntakeValues(today, activeEpisodes.length === 1 ? activeEpisodes[0]!.programId : null),
  });
  const [step, setStep] = useState(0);
  const narrow = useMediaQuery('(max-width: 40em)');
  const preview = usePlacementPreview(patient.patientId);
  const save = useSaveIntakeAssessment(patient.patientId);

  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** What the current step still lacks; shown while any of its fields is marked. */
  const [stepProblem, setStepProblem] = useState<string | null>(null);

  const submit = async (values: IntakeFormValues) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await save.mutateAsync(assessmentInputOf(values));
      form.resetDirty();
      notifications.show({ color: 'teal', title: 'Intake assessment saved', message: `Placed at ${levelLabel(saved.placedLevel, saved.placedLevelName)}.` });
      navigate(back.to);
    } catch (e) {
      setError(applyServerError(form, e, FIELDS) ?? 'See the messages beside the fields.');
      // A refusal about the ratings or the answers takes the person back to that step.
      const paths = e instanceof ApiError ? e.fieldProblems.map((p) => formPath(p.path)) : [];
      const target = STEP_OF_FIELD.find(([prefix]) => paths.some((p) => p.startsWith(prefix)));
      if (target) setStep(target[1]);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.mantine-InputWrapper-error')?.scrollIntoView({ block: 'center' }));
    } finally {
      setBusy(false);
    }
  };

  // The recommendation is recomputed each time the last step opens, from the answers as they are.
  useEffect(() => {
    if (step === 2) preview.mutate(previewInputOf(form.values));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  useWindowEvent('beforeunload', (event) => {
    if (form.isDirty() && !busy) event.preventDefault();
  });

  const next = () => {
    const errors = validateStep(step, form.values);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      setStepProblem(step === 0 ? 'Rate every dimension before going on.' : step === 1 ? 'Answer every question before going on.' : 'Some fields need attention: see the messages beside them.');
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.mantine-InputWrapper-error')?.scrollIntoView({ block: 'center' }));
      return;
    }
    setError(null);
    setStepProblem(null);
    if (step < 2) {
      setStep(step + 1);
      window.scrollTo({ top: 0 });
    } else void submit(form.values);
  };

  const goTo = (target: number) => {
    setStepProblem(null);
    if (target <= step) {
      setError(null);
      setStep(target);
      return;
    }
    // Forward only through steps that are complete.
    for (let s = step; s < target; s++) {
      const errors = validateStep(s, form.values);
      if (Object.keys(errors).length > 0) {
        setStep(s);
        form.setErrors(errors);
        return;
      }
    }
    setStep(target);
  };

  const programOptions = (programs.data ?? [])
    .filter((p) => p.active)
    .map((p) => ({ value: p.programId, label: `${p.name} · ${p.facilityName} (${p.population})` }));

  return (
    <Page title="Intake assessment" documentTitle={`Intake assessment · ${displayName(patient)}`} description={`${displayName(patient)} · MRN ${patient.mrn} · ASAM Criteria, ${dimensions.edition === '4' ? '4th' : '3rd'} edition`} back={back}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          next();
        }}
      >
        <Stack gap="lg">
          <Stepper active={step} onStepClick={goTo} size="sm" allowNextStepsSelect>
            {STEPS.map((st, i) => (
              <Stepper.Step key={st.label} label={narrow ? undefined : st.label} description={narrow ? undefined : st.description} aria-label={`Step ${i + 1}: ${st.label}`} />
            ))}
          </Stepper>
          {narrow && (
            <Text fw={600} mt={-8}>
              Step {step + 1} of {STEPS.length}: {STEPS[step]?.label}
            </Text>
          )}

          {step === 0 && (
            <Stack gap="md">
              <Card withBorder radius="md" padding="md">
                <Select
                  label="Assessing for program"
                  description="Optional. The program’s population (adult or adolescent) sets the criteria; without one, the patient’s age does."
                  placeholder="No program chosen yet"
                  clearable
                  searchable
                  maw={560}
                  data={programOptions}
                  nothingFoundMessage={programs.isPending ? 'Loading…' : 'No active program'}
                  {...form.getInputProps('programId')}
                />
              </Card>
              <DimensionsStep form={form} dimensions={dimensions.dimensions} />
            </Stack>
          )}
          {step === 1 && <CandidacyStep form={form} />}
          {step === 2 && (
            <RecommendationStep
              form={form}
              recommendation={preview.data ?? null}
              loading={preview.isPending}
              previewError={preview.isError ? errorSentence(preview.error) : null}
              levels={dimensions.levels}
              ratings={dimensions.dimensions.map((d, i) => ({ number: d.number, name: d.name, rating: form.values.dimensions[i]?.rating ?? '' }))}
            />
          )}

          <FormAlert message={stepProblem && Object.keys(form.errors).length > 0 ? stepProblem : null} title="Not finished" />
          <FormAlert message={error} />
          <Group justify="space-between">
            <Group gap="sm">
              {step > 0 && (
                <Button variant="default" leftSection={<IconArrowLeft size={18} aria-hidden />} onClick={() => goTo(step - 1)} disabled={busy}>
                  Back
                </Button>
              )}
              <Button variant="subtle" color="gray" onClick={() => navigate(back.to)} disabled={busy}>
                Cancel
              </Button>
            </Group>
            {step < 2 ? (
              <Button type="submit" rightSection={<IconArrowRight size={18} aria-hidden />}>
                Next
              </Button>
            ) : (
              <Button type="submit" loading={busy} disabled={!preview.data} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
                Save assessment
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Nothing is saved until the last step. The recommendation is computed from the answers; the decision is yours.
          </Text>
        </Stack>
      </form>
    </Page>
  );
}

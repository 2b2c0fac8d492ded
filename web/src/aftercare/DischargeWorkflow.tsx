import { Alert, Button, Group, Select, Stack, Stepper, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { DischargeReason, Episode } from '../api/types.ts';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { DISCHARGE_REASON_LABELS } from '../episodes/episode-labels.ts';
import { useDischarge } from '../episodes/useEpisodes.ts';
import { useFacilityToday } from '../facilities/useFacilityToday.ts';
import { ErrorState, FormAlert, SectionLoader } from '../shell/States.tsx';
import { formatDate } from '../time/dates.ts';
import { AftercareFields } from './AftercareFields.tsx';
import { aftercareInput, aftercareProblems, type AftercareValues, emptyAftercare } from './aftercare-form.ts';
import { AFTERCARE_REQUIRED } from './aftercare-labels.ts';
import type { AftercareInput } from './aftercare-types.ts';
import { DischargeSummaryView } from './DischargeSummaryView.tsx';
import classes from './Discharge.module.css';
import { useDischargeSummary } from './useAftercare.ts';

interface Values {
  dischargedOn: string;
  reason: DischargeReason | null;
  summary: string;
  withAftercare: boolean;
  aftercare: AftercareValues;
}

const STEP_NAMES = ['Discharge', 'Summary', 'Aftercare plan'] as const;
const STEP_FIELDS: readonly (readonly string[])[] = [['dischargedOn', 'reason', 'summary'], [], ['aftercare.']];

function detailsProblems(v: Values, admittedOn: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.dischargedOn)) errors['dischargedOn'] = 'Enter the discharge date.';
  else if (v.dischargedOn < admittedOn) errors['dischargedOn'] = 'Discharge cannot be before admission.';
  if (!v.reason) errors['reason'] = 'Choose the reason.';
  if (!v.summary.trim()) errors['summary'] = 'Write a short discharge note.';
  return errors;
}

/**
 * Discharge in three steps: date, reason and note; the discharge summary (admission → now)
 * to check; the aftercare plan (required after completing or stepping down to outpatient,
 * optional otherwise). Everything is saved in one request at the end.
 */
export function DischargeWorkflow({ episode, onDone }: { episode: Episode; onDone: () => void }) {
  const discharge = useDischarge(episode.patientId, episode.episodeId);
  const today = useFacilityToday(episode.facilityId);
  const summary = useDischargeSummary(episode.episodeId);
  const [step, setStep] = useState(0);
  const form = useForm<Values>({
    initialValues: { dischargedOn: today, reason: null, summary: '', withAftercare: false, aftercare: emptyAftercare() },
  });
  const values = form.getValues();
  const required = values.reason !== null && AFTERCARE_REQUIRED.includes(values.reason);
  const sendsAftercare = required || values.withAftercare;

  const { busy, error, submit } = useFormSubmit(form, STEP_FIELDS.flat(), async (v: Values) => {
    const aftercare: AftercareInput | undefined = sendsAftercare ? aftercareInput(v.aftercare) : undefined;
    try {
      await discharge.mutateAsync({ dischargedOn: v.dischargedOn, reason: v.reason ?? 'other', summary: v.summary.trim(), ...(aftercare ? { aftercare } : {}) });
    } catch (e) {
      // A refusal about the first step's fields: go back to show them beside their fields.
      const paths = e instanceof ApiError ? e.fieldProblems.map((p) => p.path) : [];
      if (paths.some((p) => STEP_FIELDS[0]!.includes(p))) setStep(0);
      throw e;
    }
    notifications.show({ color: 'teal', title: 'Discharged', message: `${episode.programName} episode closed.${aftercare ? ' Follow-ups are due 30, 60 and 90 days from discharge.' : ''}` });
    onDone();
  });

  const next = () => {
    if (step === 0) {
      const problems = detailsProblems(form.getValues(), episode.admittedOn);
      form.setErrors(problems);
      if (Object.keys(problems).length) return;
    }
    setStep((s) => Math.min(2, s + 1));
  };
  const finish = () => {
    const v = form.getValues();
    const problems = { ...detailsProblems(v, episode.admittedOn), ...(sendsAftercare ? aftercareProblems(v.aftercare, 'aftercare') : {}) };
    form.setErrors(problems);
    if (Object.keys(problems).some((k) => !k.startsWith('aftercare.'))) return setStep(0);
    if (Object.keys(problems).length) return;
    void submit(v);
  };

  return (
    <Stack gap="md">
      <Text hiddenFrom="xs" size="sm" fw={600} c="dimmed">
        Step {step + 1} of 3 · {STEP_NAMES[step]}
      </Text>
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm" allowNextStepsSelect={false} classNames={{ steps: classes.steps }}>
        <Stepper.Step label="Discharge" description="Date, reason, note">
          <Stack gap="sm" mt="md">
            <Alert color="yellow" variant="light">
              Discharging ends the patient’s group places in this program on the discharge date.
            </Alert>
            <Group grow align="flex-start">
              <TextInput label="Discharge date" type="date" required min={episode.admittedOn} data-autofocus {...form.getInputProps('dischargedOn')} />
              <Select label="Reason" required data={Object.entries(DISCHARGE_REASON_LABELS).map(([value, label]) => ({ value, label }))} {...form.getInputProps('reason')} />
            </Group>
            <Textarea label="Discharge note" description="Course of treatment, condition at discharge, recommendations." required autosize minRows={4} {...form.getInputProps('summary')} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Summary" description="Admission to now">
          <Stack gap="sm" mt="md">
            <Text size="sm" c="dimmed">
              The figures recorded with the discharge, from admission on {formatDate(episode.admittedOn)} to today. They are saved as they stand on the day of discharge.
            </Text>
            {summary.isPending ? (
              <SectionLoader label="Gathering the discharge summary" />
            ) : summary.isError ? (
              <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
            ) : (
              <DischargeSummaryView summary={summary.data} />
            )}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Aftercare plan" description={required ? 'Required' : 'Optional'}>
          <Stack gap="sm" mt="md">
            {required ? (
              <Text size="sm">
                A patient who {values.reason === 'completed' ? 'completed the program' : 'steps down to outpatient care'} leaves with an aftercare plan. Follow-up contacts are scheduled 30, 60 and 90 days after discharge.
              </Text>
            ) : (
              <Switch
                label="Write an aftercare plan (schedules follow-ups at 30, 60 and 90 days)"
                {...form.getInputProps('withAftercare', { type: 'checkbox' })}
              />
            )}
            {sendsAftercare && <AftercareFields form={form} />}
          </Stack>
        </Stepper.Step>
      </Stepper>
      <FormAlert message={error} title="Not discharged" />
      <Group justify="space-between">
        <Button variant="default" onClick={onDone} disabled={busy}>
          Cancel
        </Button>
        <Group gap="sm">
          {step > 0 && (
            <Button variant="default" onClick={() => setStep((s) => s - 1)} disabled={busy}>
              Back
            </Button>
          )}
          {step < 2 ? (
            <Button onClick={next}>Next</Button>
          ) : (
            <Button color="red" loading={busy} onClick={finish}>
              Discharge
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

import { ActionIcon, Alert, Button, Chip, Group, NumberInput, type NumberInputHandlers, Radio, SimpleGrid, Slider, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconMinus, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useId, useRef } from 'react';
import { useFormSubmit } from '../api/use-form-submit.ts';
import { MEDICATION_TAKEN, MOODS, SLEEP_QUALITY, SUBSTANCE_LABELS, cravingWords } from './checkin-labels.ts';
import { type Checkin, type CheckinInput, type MedicationTaken, SUBSTANCES, type Substance } from './checkin-types.ts';
import classes from './Checkin.module.css';

interface Values {
  craving: number | null;
  mood: string;
  sleepHours: number | string;
  sleepQuality: string;
  usedSinceLast: '' | 'yes' | 'no';
  substances: string[];
  medicationTaken: string;
  note: string;
}

const FIELDS = ['craving', 'mood', 'sleepHours', 'sleepQuality', 'usedSinceLast', 'substances', 'medicationTaken', 'note'] as const;

function initialValues(previous: Checkin | null | undefined): Values {
  if (!previous) return { craving: null, mood: '', sleepHours: '', sleepQuality: '', usedSinceLast: '', substances: [], medicationTaken: '', note: '' };
  return {
    craving: previous.craving,
    mood: String(previous.mood),
    sleepHours: previous.sleepHours,
    sleepQuality: String(previous.sleepQuality),
    usedSinceLast: previous.usedSinceLast ? 'yes' : 'no',
    substances: [...previous.substances],
    medicationTaken: previous.medicationTaken,
    note: previous.note ?? '',
  };
}

function toInput(v: Values): CheckinInput {
  const used = v.usedSinceLast === 'yes';
  return {
    craving: v.craving ?? 0,
    mood: Number(v.mood),
    sleepHours: Number(v.sleepHours),
    sleepQuality: Number(v.sleepQuality),
    usedSinceLast: used,
    substances: used ? (v.substances as Substance[]) : [],
    medicationTaken: v.medicationTaken as MedicationTaken,
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
  };
}

export interface CheckinFormProps {
  /** The kiosk: larger type and targets for a tablet at the front desk. */
  kiosk?: boolean;
  /** Today's earlier answers, to change them. */
  previous?: Checkin | null;
  /** Sends the check-in; a refusal is shown beside the questions it names. */
  onSubmit: (input: CheckinInput) => Promise<unknown>;
  submitLabel?: string;
  /** Beside the submit button (the kiosk's "Start over"). */
  secondaryAction?: ReactNode;
}

/**
 * The daily check-in: craving (0–10), mood, sleep, any use since the last check-in (which
 * substances), medication. Every question needs an answer; nothing is sent until then.
 */
export function CheckinForm({ kiosk = false, previous, onSubmit, submitLabel = 'Send my check-in', secondaryAction }: CheckinFormProps) {
  const idBase = useId();
  const sleepHandlers = useRef<NumberInputHandlers>(undefined);
  const form = useForm<Values>({
    initialValues: initialValues(previous),
    validate: {
      craving: (v) => (v === null ? 'Tap the scale to answer (0 if you have had no craving).' : null),
      mood: (v) => (v ? null : 'Choose how your mood is.'),
      sleepHours: (v) =>
        v === '' || Number.isNaN(Number(v)) ? 'Enter how many hours you slept (0 if none).' : Number(v) < 0 || Number(v) > 24 ? 'Enter between 0 and 24 hours.' : (Number(v) * 2) % 1 !== 0 ? 'Use whole or half hours, such as 6 or 6.5.' : null,
      sleepQuality: (v) => (v ? null : 'Choose how well you slept.'),
      usedSinceLast: (v) => (v ? null : 'Choose yes or no.'),
      substances: (v, values) => (values.usedSinceLast === 'yes' && v.length === 0 ? 'Choose what you used (or “Something else”).' : null),
      medicationTaken: (v) => (v ? null : 'Choose an answer.'),
    },
  });
  const { busy, error, submit } = useFormSubmit<Values>(form, FIELDS, (values) => onSubmit(toInput(values)), {
    fieldsOnlyMessage: 'Some answers could not be accepted. Check the questions marked in red.',
  });
  const sectionId = (field: string) => `${idBase}-${field}`;
  const errorOf = (field: (typeof FIELDS)[number]) => (form.errors[field] ? String(form.errors[field]) : null);

  const focusFirstError = (errors: Record<string, unknown>) => {
    const first = FIELDS.find((f) => errors[f]);
    if (!first) return;
    const section = document.getElementById(sectionId(first));
    section?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    section?.querySelector<HTMLElement>('input, [role="slider"], textarea')?.focus({ preventScroll: true });
  };

  const optionClasses = { root: classes.option, body: classes.optionBody, inner: classes.optionInner, labelWrapper: classes.optionLabelWrapper, label: classes.optionLabel };
  const invalidCount = Object.keys(form.errors).length;

  return (
    <form
      className={classes.form}
      data-kiosk={kiosk || undefined}
      noValidate
      aria-label="Daily check-in"
      onSubmit={form.onSubmit((values) => void submit(values), focusFirstError)}
    >
      <Stack gap="md">
        <Question id={sectionId('craving')} error={errorOf('craving')} prompt="How strong have your cravings to use been today?">
          <Text className={classes.cravingValue} aria-hidden>
            {form.values.craving === null ? 'Tap the scale' : `${form.values.craving} · ${cravingWords(form.values.craving)}`}
          </Text>
          <Slider
            className={classes.slider}
            data-unanswered={form.values.craving === null || undefined}
            min={0}
            max={10}
            step={1}
            size={kiosk ? 'xl' : 'lg'}
            thumbSize={kiosk ? 40 : 28}
            value={form.values.craving ?? 0}
            onChange={(v) => {
              form.setFieldValue('craving', v);
              form.clearFieldError('craving');
            }}
            label={null}
            thumbLabel="Craving, from 0 (none) to 10 (the strongest)"
            thumbValueText={(v) => (form.values.craving === null ? 'not answered' : `${v}, ${cravingWords(v)}`)}
            marks={Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }))}
            color="indigo"
          />
          <Group justify="space-between" className={classes.scaleEnds} aria-hidden>
            <span>None</span>
            <span>The strongest</span>
          </Group>
        </Question>

        <Radio.Group
          id={sectionId('mood')}
          className={classes.question}
          data-error={errorOf('mood') ? true : undefined}
          label="How is your mood today?"
          classNames={{ label: classes.prompt, error: classes.error }}
          inputWrapperOrder={['label', 'error', 'input']}
          {...form.getInputProps('mood')}
        >
          <SimpleGrid cols={5} spacing={kiosk ? 'sm' : 6}>
            {MOODS.map((m) => (
              <Radio
                key={m.value}
                value={String(m.value)}
                classNames={{ ...optionClasses, root: `${classes.option} ${classes.mood}` }}
                label={
                  <>
                    <m.icon size={kiosk ? 56 : 36} stroke={1.5} color={`var(--mantine-color-${m.color}-7)`} className={classes.face} aria-hidden />
                    {m.label}
                  </>
                }
              />
            ))}
          </SimpleGrid>
        </Radio.Group>

        <Question id={sectionId('sleepHours')} error={null} invalid={Boolean(errorOf('sleepHours') || errorOf('sleepQuality'))} prompt="Sleep last night">
          <Stack gap="md">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <ActionIcon variant="default" size={kiosk ? 64 : 48} radius="md" aria-label="Half an hour less" onClick={() => sleepHandlers.current?.decrement()}>
                <IconMinus size={kiosk ? 28 : 20} aria-hidden />
              </ActionIcon>
              <NumberInput
                label="Hours of sleep"
                size={kiosk ? 'xl' : 'lg'}
                min={0}
                max={24}
                step={0.5}
                startValue={7}
                decimalScale={1}
                allowNegative={false}
                hideControls
                handlersRef={sleepHandlers}
                inputMode="decimal"
                w={kiosk ? 200 : 150}
                {...form.getInputProps('sleepHours')}
                error={Boolean(errorOf('sleepHours'))}
                aria-describedby={errorOf('sleepHours') ? `${sectionId('sleepHours')}-error` : undefined}
              />
              <ActionIcon variant="default" size={kiosk ? 64 : 48} radius="md" aria-label="Half an hour more" onClick={() => sleepHandlers.current?.increment()}>
                <IconPlus size={kiosk ? 28 : 20} aria-hidden />
              </ActionIcon>
            </Group>
            {errorOf('sleepHours') && (
              <Text c="red.8" size="md" id={`${sectionId('sleepHours')}-error`}>
                {errorOf('sleepHours')}
              </Text>
            )}
            <Radio.Group
              id={sectionId('sleepQuality')}
              label="How well did you sleep?"
              classNames={{ label: classes.prompt, error: classes.error }}
              inputWrapperOrder={['label', 'error', 'input']}
              {...form.getInputProps('sleepQuality')}
            >
              <SimpleGrid type="container" cols={{ base: 1, '30rem': 5 }} spacing="xs">
                {SLEEP_QUALITY.map((q) => (
                  <Radio key={q.value} value={String(q.value)} label={q.label} classNames={optionClasses} />
                ))}
              </SimpleGrid>
            </Radio.Group>
          </Stack>
        </Question>

        <Radio.Group
          id={sectionId('usedSinceLast')}
          className={classes.question}
          data-error={errorOf('usedSinceLast') ? true : undefined}
          label="Have you used alcohol or drugs since your last check-in?"
          description="Your answer goes to your care team so they can support you."
          classNames={{ label: classes.prompt, description: classes.description, error: classes.error }}
          inputWrapperOrder={['label', 'description', 'error', 'input']}
          {...form.getInputProps('usedSinceLast')}
          onChange={(v) => {
            form.setFieldValue('usedSinceLast', v as Values['usedSinceLast']);
            form.clearFieldError('usedSinceLast');
            if (v === 'no') form.setFieldValue('substances', []);
          }}
        >
          <Stack gap="md" mt="xs">
            <SimpleGrid cols={2} spacing="xs">
              <Radio value="no" label="No" classNames={optionClasses} />
              <Radio value="yes" label="Yes" classNames={optionClasses} />
            </SimpleGrid>
          </Stack>
        </Radio.Group>
        {form.values.usedSinceLast === 'yes' && (
          <Question id={sectionId('substances')} error={errorOf('substances')} prompt="What did you use? Choose all that apply.">
            <Chip.Group
              multiple
              value={form.values.substances}
              onChange={(v) => {
                form.setFieldValue('substances', v);
                form.clearFieldError('substances');
              }}
            >
              <Group gap="sm">
                {SUBSTANCES.map((s) => (
                  <Chip key={s} value={s} size={kiosk ? 'xl' : 'lg'} variant="outline" color="indigo">
                    {SUBSTANCE_LABELS[s]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Question>
        )}

        <Radio.Group
          id={sectionId('medicationTaken')}
          className={classes.question}
          data-error={errorOf('medicationTaken') ? true : undefined}
          label="Did you take your medication as prescribed since your last check-in?"
          classNames={{ label: classes.prompt, error: classes.error }}
          inputWrapperOrder={['label', 'error', 'input']}
          {...form.getInputProps('medicationTaken')}
        >
          <SimpleGrid type="container" cols={{ base: 1, '30rem': 2, '50rem': 4 }} spacing="xs">
            {MEDICATION_TAKEN.map((m) => (
              <Radio key={m.value} value={m.value} label={m.label} classNames={optionClasses} />
            ))}
          </SimpleGrid>
        </Radio.Group>

        <Textarea
          id={sectionId('note')}
          label="Anything else your care team should know? (optional)"
          size={kiosk ? 'lg' : 'md'}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />

        {(error || invalidCount > 0) && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not sent" role="alert">
            {error ?? (invalidCount === 1 ? 'One question still needs an answer: it is marked in red.' : 'Some questions still need an answer: they are marked in red.')}
          </Alert>
        )}
        <Group gap="sm" justify="flex-end">
          {secondaryAction}
          <Button type="submit" size={kiosk ? 'xl' : 'lg'} loading={busy} style={{ flex: '1 1 14rem', maxWidth: '26rem' }}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A question that is not a radio group: a labelled region with its error under the prompt. */
function Question({ id, prompt, error, invalid = false, children }: { id: string; prompt: string; error: string | null; invalid?: boolean; children: ReactNode }) {
  const labelId = `${id}-label`;
  return (
    <div id={id} role="group" aria-labelledby={labelId} aria-describedby={error ? `${id}-error` : undefined} className={classes.question} data-error={error || invalid ? true : undefined}>
      <Text id={labelId} className={classes.prompt}>
        {prompt}
      </Text>
      {error && (
        <Text c="red.8" className={classes.error} id={`${id}-error`}>
          {error}
        </Text>
      )}
      {children}
    </div>
  );
}

import { Badge, Grid, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ClinicianOption } from '../staff/useClinicians.ts';
import { RowHeading } from './editor-parts.tsx';
import { InterventionsEditor } from './InterventionsEditor.tsx';
import { DEFAULT_TARGETS, metricOf, type MetricFormValues, type NewRowDefaults, type ObjectiveFormValues, type PlanFormValues } from './plan-form.ts';
import { INSTRUMENT_LABELS, INSTRUMENT_MAX, METRIC_KIND_HINTS, METRIC_KIND_LABELS, SESSION_KIND_LABELS, suggestedDescription } from './plan-labels.ts';
import type { MetricKind } from './plan-types.ts';

interface ObjectiveEditorProps {
  form: UseFormReturnType<PlanFormValues>;
  path: string;
  objective: ObjectiveFormValues;
  number: string;
  canRemove: boolean;
  onRemove: () => void;
  defaults: NewRowDefaults;
  phases: { value: string; label: string }[];
  staff: ClinicianOption[];
}

const options = <K extends string>(labels: Record<K, string>) => (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

/** One measurable objective: what is measured, from where to where, by when, in which phase, and how. */
export function ObjectiveEditor({ form, path, objective: o, number, canRemove, onRemove, defaults, phases, staff }: ObjectiveEditorProps) {
  const m = o.metric;

  /** Keep the suggested sentence in step with the metric until the author writes their own. */
  const update = (next: { metric?: MetricFormValues; target?: number | string }) => {
    const metric = next.metric ?? m;
    const target = next.target ?? o.target;
    if (next.metric) form.setFieldValue(`${path}.metric`, metric);
    if (next.target !== undefined) form.setFieldValue(`${path}.target`, target);
    if (o.autoDescription) form.setFieldValue(`${path}.description`, suggestedDescription(metricOf(metric), target));
  };

  const changeKind = (kind: MetricKind) => {
    // A target still at the old kind's default moves to the new kind's default (90 % means nothing as a PHQ-9 score).
    const target = o.target === '' || o.target === DEFAULT_TARGETS[m.kind] ? DEFAULT_TARGETS[kind] : o.target;
    update({ metric: { ...m, kind }, target });
  };

  const targetProps = targetInputProps(m);

  return (
    <Paper p="sm" radius="md" bg="var(--mantine-color-gray-0)" withBorder component="fieldset" style={{ margin: 0, minWidth: 0 }}>
      <RowHeading
        title={
          <Text component="legend" fw={600} size="sm" p={0}>
            Objective {number}
          </Text>
        }
        what={`objective ${number}`}
        canRemove={canRemove}
        removeHint="A goal needs at least one objective"
        onRemove={onRemove}
        extra={
          <Badge variant="light" color="indigo" size="sm">
            {METRIC_KIND_LABELS[m.kind]}
          </Badge>
        }
      />
      <Stack gap="sm">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              id={`description-${o.objectiveId}`}
              label="Objective statement"
              required
              {...form.getInputProps(`${path}.description`)}
              onChange={(e) => {
                form.setFieldValue(`${path}.description`, e.currentTarget.value);
                form.setFieldValue(`${path}.autoDescription`, false);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <TextInput label="Due" type="date" required {...form.getInputProps(`${path}.dueOn`)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
            <Select label="Phase" placeholder="Any phase" clearable data={phases} {...form.getInputProps(`${path}.phaseId`)} />
          </Grid.Col>
        </Grid>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label="Measured by"
            required
            allowDeselect={false}
            data={options(METRIC_KIND_LABELS)}
            value={m.kind}
            onChange={(v) => v && changeKind(v as MetricKind)}
            error={form.errors[`${path}.metric.kind`] ?? form.errors[`${path}.metric`]}
          />
          <MetricParameter form={form} path={path} metric={m} onChange={(metric) => update({ metric })} />
          <NumberInput label="Baseline" placeholder="Optional" allowNegative={false} {...form.getInputProps(`${path}.baseline`)} {...targetProps} />
          <NumberInput
            label="Target"
            required
            allowNegative={false}
            {...form.getInputProps(`${path}.target`)}
            {...targetProps}
            onChange={(v) => update({ target: v })}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt={-6}>
          {METRIC_KIND_HINTS[m.kind]}
        </Text>
        <InterventionsEditor form={form} objectivePath={path} interventions={o.interventions} label={`objective ${number}`} defaults={defaults} staff={staff} />
      </Stack>
    </Paper>
  );
}

/** The metric's own parameter: weeks, questionnaire, session kind or unit (none for weeks with hours met). */
function MetricParameter({ form, path, metric: m, onChange }: { form: UseFormReturnType<PlanFormValues>; path: string; metric: MetricFormValues; onChange: (m: MetricFormValues) => void }) {
  const error = (key: string) => form.errors[`${path}.metric.${key}`];
  switch (m.kind) {
    case 'attendance_rate':
      return (
        <NumberInput label="Over the last" suffix=" weeks" min={1} max={26} allowDecimal={false} required value={m.weeks} onChange={(weeks) => onChange({ ...m, weeks })} error={error('weeks')} />
      );
    case 'instrument_score_below':
      return (
        <Select label="Questionnaire" required allowDeselect={false} data={options(INSTRUMENT_LABELS)} value={m.instrument} onChange={(v) => v && onChange({ ...m, instrument: v as MetricFormValues['instrument'] })} error={error('instrument')} />
      );
    case 'sessions_attended':
      return (
        <Select label="Session kind" required allowDeselect={false} data={options(SESSION_KIND_LABELS)} value={m.sessionKind} onChange={(v) => v && onChange({ ...m, sessionKind: v as MetricFormValues['sessionKind'] })} error={error('sessionKind')} />
      );
    case 'custom':
      return <TextInput label="Unit" required placeholder="e.g. mutual-help meetings" value={m.unit} onChange={(e) => onChange({ ...m, unit: e.currentTarget.value })} error={error('unit')} />;
    case 'weeks_hours_met':
      return <div aria-hidden />;
  }
}

/** Bounds and suffix for baseline and target, by metric. */
function targetInputProps(m: MetricFormValues): { suffix?: string; max?: number; allowDecimal?: boolean } {
  switch (m.kind) {
    case 'attendance_rate':
      return { suffix: ' %', max: 100 };
    case 'instrument_score_below':
      return { max: INSTRUMENT_MAX[m.instrument], allowDecimal: false };
    case 'weeks_hours_met':
      return { suffix: ' weeks', allowDecimal: false };
    case 'sessions_attended':
      return { allowDecimal: false };
    case 'custom':
      return {};
  }
}

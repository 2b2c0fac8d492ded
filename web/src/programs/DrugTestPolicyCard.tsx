import { Button, Card, Checkbox, Chip, Grid, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { permissions } from '../auth/permissions.ts';
import { useMe } from '../auth/session.tsx';
import { SPECIMEN_LABELS } from '../drugtests/drug-test-labels.ts';
import type { Policy, PolicyView, SpecimenType } from '../drugtests/drug-test-types.ts';
import { useCodedSubmit } from '../drugtests/use-coded-submit.ts';
import { useDrugTestPolicy, useSavePolicy } from '../drugtests/useDrugTests.ts';
import { Fact } from '../shell/Fact.tsx';
import { ErrorState, FormAlert, SectionLoader } from '../shell/States.tsx';
import { formatDate, WEEKDAYS } from '../time/dates.ts';
import { describeDays } from './program-labels.ts';

const SPECIMENS: SpecimenType[] = ['urine', 'oral_fluid'];
const other = (s: SpecimenType): SpecimenType => (s === 'urine' ? 'oral_fluid' : 'urine');

/** "1 test", "1.5 tests" per patient per week. */
function perWeek(n: number): string {
  return `${Number.isInteger(n) ? n : n.toFixed(2).replace(/0$/, '')} ${n === 1 ? 'test' : 'tests'} per patient per week`;
}

/**
 * The program's random drug-testing policy, in its clinical settings: how often on average,
 * on which weekdays, the specimen and the panel. Editors change it in a dialog.
 */
export function DrugTestPolicyCard({ programId }: { programId: string }) {
  const me = useMe();
  const view = useDrugTestPolicy(programId);
  const [editing, setEditing] = useState(false);
  const canEdit = permissions.editDrugTestPolicy(me);
  const policy = view.data?.policy ?? null;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="drug-test-policy-heading">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id="drug-test-policy-heading">
            Random drug testing
          </Title>
          <Text size="sm" c="dimmed">
            Each day, patients scheduled to attend may be selected at random. Only collectors see the day’s list.
          </Text>
        </Stack>
        {canEdit && view.data && (
          <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
            {policy ? 'Change policy' : 'Set up random testing'}
          </Button>
        )}
      </Group>
      {view.isPending ? (
        <SectionLoader label="Loading the testing policy" />
      ) : view.isError ? (
        <ErrorState error={view.error} onRetry={() => void view.refetch()} />
      ) : !policy ? (
        <Text size="sm">No random testing in this program. For-cause tests can still be ordered from a patient’s chart.</Text>
      ) : (
        <PolicySummary policy={policy} panels={view.data.panels} />
      )}
      {view.data && (
        <Modal opened={editing} onClose={() => setEditing(false)} centered size="xl" title={<Text fw={700}>Random drug testing</Text>}>
          {editing && <PolicyForm programId={programId} view={view.data} onClose={() => setEditing(false)} />}
        </Modal>
      )}
    </Card>
  );
}

function PolicySummary({ policy, panels }: { policy: Policy; panels: PolicyView['panels'] }) {
  const panel = panels.find((p) => p.panelId === policy.panelId);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <Fact name="Status">{policy.active ? 'Active' : 'Paused: no random selection'}</Fact>
        <Fact name="Rate">{perWeek(policy.testsPerWeek)}</Fact>
        <Fact name="On">{describeDays(policy.eligibleWeekdays)}</Fact>
        <Fact name="Specimen and panel">
          {SPECIMEN_LABELS[policy.specimenTypes[0] ?? 'urine']}
          {policy.specimenTypes.length > 1 ? ` (${SPECIMEN_LABELS[policy.specimenTypes[1]!].toLowerCase()} also allowed)` : ''}
          <Text size="xs" c="dimmed">
            {panel?.name ?? policy.panelId}
          </Text>
        </Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Changed {formatDate(policy.updatedAt.slice(0, 10))} by {policy.updatedBy.fullName}
      </Text>
    </Stack>
  );
}

interface Values {
  active: boolean;
  testsPerWeek: number | string;
  eligibleWeekdays: string[];
  primary: SpecimenType;
  alsoOther: boolean;
  panelId: string | null;
}

function PolicyForm({ programId, view, onClose }: { programId: string; view: PolicyView; onClose: () => void }) {
  const save = useSavePolicy(programId);
  const p = view.policy;
  const form = useForm<Values>({
    initialValues: {
      active: p?.active ?? true,
      testsPerWeek: p?.testsPerWeek ?? 1,
      eligibleWeekdays: (p?.eligibleWeekdays ?? [1, 2, 3, 4, 5]).map(String),
      primary: p?.specimenTypes[0] ?? 'urine',
      alsoOther: (p?.specimenTypes.length ?? 0) > 1,
      panelId: p?.panelId ?? view.panels.find((x) => x.panelId === 'clinical_12')?.panelId ?? view.panels[0]?.panelId ?? null,
    },
    validate: {
      testsPerWeek: (v) => (typeof v === 'number' && v > 0 && v <= 7 ? null : 'Between 0.25 and 7 tests per week.'),
      eligibleWeekdays: (v) => (v.length > 0 ? null : 'Choose at least one day.'),
      panelId: (v, values) => {
        const panel = view.panels.find((x) => x.panelId === v);
        if (!panel) return 'Choose a panel.';
        return panel.specimenTypes.includes(values.primary) ? null : `This panel is not for ${SPECIMEN_LABELS[values.primary].toLowerCase()}.`;
      },
    },
  });
  const { busy, error, submit } = useCodedSubmit(form, ['active', 'testsPerWeek', 'eligibleWeekdays', 'specimenTypes', 'panelId'], { panel_unknown: 'panelId' }, async (v: Values) => {
    await save.mutateAsync({
      active: v.active,
      testsPerWeek: Number(v.testsPerWeek),
      eligibleWeekdays: v.eligibleWeekdays.map(Number).sort((a, b) => a - b),
      specimenTypes: v.alsoOther && supportsBoth(v.panelId) ? [v.primary, other(v.primary)] : [v.primary],
      panelId: v.panelId!,
    });
    notifications.show({ color: 'teal', title: 'Policy saved', message: v.active ? 'Random selection follows the new policy from the next draw.' : 'Random selection is paused.' });
    onClose();
  });
  const panels = view.panels.filter((x) => x.specimenTypes.includes(form.values.primary));
  // A policy's panel must test every specimen type it allows.
  const supportsBoth = (panelId: string | null) => view.panels.find((x) => x.panelId === panelId)?.specimenTypes.length === 2;
  const bothTypes = supportsBoth(form.values.panelId);
  const rate = typeof form.values.testsPerWeek === 'number' ? form.values.testsPerWeek : null;
  const days = form.values.eligibleWeekdays.length;

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="md">
        <Switch label="Random testing is active" description="Paused: no one is selected; for-cause tests can still be ordered." {...form.getInputProps('active', { type: 'checkbox' })} />
        <NumberInput
          label="Tests per patient per week (average)"
          description="Each scheduled day, a patient’s chance is this number divided by their scheduled testing days that week, so every patient meets the average whatever their schedule. Days are drawn independently: a test one day does not make the next day safer."
          required
          min={0.25}
          max={7}
          step={0.25}
          decimalScale={2}
          styles={{ wrapper: { maxWidth: 180 } }}
          {...form.getInputProps('testsPerWeek')}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="policy-days-label">
            Days tests may fall on
          </Text>
          <Chip.Group multiple {...form.getInputProps('eligibleWeekdays')}>
            <Group gap={6} role="group" aria-labelledby="policy-days-label">
              {WEEKDAYS.map((d) => (
                <Chip key={d.value} value={String(d.value)} variant="outline">
                  {d.short}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {form.errors.eligibleWeekdays && (
            <Text size="xs" c="red.8" role="alert">
              {form.errors.eligibleWeekdays}
            </Text>
          )}
          {rate !== null && days > 0 && rate > days && (
            <Text size="xs" c="orange.8">
              More tests per week than testing days: patients are tested on every scheduled testing day.
            </Text>
          )}
        </Stack>
        <Grid>
          <Grid.Col span={{ base: 12, xs: 4 }}>
            <Select
              label="Random tests collect"
              data={SPECIMENS.map((s) => ({ value: s, label: SPECIMEN_LABELS[s] }))}
              allowDeselect={false}
              {...form.getInputProps('primary')}
              onChange={(v) => {
                const primary = (v ?? 'urine') as SpecimenType;
                form.setFieldValue('primary', primary);
                const current = view.panels.find((x) => x.panelId === form.values.panelId);
                if (!current?.specimenTypes.includes(primary)) form.setFieldValue('panelId', view.panels.find((x) => x.specimenTypes.includes(primary))?.panelId ?? null);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 8 }}>
            <Select
              label="Panel"
              required
              data={panels.map((x) => ({ value: x.panelId, label: x.name }))}
              allowDeselect={false}
              {...form.getInputProps('panelId')}
            />
          </Grid.Col>
        </Grid>
        {bothTypes && (
          <Checkbox label={`${SPECIMEN_LABELS[other(form.values.primary)]} may also be collected (e.g. for-cause)`} {...form.getInputProps('alsoOther', { type: 'checkbox' })} />
        )}
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save policy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
